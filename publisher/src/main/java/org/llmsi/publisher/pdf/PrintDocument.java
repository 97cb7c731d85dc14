package org.llmsi.publisher.pdf;

import java.io.IOException;
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
import org.llmsi.publisher.markdown.GuideBlocksExtension;

/**
 * Assembles one printable HTML document from baked pages: a title page, a table of contents whose
 * page numbers the PDF engine fills in, then each page's article as a section starting on a new
 * page. Ids are prefixed by their page so anchors stay unique in one document, and links between
 * pages become links inside it.
 */
public final class PrintDocument {
  /** Only for what no font of the PDF can draw (none the guide prints today): shown, not dropped. */
  private static final String MISSING = "?";

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
        "Every formula of the guide by topic, with its symbols, units and the sections that use it.",
        List.of(new Part(FormulaAppendix.PAGE, "Formula appendix", slug(FormulaAppendix.PAGE))), false);
  }

  /** The paper the published quick-reference card is printed on; the tests print it on Letter too. */
  public static final String CARD_PAPER = "A4";

  /**
   * A page printed on its own, as the quick-reference card is: its article alone, no title page or
   * contents, styled by pdf.css and then {@code pageCss}, on the given paper ({@code A4}, {@code letter}).
   */
  public Document card(String uri, String pageCss, String paper) throws IOException {
    Document out = Document.createShell("");
    out.outputSettings().syntax(Document.OutputSettings.Syntax.xml);
    Part part = new Part(uri, "", slug(uri));
    Document page = Jsoup.parse(site.resolve(uri).toFile(), "UTF-8");
    out.root().attr("lang", "en"); // the tagged PDF's language
    out.head().appendElement("title").text(page.title());
    Element description = page.selectFirst("meta[name=description]");
    if (description != null) out.head().appendElement("meta").attr("name", "subject").attr("content", description.attr("content"));
    out.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(css + "\n" + pageCss + "\n@page { size: " + paper + "; }\n"));
    inlineMath(page, site.resolve(uri));
    Element article = page.selectFirst("article");
    if (article == null) throw new IOException(uri + ": no <article> to print");
    Element section = out.body().appendElement("section").addClass("card-sheet").id(part.slug());
    for (Element child : article.children()) section.appendChild(child.clone());
    rewrite(section, part, Map.of(uri, part));
    out.body().select("svg").forEach(svg -> svg.html(svg.html().replace("currentColor", "#000")));
    sanitizeText(out.body());
    describeDrawings(out.body());
    return out;
  }

  private Document assemble(String title, String description, List<Part> parts, boolean chapterLevelToc)
      throws IOException {
    Document out = Document.createShell("");
    out.outputSettings().syntax(Document.OutputSettings.Syntax.xml);
    out.root().attr("lang", "en"); // the tagged PDF's language
    out.head().appendElement("title").text(title);
    out.head().appendElement("meta").attr("name", "subject").attr("content", description); // the tagged PDF's description
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
      // The data the chapter cites are listed on its verification record: the printed chapter ends with them.
      Path record = site.resolve(GuideBlocksExtension.recordUri(p.uri()));
      if (Files.isRegularFile(record)) {
        Element data = Jsoup.parse(record.toFile(), "UTF-8").selectFirst("section.data-sources");
        if (data != null) section.appendChild(data);
      }
      rewrite(section, p, byUri);
      collectAnswers(section);
      section.select("nav.appendix-index").remove(); // the printed contents list the same, with pages
      Element h1 = section.selectFirst("h1");
      String heading = h1 != null ? h1.text() : p.title();
      tocList.appendElement("li").addClass("toc-part").appendElement("a").attr("href", "#" + p.slug()).text(heading);
      Element mark = bookmarks.appendElement("bookmark").attr("name", heading).attr("href", "#" + p.slug());
      // The guide lists sections; the appendix its topics and their sections, which is what a reader looks up.
      String entries = chapterLevelToc ? "h2[id]" : "h2[id], h3[id]";
      for (Element e : section.select(entries)) {
        String text = e.text();
        tocList.appendElement("li").addClass(e.is("h3") ? "toc-subsection" : "toc-section")
            .appendElement("a").attr("href", "#" + e.id()).text(text);
        mark.appendElement("bookmark").attr("name", text).attr("href", "#" + e.id());
      }
    }
    body.select("svg").forEach(svg -> svg.html(svg.html().replace("currentColor", "#000")));
    sanitizeText(body);
    describeDrawings(body);
    return out;
  }

  /**
   * Moves a chapter's practice answers (folded on the site) to its end, under "Answers", so a
   * reader of the printed page can try a question before seeing how it is worked.
   */
  private static void collectAnswers(Element section) {
    List<Element> answers = section.select("details.answer");
    if (answers.isEmpty()) return;
    Element end = section.appendElement("section").addClass("answers");
    end.appendElement("h2").text("Answers");
    for (Element answer : answers) {
      Element summary = answer.selectFirst("summary");
      String title = summary == null ? "Answer" : summary.text();
      answer.before(new Element("p").addClass("answers-note").text(title + ": at the end of the chapter."));
      if (summary != null) summary.remove();
      end.appendElement("h3").text(title);
      for (org.jsoup.nodes.Node n : List.copyOf(answer.childNodes())) end.appendChild(n);
      answer.remove();
    }
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
      // Its alt is what a tagged PDF gives the figure, as the page gives the image.
      img.replaceWith(padded(svg.clone().addClass("math").attr("alt", img.attr("alt")), img.attr("style")));
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
      // A link to the chapter's record: its data list is printed with the chapter, its code is not.
      boolean record = page.equals(GuideBlocksExtension.recordUri(part.uri()));
      Part target = page.isEmpty() || record && fragment.startsWith("data-") ? part : record ? null : parts.get(page);
      if (target == null) {
        a.removeAttr("href"); // a page that is not in this document (home page, other PDF)
      } else {
        a.attr("href", "#" + (fragment.isEmpty() ? target.slug() : target.slug() + "--" + fragment));
      }
    }
  }

  /**
   * Replaces a character that no font of the PDF can draw (DejaVu Sans, the fallback, lacks it) by
   * {@link #MISSING} rather than let it print as an empty box. Math drawings are left alone.
   */
  /**
   * A tagged PDF reads a drawing's text alternative from {@code alt}: a plot's SVG says it in
   * aria-label; a legend's colour swatch, hidden from screen readers on the site, is named for its
   * series (openhtmltopdf takes no empty alt).
   */
  private static void describeDrawings(Element body) {
    body.select("svg[aria-label]:not([alt])").forEach(svg -> svg.attr("alt", svg.attr("aria-label")));
    body.select("svg[aria-hidden=true]:not([alt])").forEach(svg -> svg.attr("alt", "key: " + svg.parent().text().strip()));
  }

  private static void sanitizeText(Element body) {
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof TextNode t && (t.parent() == null || t.parent().closest("svg") == null)) {
        String text = t.getWholeText();
        StringBuilder drawable = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
          if (Character.isWhitespace(cp) || PdfFonts.FALLBACK.canDisplay(cp)) drawable.appendCodePoint(cp);
          else drawable.append(MISSING);
        });
        if (!drawable.toString().equals(text)) t.text(drawable.toString());
      }
    }, body);
  }

  static String slug(String uri) {
    return "p-" + uri.replaceFirst("\\.html$", "").replaceAll("[^A-Za-z0-9]+", "-");
  }
}
