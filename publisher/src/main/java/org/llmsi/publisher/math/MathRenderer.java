package org.llmsi.publisher.math;

import java.awt.Color;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typesets TeX at build time with JLaTeXMath into small SVG files whose glyphs are paths: the page
 * needs no math font, no script and no network, and the PDF embeds the very same file.
 *
 * <p>Each typeset piece is one file named by a hash of its content, so a symbol shown on every
 * page is one file that a browser fetches once and caches. One instance lives for one build (or
 * one preview session) and caches by TeX string.
 */
public final class MathRenderer {
  /** The site folder the math files are written to. */
  public static final String FOLDER = "math";
  /** JLaTeXMath's size in pixels per em. */
  private static final float SIZE = 20f;
  /** The SVG's user units: a thousandth of an em, so integer coordinates are exact to 0.001 em. */
  private static final double UNITS_PER_EM = 1000;

  private final Map<String, MathSvg> cache = new ConcurrentHashMap<>();
  private final Map<String, MathSvg> byFile = new ConcurrentHashMap<>();
  private final Map<java.awt.Font, Map<String, java.awt.Shape>> outlines = new ConcurrentHashMap<>();

  /** Display style, for formula blocks. */
  public MathSvg display(String tex) {
    return cache.computeIfAbsent("D" + tex, k -> render(tex, true));
  }

  /** Text style, for math inside prose and tables. */
  public MathSvg inline(String tex) {
    return cache.computeIfAbsent("T" + tex, k -> render(tex, false));
  }

  /**
   * How a page shows inline math: a simple symbol or product as HTML text ({@link SymbolHtml}),
   * anything else as a typeset image ({@link MathSvg#img}).
   *
   * @param rootPath the way from the page to the site root ({@code ""} or {@code "../"})
   */
  public String inlineHtml(String tex, String rootPath) {
    return SymbolHtml.of(tex).orElseGet(() -> inline(tex).img(rootPath));
  }

  /**
   * Typesets these pieces ahead of the bake, on every core: {@code display} in display style, the
   * rest in text style, but for those shown as text. The output does not depend on the order: file names are content hashes.
   *
   * @return the pieces that could be typeset (one that cannot is reported where a page shows it)
   */
  public List<MathSvg> prepare(Collection<String> display, Collection<String> inline) {
    List<java.util.function.Supplier<MathSvg>> jobs = new ArrayList<>();
    for (String tex : new LinkedHashSet<>(display)) jobs.add(() -> display(tex));
    for (String tex : new LinkedHashSet<>(inline)) if (SymbolHtml.of(tex).isEmpty()) jobs.add(() -> inline(tex));
    if (jobs.isEmpty()) return List.of();
    // JLaTeXMath loads its fonts and tables on first use: once, on this thread.
    MathSvg first = typesetOrNull(jobs.get(0));
    List<MathSvg> typeset = new ArrayList<>();
    if (first != null) typeset.add(first);
    jobs.subList(1, jobs.size()).parallelStream().map(MathRenderer::typesetOrNull).filter(java.util.Objects::nonNull)
        .forEachOrdered(typeset::add);
    return typeset;
  }

  private static MathSvg typesetOrNull(java.util.function.Supplier<MathSvg> job) {
    try {
      return job.get();
    } catch (TexRenderException e) {
      return null; // reported, with its location, when the page that holds it is rendered
    }
  }

  /** How many distinct pieces of TeX were typeset (for the build summary and tests). */
  public int typesetCount() {
    return cache.size();
  }

  /** The piece whose SVG file has this name ({@code 0123456789ab.svg}), if this renderer typeset it. */
  public Optional<MathSvg> byFileName(String fileName) {
    return Optional.ofNullable(byFile.get(fileName));
  }

  private MathSvg render(String tex, boolean display) {
    SvgCanvas canvas = new SvgCanvas(outlines);
    TeXIcon icon;
    try {
      icon = new TeXFormula(tex).createTeXIcon(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT, SIZE);
      // "true" insets: without it JLaTeXMath pads the given Insets object itself, in place.
      icon.setInsets(new Insets(0, 0, 0, 0), true);
      icon.setForeground(Color.BLACK);
      canvas.scale(UNITS_PER_EM / SIZE, UNITS_PER_EM / SIZE);
      icon.paintIcon(null, canvas, 0, 0);
    } catch (RuntimeException e) {
      throw new TexRenderException(tex, e);
    }
    double width = icon.getTrueIconWidth() * UNITS_PER_EM / SIZE;
    double height = icon.getTrueIconHeight() * UNITS_PER_EM / SIZE;
    double baseline = height - icon.getTrueIconDepth() * UNITS_PER_EM / SIZE;
    // The view is the box TeX laid out, widened to any ink outside it (an italic f's overhang):
    // an image is clipped to its view, and the margins keep the box's own width in the line.
    long[] ink = canvas.inkBounds();
    long left = Math.min(0, ink == null ? 0 : ink[0]);
    long top = Math.min(0, ink == null ? 0 : ink[1]);
    long right = Math.max((long) Math.ceil(width), ink == null ? 0 : ink[2]);
    long bottom = Math.max((long) Math.ceil(height), ink == null ? 0 : ink[3]);
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + left + " " + top + " " + (right - left) + " "
        + (bottom - top) + "\" role=\"img\" aria-label=\"" + escapeAttribute(TexSpeech.say(tex)) + "\">" + canvas.paths() + "</svg>\n";
    // No height: the view is this very box, so a width alone sizes the image (the height follows
    // from the view's proportions), one declaration less on each of a page's many math images.
    StringBuilder style = new StringBuilder()
        .append("width:").append(em(right - left)).append(";vertical-align:").append(em(baseline - bottom));
    if (left < 0) style.append(";margin-left:").append(em(left));
    if (right > Math.ceil(width)) style.append(";margin-right:").append(em(Math.ceil(width) - right));
    MathSvg math = new MathSvg(tex, display, svg, Hashes.shortSha1(svg) + ".svg", style.toString(), right - left, bottom - top);
    byFile.putIfAbsent(math.fileName(), math);
    return math;
  }

  /** A length in user units as em to three decimals, without the zeros that say nothing ({@code -.3em}). */
  static String em(double units) {
    long thousandths = Math.round(units);
    if (thousandths == 0) return "0";
    String digits = java.math.BigDecimal.valueOf(thousandths, 3).stripTrailingZeros().toPlainString();
    return digits.replaceFirst("^(-?)0\\.", "$1.") + "em";
  }

  static String escapeAttribute(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
