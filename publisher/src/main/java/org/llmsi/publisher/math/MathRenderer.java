package org.llmsi.publisher.math;

import java.awt.Color;
import java.awt.Dimension;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Typesets TeX at build time with JLaTeXMath and writes it as SVG whose glyphs are paths, so the
 * page needs no math font, no script and no network, and the PDF gets the same drawing.
 *
 * <p>One instance lives for one build and caches by TeX string: a symbol such as {@code B_mem} is
 * typeset once however many "where" lists show it.
 */
public final class MathRenderer {
  /** JLaTeXMath's size in pixels per em; the SVG is then scaled back to the text's em. */
  private static final float SIZE = 20f;
  private static final String SVG_NS = "http://www.w3.org/2000/svg";

  private static final Pattern PATH = Pattern.compile("<path ([^>]*?)d=\"([^\"]+)\"([^>]*?)/>");
  /** A group that only positions one glyph: folded into the reference's own transform. */
  private static final Pattern GLYPH_GROUP =
      Pattern.compile("<g transform=\"([^\"]+)\"><use href=\"#(g[0-9a-f]{10})\"/></g>");
  private static final Pattern STYLE = Pattern.compile(" style=\"([^\"]*)\"");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d{2,}");
  /** Style properties Batik sets on every group that do not change how a filled path looks. */
  private static final Pattern NOISE = Pattern.compile(
      "(font-[a-z-]+|text-rendering|color-rendering|image-rendering|color-interpolation|shape-rendering)\\s*:");
  private static final Pattern NEWLINE_SPACE = Pattern.compile("\\s*\\n\\s*");
  private static final Pattern SPACE_BEFORE_CLOSE = Pattern.compile("\\s+(/?>)");
  private static final Pattern GROUP_TAG = Pattern.compile("<g>|<g [^>]*>|</g>");
  /** A glyph outline is used this often and is this long before sharing it pays. */
  private static final int SHARED_GLYPH_MIN = 40;

  private final Map<String, MathSvg> cache = new ConcurrentHashMap<>();
  private final Map<String, String> glyphs = new ConcurrentHashMap<>();

  /** Display style, for formula blocks. */
  public MathSvg display(String tex) {
    return cache.computeIfAbsent("D" + tex, k -> render(tex, true));
  }

  /** Text style, for math inside prose and tables. */
  public MathSvg inline(String tex) {
    return cache.computeIfAbsent("T" + tex, k -> render(tex, false));
  }

  /**
   * Typesets these pieces ahead of the bake, on every core: {@code display} in display style, the
   * rest in text style. Each distinct TeX string is typeset once (the cache); the markup does not
   * depend on the order, since glyph ids are hashes of the outlines.
   */
  public void prepare(java.util.Collection<String> display, java.util.Collection<String> inline) {
    java.util.List<Runnable> jobs = new java.util.ArrayList<>();
    for (String tex : new java.util.LinkedHashSet<>(display)) jobs.add(() -> display(tex));
    for (String tex : new java.util.LinkedHashSet<>(inline)) jobs.add(() -> inline(tex));
    if (jobs.isEmpty()) return;
    jobs.get(0).run(); // JLaTeXMath loads its fonts and tables on first use: once, on this thread
    jobs.subList(1, jobs.size()).parallelStream().forEach(job -> {
      try {
        job.run();
      } catch (TexRenderException e) {
        // Reported, with its location, when the page that holds it is rendered.
      }
    });
  }

  /** How many distinct pieces of TeX were typeset (for the build summary and tests). */
  public int typesetCount() {
    return cache.size();
  }

  /**
   * The shared glyph outlines with these ids, as the {@code <defs>} a page must hold once for its
   * math to reference: a glyph such as an italic {@code I} is drawn once per page, not per use.
   */
  public String glyphDefs(java.util.Collection<String> ids) {
    StringBuilder out = new StringBuilder();
    for (String id : new java.util.TreeSet<>(ids)) {
      String d = glyphs.get(id);
      if (d != null) out.append("<path id=\"").append(id).append("\" d=\"").append(d).append("\"/>");
    }
    return out.toString();
  }

  /** The id of every glyph this renderer has shared. */
  public java.util.Set<String> glyphIds() {
    return java.util.Set.copyOf(glyphs.keySet());
  }

  private MathSvg render(String tex, boolean display) {
    TeXIcon icon;
    try {
      TeXFormula formula = new TeXFormula(tex);
      icon = formula.createTeXIcon(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT, SIZE);
    } catch (RuntimeException e) {
      throw new TexRenderException(tex, e);
    }
    int width = Math.max(1, icon.getIconWidth());
    int height = Math.max(1, icon.getIconHeight());
    int depth = Math.max(0, icon.getIconDepth());

    Document dom = GenericDOMImplementation.getDOMImplementation().createDocument(SVG_NS, "svg", null);
    SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(dom);
    ctx.setComment(null); // Batik's "generated by" comment would only add bytes
    ctx.setEmbeddedFontsOn(false);
    SVGGraphics2D g = new SVGGraphics2D(ctx, true); // true: glyphs become shapes, no fonts needed
    g.setSVGCanvasSize(new Dimension(width, height));
    icon.setForeground(Color.BLACK);
    icon.paintIcon(null, g, 0, 0);
    Element root = g.getRoot();
    root.setAttributeNS(null, "viewBox", "0 0 " + width + " " + height);
    root.removeAttributeNS(null, "width");
    root.removeAttributeNS(null, "height");
    StringWriter out = new StringWriter();
    try {
      g.stream(root, out, true, false);
    } catch (IOException e) {
      throw new TexRenderException(tex, e);
    } finally {
      g.dispose();
    }
    return new MathSvg(tex, shareGlyphs(tidy(out.toString(), tex, width, height, depth)), display);
  }

  /**
   * Turns Batik's standalone document into an inline element: no XML prolog or DOCTYPE, black
   * drawn in {@code currentColor} (so the dark theme recolours it), sized in em and lowered by its
   * depth to sit on the baseline, and named for assistive technology by its TeX.
   */
  private static String tidy(String svg, String tex, int width, int height, int depth) {
    // Batik breaks lines inside tags ("<g\n  >"); join them first.
    String text = SPACE_BEFORE_CLOSE.matcher(NEWLINE_SPACE.matcher(svg.substring(svg.indexOf("<svg"))).replaceAll(" "))
        .replaceAll("$1").replace("> <", "><");
    String open = text.substring(0, text.indexOf('>') + 1);
    String inner = text.substring(open.length(), text.lastIndexOf("</svg")).strip();
    inner = inner.replace("<defs id=\"genericDefs\"/>", "");
    String paint = String.format(Locale.ROOT,
        "fill:currentColor;stroke:none;width:%.3fem;height:%.3fem;vertical-align:-%.3fem",
        width / SIZE, height / SIZE, depth / SIZE);
    inner = inner.replace("rgb(0,0,0)", "currentColor").replace(":black", ":currentColor")
        .replace("\"black\"", "\"currentColor\"");
    return "<svg xmlns=\"" + SVG_NS + "\" viewBox=\"0 0 " + width + " " + height + "\" class=\"math\""
        + " role=\"img\" aria-label=\"" + escapeAttribute(tex) + "\" style=\"" + paint + "\">" + inner + "</svg>";
  }

  /** Rounds coordinates to 0.001 em, drops inert style, and replaces glyph outlines by references. */
  private String shareGlyphs(String svg) {
    String compact = STYLE.matcher(svg).replaceAll(m -> {
      StringBuilder kept = new StringBuilder();
      for (String decl : m.group(1).split(";")) {
        if (!decl.isBlank() && !NOISE.matcher(decl.strip()).lookingAt()) kept.append(decl.strip()).append(';');
      }
      return kept.isEmpty() ? "" : " style=\"" + kept + "\"";
    });
    compact = unwrapBareGroups(compact.replace(" style=\"stroke:none;\"", ""));
    Matcher m = PATH.matcher(compact);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      // Glyph outlines are in 1/100 em-units of the 20 px font: a tenth of a unit is plenty.
      String d = DECIMAL.matcher(m.group(2)).replaceAll(n -> round(n.group()));
      if (d.length() < SHARED_GLYPH_MIN) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group().replace(m.group(2), d)));
        continue;
      }
      String id = "g" + sha1(d).substring(0, 10);
      glyphs.putIfAbsent(id, d);
      m.appendReplacement(out, Matcher.quoteReplacement(
          "<use href=\"#" + id + "\" " + (m.group(1) + m.group(3)).strip() + "/>").replace(" />", "/>"));
    }
    m.appendTail(out);
    return GLYPH_GROUP.matcher(out).replaceAll(g -> Matcher.quoteReplacement(
        "<use href=\"#" + g.group(2) + "\" transform=\"" + Transforms.compose(g.group(1)) + "\"/>"));
  }

  /** Drops {@code <g>} elements without attributes (left once their inert style is gone), keeping their content. */
  private static String unwrapBareGroups(String svg) {
    StringBuilder out = new StringBuilder();
    java.util.ArrayDeque<Boolean> open = new java.util.ArrayDeque<>();
    Matcher tag = GROUP_TAG.matcher(svg);
    int last = 0;
    while (tag.find()) {
      out.append(svg, last, tag.start());
      String t = tag.group();
      if (t.equals("</g>")) {
        if (Boolean.TRUE.equals(open.pop())) out.append(t);
      } else {
        boolean keep = !t.equals("<g>");
        open.push(keep);
        if (keep) out.append(t);
      }
      last = tag.end();
    }
    return out.append(svg.substring(last)).toString();
  }

  /**
   * {@code number} (a plain decimal with at least two decimals) rounded half-even to one decimal,
   * trailing zeros dropped: exactly what {@code BigDecimal.setScale(1, HALF_EVEN)} gives, without
   * the BigDecimal, since a page's math holds tens of thousands of coordinates.
   */
  static String round(String number) {
    boolean negative = number.charAt(0) == '-';
    int point = number.indexOf('.');
    String whole = number.substring(negative ? 1 : 0, point);
    int tenth = number.charAt(point + 1) - '0';
    int next = number.charAt(point + 2) - '0';
    boolean beyond = false;
    for (int i = point + 3; i < number.length(); i++) {
      if (number.charAt(i) != '0') {
        beyond = true;
        break;
      }
    }
    boolean up = next > 5 || (next == 5 && (beyond || tenth % 2 == 1));
    long units = Long.parseLong(whole) * 10 + tenth + (up ? 1 : 0);
    String r = units % 10 == 0 ? Long.toString(units / 10) : (units / 10) + "." + (units % 10);
    return negative && units != 0 ? "-" + r : r;
  }

  private static String sha1(String s) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-1").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(h);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String escapeAttribute(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
