package org.llmsi.publisher.pdf;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.llmsi.publisher.appendix.FormulaAppendix;
import org.llmsi.publisher.bake.Book;
import org.llmsi.publisher.bake.Chapter;

/**
 * Assembles one printable HTML document from baked pages: a title page, a table of contents whose
 * page numbers the PDF engine fills in, then each page's article as a section starting on a new
 * page. Ids are prefixed by their page so anchors stay unique in one document, and links between
 * pages become links inside it.
 */
public final class PrintDocument {
  /** Characters the PDF base fonts can draw are those of WinAnsi, i.e. windows-1252. */
  private static final Charset WIN_ANSI = Charset.forName("windows-1252");
  /**
   * The fallback font (pdf.css lists it after each base font): Liberation Sans, metric-compatible
   * with Helvetica, as PDFBox ships it, so it comes with a Maven dependency the build already has.
   */
  public static final String SYMBOL_FONT = "LLMSI Symbols";
  private static final String SYMBOL_FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final java.awt.Font SYMBOLS = loadSymbolFont();
  /** Only for what neither the base fonts nor the fallback font can draw. */
  private static final Map<String, String> REPLACEMENTS = Map.of("\u2011", "-");
  /** ✓ is in no font the build has: it is drawn, in the text's colour, at the text's size. */
  private static final String CHECK_MARK = "\u2713";
  static final String CHECK_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"check-mark\" role=\"img\" aria-label=\"\u2713\""
      + " viewBox=\"0 0 10 10\" style=\"width:.8em;height:.8em;vertical-align:-.05em\">"
      + "<path d=\"M1 5.4 3.9 8.3 9.2 1.6\" style=\"fill:none;stroke:#000;stroke-width:1.5\"/></svg>";

  /** The fallback font's bytes, for openhtmltopdf to embed (a subset of it). */
  public static java.io.InputStream symbolFont() {
    return PrintDocument.class.getResourceAsStream(SYMBOL_FONT_RESOURCE);
  }

  private static java.awt.Font loadSymbolFont() {
    try (java.io.InputStream in = symbolFont()) {
      return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
    } catch (java.awt.FontFormatException | IOException | NullPointerException e) {
      throw new IllegalStateException("PDFBox's " + SYMBOL_FONT_RESOURCE + " cannot be read", e);
    }
  }

  private final Path site;
  private final Book book;
  private final String css;
  /** Which commit the document was built from, on its title page. */
  private final String version;
  /** Each math file parsed once; the guide and the appendix are assembled at the same time. */
  private final Map<Path, Element> mathFiles = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param site the baked site the pages are read from
   * @param css the print stylesheet (templates/pdf.css)
   * @param version the build's commit as the site's footer gives it
   */
  public PrintDocument(Path site, Book book, String css, String version) {
    this.site = site;
    this.book = book;
    this.css = css;
    this.version = version;
  }

  /** A part of the printed document: a page of the site under a heading for the contents. */
  record Part(String uri, String title, String slug) {}

  /** The whole guide: every chapter in book order, then the formula appendix. */
  public Document guide() throws IOException {
    List<Part> parts = new java.util.ArrayList<>();
    for (Chapter c : book.chapters()) parts.add(new Part(c.uri(), c.title(), slug(c.uri())));
    parts.add(new Part(FormulaAppendix.PAGE, "Formula appendix", slug(FormulaAppendix.PAGE)));
    return assemble(book.title(), book.description(), parts, true);
  }

  /** The formula appendix alone, its contents listing every formula. */
  public Document appendix() throws IOException {
    return assemble(book.title() + ": formula appendix",
        "Every formula of the guide with its symbols, units, where it is used and how it was verified.",
        List.of(new Part(FormulaAppendix.PAGE, "Formula appendix", slug(FormulaAppendix.PAGE))), false);
  }

  private Document assemble(String title, String description, List<Part> parts, boolean chapterLevelToc)
      throws IOException {
    Document out = Document.createShell("");
    out.outputSettings().syntax(Document.OutputSettings.Syntax.xml);
    out.head().appendElement("title").text(title);
    out.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(css));
    Element bookmarks = out.head().appendElement("bookmarks");
    Element body = out.body();
    Element cover = body.appendElement("section").addClass("cover");
    cover.appendElement("h1").text(title);
    cover.appendElement("p").addClass("lead").text(description);
    cover.appendElement("p").addClass("promise")
        .text("Every formula and every number in this document was executed and tested before it was published.");
    cover.appendElement("p").addClass("version").text(version);
    Element toc = body.appendElement("nav").addClass("toc");
    toc.appendElement("h1").text("Contents");
    Element tocList = toc.appendElement("ul");

    Map<String, Part> byUri = new LinkedHashMap<>();
    for (Part p : parts) byUri.put(p.uri(), p);
    for (Part p : parts) {
      Document page = Jsoup.parse(site.resolve(p.uri()).toFile(), "UTF-8");
      inlineMath(page, site.resolve(p.uri()));
      Element article = page.selectFirst("article");
      if (article == null) throw new IOException(p.uri() + ": no <article> to print");
      Element section = body.appendElement("section").addClass("part").id(p.slug());
      section.appendElement("div").addClass("running").text(p.title());
      for (Element child : article.children()) section.appendChild(child.clone());
      rewrite(section, p, byUri);
      Element h1 = section.selectFirst("h1");
      String heading = h1 != null ? h1.text() : p.title();
      tocList.appendElement("li").addClass("toc-part").appendElement("a").attr("href", "#" + p.slug()).text(heading);
      Element mark = bookmarks.appendElement("bookmark").attr("name", heading).attr("href", "#" + p.slug());
      // The guide lists sections; the appendix lists formulas, which is what a reader looks up.
      String entries = chapterLevelToc ? "h2[id]" : "section.appendix-entry[id], h2[id]";
      for (Element e : section.select(entries)) {
        String text = e.is("section") ? e.selectFirst("h3").text() : e.text();
        tocList.appendElement("li").addClass(e.is("section") ? "toc-formula" : "toc-section")
            .appendElement("a").attr("href", "#" + e.id()).text(text);
        mark.appendElement("bookmark").attr("name", text).attr("href", "#" + e.id());
      }
    }
    body.select("svg").forEach(svg -> svg.html(svg.html().replace("currentColor", "#000")));
    sanitizeText(body);
    return out;
  }

  /**
   * Puts each math image's SVG into the page itself, sized as the image was: the PDF's SVG drawer
   * draws inline SVG, and this way the PDF shows the very file the site shows.
   */
  private void inlineMath(Document page, Path pageFile) throws IOException {
    for (Element img : page.select("img.math")) {
      Path file = pageFile.getParent().resolve(img.attr("src")).normalize();
      Element svg = mathFiles.get(file);
      if (svg == null) {
        svg = Jsoup.parseBodyFragment(Files.readString(file, StandardCharsets.UTF_8)).body().selectFirst("svg");
        if (svg == null) throw new IOException(site.relativize(file) + ": not an SVG file");
        mathFiles.put(file, svg);
      }
      img.replaceWith(padded(svg.clone().addClass("math"), img.attr("style")));
    }
  }

  /** Room around a math drawing in the PDF, in its units (thousandths of an em). */
  private static final int PRINT_PAD = 60;
  private static final java.util.regex.Pattern LENGTH = java.util.regex.Pattern.compile("([a-z-]+):(-?[.0-9]+)(?:em)?");

  /**
   * The drawing with its view widened by {@link #PRINT_PAD} on every side and its box grown and
   * shifted to match, so the glyphs stay exactly where they were: openhtmltopdf rounds a replaced
   * element's box down to whole pixels and clips to it, which on a tight view cut off the last
   * letter of a subscript. The image's style gives only its width; its height follows from the
   * view's proportions, as a browser sizes it.
   */
  static Element padded(Element svg, String style) {
    String[] view = svg.attr("viewBox").trim().split("\\s+");
    if (view.length != 4) return svg.attr("style", style);
    java.util.Map<String, Double> em = new LinkedHashMap<>();
    java.util.regex.Matcher m = LENGTH.matcher(style);
    while (m.find()) em.put(m.group(1), Double.parseDouble(m.group(2)));
    double width = em.getOrDefault("width", 0.0);
    long viewWidth = Long.parseLong(view[2]);
    double height = viewWidth == 0 ? 0 : width * Long.parseLong(view[3]) / viewWidth;
    double pad = PRINT_PAD / 1000.0;
    // attributes().put keeps the name's case; Element.attr would write "viewbox", which SVG ignores.
    svg.attributes().put("viewBox", (Long.parseLong(view[0]) - PRINT_PAD) + " " + (Long.parseLong(view[1]) - PRINT_PAD) + " "
        + (Long.parseLong(view[2]) + 2 * PRINT_PAD) + " " + (Long.parseLong(view[3]) + 2 * PRINT_PAD));
    return svg.attr("style", String.format(java.util.Locale.ROOT,
        "width:%.3fem;height:%.3fem;vertical-align:%.3fem;margin-left:%.3fem;margin-right:%.3fem",
        width + 2 * pad, height + 2 * pad,
        em.getOrDefault("vertical-align", 0.0) - pad, em.getOrDefault("margin-left", 0.0) - pad,
        em.getOrDefault("margin-right", 0.0) - pad));
  }

  /** Prefixes ids with the part's slug and points links at the parts inside this document. */
  private static void rewrite(Element section, Part part, Map<String, Part> parts) {
    for (Element e : section.select("[id]")) {
      if (e != section) e.id(part.slug() + "--" + e.id());
    }
    for (Element a : section.select("a[href]")) {
      String href = a.attr("href");
      if (href.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) continue; // a web link stays a web link
      int hash = href.indexOf('#');
      String page = hash < 0 ? href : href.substring(0, hash);
      String fragment = hash < 0 ? "" : href.substring(hash + 1);
      Part target = page.isEmpty() ? part : parts.get(page);
      if (target == null) {
        a.removeAttr("href"); // a page that is not in this document (home page, other PDF)
      } else {
        a.attr("href", "#" + (fragment.isEmpty() ? target.slug() : target.slug() + "--" + fragment));
      }
    }
  }

  /**
   * Keeps what the base fonts can draw; sets a character only the fallback font has in a
   * {@code span.sym} (pdf.css gives it that font; openhtmltopdf does not fall back from a base font
   * glyph by glyph); draws ✓ as SVG; and replaces anything else (rather than printing '#').
   */
  private static void sanitizeText(Element body) {
    CharsetEncoder encoder = WIN_ANSI.newEncoder();
    List<TextNode> texts = new java.util.ArrayList<>();
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof TextNode t && (t.parent() == null || t.parent().closest("svg") == null)) texts.add(t);
    }, body);
    for (TextNode t : texts) {
      String text = t.getWholeText();
      List<org.jsoup.nodes.Node> pieces = new java.util.ArrayList<>();
      StringBuilder plain = new StringBuilder(text.length());
      boolean changed = false;
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        String s = new String(Character.toChars(cp));
        String r = REPLACEMENTS.get(s);
        if (r != null) {
          plain.append(r);
          changed = true;
        } else if (encoder.canEncode(s)) {
          plain.append(s);
        } else if (s.equals(CHECK_MARK) || SYMBOLS.canDisplay(cp)) {
          if (!plain.isEmpty()) pieces.add(new TextNode(plain.toString()));
          plain.setLength(0);
          pieces.add(s.equals(CHECK_MARK) ? Jsoup.parseBodyFragment(CHECK_SVG).body().child(0)
              : new Element("span").addClass("sym").text(s));
          changed = true;
        } else {
          plain.append('?');
          changed = true;
        }
      }
      if (!changed) continue;
      if (!plain.isEmpty()) pieces.add(new TextNode(plain.toString()));
      org.jsoup.nodes.Node at = t;
      for (org.jsoup.nodes.Node piece : pieces) {
        at.after(piece);
        at = piece;
      }
      t.remove();
    }
  }

  static String slug(String uri) {
    return "p-" + uri.replaceFirst("\\.html$", "").replaceAll("[^A-Za-z0-9]+", "-");
  }
}
