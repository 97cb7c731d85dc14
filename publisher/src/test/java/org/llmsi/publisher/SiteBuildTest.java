package org.llmsi.publisher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the basic fixture guide (twice) and checks the site it publishes. */
class SiteBuildTest {
  @TempDir
  static Path temp;

  static PublishResult first;
  static Path site;
  static Path again;

  @BeforeAll
  static void build() {
    site = temp.resolve("a/out");
    again = temp.resolve("b/out");
    first = new GuidePublisher().publish(Fixtures.request("basic", site, true));
    PublishResult second = new GuidePublisher().publish(Fixtures.request("basic", again, true));
    assertTrue(first.ok(), () -> String.join("\n", first.problems()));
    assertTrue(second.ok(), () -> String.join("\n", second.problems()));
  }

  private static Document page(String name) throws IOException {
    return Jsoup.parse(site.resolve(name).toFile(), "UTF-8");
  }

  private static List<Path> pages() throws IOException {
    try (Stream<Path> walk = Files.walk(site)) {
      return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  @Test
  void publishesChaptersHomeAndAppendixAndSaysSo() throws IOException {
    assertTrue(Files.size(site.resolve("guide.pdf")) > 10_000);
    assertTrue(Files.size(site.resolve("formula-appendix.pdf")) > 10_000);
    assertEquals(List.of("01-intro-record.html", "01-intro.html", "02-ridge-record.html", "02-ridge.html", "404.html",
        "formula-appendix.html", "index.html", "quick-reference.html"), pages().stream().map(p -> site.relativize(p).toString()).toList());
    assertTrue(first.summary().startsWith("verified 2 files: 2 formulas"), first.summary());
    assertTrue(first.summary().contains("published 8 pages and 3 PDFs"), first.summary());
  }

  @Test
  void chaptersFollowBookOrderWithPreviousNextTocAndEditLink() throws IOException {
    Document intro = page("01-intro.html");
    assertEquals(List.of("Fixture introduction", "Fixture ridge point"),
        intro.select("nav.book-nav ol li a").eachText());
    assertEquals("01-intro.html", intro.selectFirst("nav.book-nav li[aria-current=page] a").attr("href"));
    assertEquals("02-ridge.html", intro.selectFirst("a[rel=next]").attr("href"));
    assertTrue(intro.select("a[rel=prev]").isEmpty(), "the first chapter has no previous");
    Document ridge = page("02-ridge.html");
    assertEquals("01-intro.html", ridge.selectFirst("a[rel=prev]").attr("href"));
    assertEquals("formula-appendix.html", ridge.selectFirst("a[rel=next]").attr("href"));
    List<String> tocTargets = intro.select("nav.page-toc a").eachAttr("href");
    List<String> headings = new ArrayList<>();
    for (Element h : intro.select("article h2[id]")) headings.add("#" + h.id());
    assertEquals(headings, tocTargets);
    assertTrue(intro.selectFirst("p.edit a").attr("href").endsWith("/site-src/content/01-intro.md"));
  }

  /** The commit the build was asked to name (Fixtures.VERSION) is on every page and both PDFs' title pages. */
  @Test
  void everyPageAndEachPdfsTitlePageNameTheCommitTheyWereBuiltFrom() throws IOException {
    for (Path p : pages()) {
      Element footer = Jsoup.parse(p.toFile(), "UTF-8").selectFirst("body > footer.site-footer");
      assertNotNull(footer, p + " has no footer");
      assertEquals("LLM System Interview · Version 0123456789ab (2026-01-02)", footer.text(), p.toString());
    }
    for (String name : List.of("guide.pdf", "formula-appendix.pdf")) {
      try (PDDocument pdf = Loader.loadPDF(site.resolve(name).toFile())) {
        assertTrue(text(pdf, 1, 1).contains("Version 0123456789ab (2026-01-02)"), name + ":\n" + text(pdf, 1, 1));
      }
    }
  }

  /**
   * A chapter's "On this page" has its script, which marks the section being read; the page needs it
   * for nothing else, and a page without contents does not load it. The theme button's name is its
   * visible text (no aria-label that a speech user could not guess from what is shown).
   */
  @Test
  void chaptersLoadTheContentsScriptAndTheThemeButtonIsNamedByItsText() throws IOException {
    for (Path p : pages()) {
      Document doc = Jsoup.parse(p.toFile(), "UTF-8");
      assertEquals(doc.selectFirst("nav.page-toc") != null, !doc.select("script[src$=assets/toc.js]").isEmpty(), p.toString());
      Element theme = doc.getElementById("theme-toggle");
      assertFalse(theme.hasAttr("aria-label"), p + ": " + theme);
      assertEquals("Dark theme", theme.text(), p.toString());
    }
    assertFalse(page("01-intro.html").select("nav.page-toc a").isEmpty());
  }

  /** A table scrolls inside its own box on a phone (guide.css): a keyboard can reach every one to scroll it. */
  @Test
  void everyTableThatMayScrollIsKeyboardFocusable() throws IOException {
    int tables = 0;
    for (Path p : pages()) {
      for (Element table : Jsoup.parse(p.toFile(), "UTF-8").select("main table:not(.steps)")) {
        // The table scrolls, or the box around it does (the card's tables).
        Element scrolls = table.parent().hasClass("card-table-wrap") ? table.parent() : table;
        assertEquals("0", scrolls.attr("tabindex"), p + ": " + table.outerHtml().lines().findFirst().orElse(""));
        tables++;
      }
    }
    assertEquals(6, tables, "the intro's table, the appendix's notation, the line plot's two tables of numbers, the bars' one and the card's table");
  }

  @Test
  void homePageListsTheGuideInBookOrder() throws IOException {
    assertEquals(List.of("01-intro.html", "02-ridge.html", "formula-appendix.html", "quick-reference.html"),
        page("index.html").select("ol.contents > li > a").eachAttr("href"));
  }

  @Test
  void everyInternalLinkAndFragmentResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path p : pages()) {
      Document doc = Jsoup.parse(p.toFile(), "UTF-8");
      for (Element a : doc.select("a[href]")) {
        String href = a.attr("href");
        if (href.startsWith("https://")) continue; // "edit this page" leaves the site on purpose
        int hash = href.indexOf('#');
        String file = hash < 0 ? href : href.substring(0, hash);
        Path target = file.isEmpty() ? p : p.getParent().resolve(file).normalize();
        checked++;
        if (!Files.isRegularFile(target)) {
          broken.add(site.relativize(p) + ": " + href + " (no file)");
        } else if (hash >= 0 && target.toString().endsWith(".html")) {
          String id = href.substring(hash + 1);
          if (Jsoup.parse(target.toFile(), "UTF-8").getElementById(id) == null) {
            broken.add(site.relativize(p) + ": " + href + " (no id)");
          }
        }
      }
    }
    assertTrue(checked > 20, "links checked: " + checked);
    assertEquals(List.of(), broken);
  }

  @Test
  void noPageLoadsAnExternalResource() throws IOException {
    for (Path p : pages()) {
      for (Element e : Jsoup.parse(p.toFile(), "UTF-8").select("[src], link[href]")) {
        String ref = e.hasAttr("src") ? e.attr("src") : e.attr("href");
        assertFalse(ref.contains("//") || ref.matches("^[a-z]+:.*"), p + " loads " + ref);
      }
    }
  }

  /**
   * Every page carries the Content-Security-Policy first in its head, allowing script only from the
   * site's files, and gives it nothing else to refuse: no inline script, no event-handler attribute.
   */
  @Test
  void everyPageCarriesTheScriptPolicyAndHoldsNoInlineScript() throws IOException {
    Pattern handler = Pattern.compile("(?i)<[a-z][^>]*\\son[a-z]+\\s*=");
    Pattern inlineScript = Pattern.compile("(?is)<script(?![^>]*\\ssrc=)[^>]*>|<script[^>]*>[^<]+</script>");
    int scripts = 0;
    for (Path p : pages()) {
      String html = Files.readString(p, StandardCharsets.UTF_8);
      Document doc = Jsoup.parse(html);
      Element head = doc.head();
      assertEquals("meta", head.child(0).normalName(), p.toString());
      assertEquals("utf-8", head.child(0).attr("charset"), p.toString());
      Element csp = head.child(1);
      assertEquals("Content-Security-Policy", csp.attr("http-equiv"), p + ": the policy comes right after the charset");
      List<String> directives = List.of(csp.attr("content").split(";\\s*"));
      assertTrue(directives.contains("script-src 'self'"), p + ": " + directives);
      assertTrue(directives.contains("default-src 'self'"), p + ": " + directives);
      assertTrue(directives.contains("object-src 'none'") && directives.contains("base-uri 'none'"), p + ": " + directives);
      assertTrue(directives.contains("style-src-elem 'self'"), p + ": <style> elements stay refused: " + directives);
      assertFalse(handler.matcher(html).find(), p + " has an on…= attribute: " + handler.matcher(html).results()
          .map(r -> r.group()).toList());
      assertFalse(inlineScript.matcher(html).find(), p + " has an inline script");
      for (Element e : doc.getAllElements()) {
        for (org.jsoup.nodes.Attribute a : e.attributes()) {
          assertFalse(a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on"), p + ": " + e.tagName() + " " + a);
        }
      }
      for (Element script : doc.select("script")) {
        // The site's scripts, and a page's generated calculator script (calc/<page>.js).
        assertTrue(script.attr("src").matches("(assets|calc)/[a-z0-9-]+\\.js"), p + ": " + script.outerHtml());
        assertEquals("", script.data(), p + ": " + script.outerHtml());
        if (!script.attr("src").matches("calc/.*|assets/calc\\.js")) scripts++;
      }
    }
    assertEquals(8 * 2 + 2, scripts, "theme.js and search.js on each of the eight pages (search.js adds the index when first used), toc.js on the two chapters");
    assertEquals(List.of(), org.llmsi.publisher.output.ScriptPolicyCheck.problems(
        org.llmsi.publisher.output.SitePages.read(site)));
  }

  @Test
  void everyFormulaIsAnchoredSvgMathWithWhereListAndVerificationMark() throws IOException {
    Set<String> ids = new HashSet<>();
    for (String name : List.of("01-intro.html", "02-ridge.html")) {
      for (Element f : page(name).select("figure.formula")) {
        ids.add(f.id());
        Element img = f.selectFirst(".formula-math > .m > img.math");
        assertNotNull(img, f.id() + " has no math image");
        assertMathFile(img);
        assertFalse(f.select("dl.where dt var").isEmpty(), f.id() + " has no where list");
        assertEquals("formula-appendix.html#" + f.id(), f.selectFirst("p.verified a").attr("href"));
        assertTrue(f.selectFirst("p.verified").text().contains("50 random inputs"), f.text());
      }
    }
    assertEquals(Set.of("arithmetic_intensity", "ridge_point"), ids);
    Document appendix = page("formula-appendix.html");
    for (String id : ids) {
      Element entry = appendix.getElementById(id);
      assertNotNull(entry, "appendix entry " + id);
      assertMathFile(entry.selectFirst(".formula-math > .m > img.math[alt]"));
      assertTrue(entry.text().contains("seed"), entry.text());
    }
    assertTrue(appendix.select("table.notation tr[id=sym-P_peak]").size() == 1, "notation table lists P_peak");
  }

  /**
   * A math image is an SVG file of the site, named by its content, whose glyphs are shapes, named
   * for assistive technology by the same TeX the page gives as the image's text.
   */
  private void assertMathFile(Element img) throws IOException {
    assertNotNull(img);
    String tex = img.attr("alt");
    assertFalse(tex.isBlank(), img.outerHtml());
    assertTrue(img.attr("src").matches("math/[0-9a-f]{12}\\.svg"), img.attr("src"));
    Matcher style = Pattern.compile("width:([.0-9]+)em;vertical-align:-?[.0-9]+(?:em)?(;margin-(left|right):-?[.0-9]+em)*")
        .matcher(img.attr("style"));
    assertTrue(style.matches(), img.attr("style"));
    String text = Files.readString(site.resolve(img.attr("src")), StandardCharsets.UTF_8);
    Element svg = Jsoup.parse(text, "", org.jsoup.parser.Parser.xmlParser()).selectFirst("svg");
    assertNotNull(svg, img.attr("src"));
    // The view is the image's box in thousandths of an em: the width alone gives the box, the
    // height following from the view's proportions.
    assertEquals(Long.parseLong(svg.attr("viewBox").split(" ")[2]) / 1000.0, Double.parseDouble(style.group(1)), 1e-9,
        img.attr("src") + " " + img.attr("style"));
    assertEquals("img", svg.attr("role"));
    assertEquals(tex, svg.attr("aria-label"));
    assertTrue(svg.select("text, image, use, style, script").isEmpty(), "glyphs must be plain shapes: " + text);
    assertFalse(svg.select("path[d]").isEmpty(), text);
  }

  @Test
  void everyMathFileIsReferencedAndEveryReferenceIsAFile() throws IOException {
    Set<String> referenced = new HashSet<>();
    for (Path p : pages()) {
      for (Element img : Jsoup.parse(p.toFile(), "UTF-8").select("img.math")) referenced.add(img.attr("src"));
    }
    Set<String> files = new HashSet<>();
    try (var list = Files.list(site.resolve("math"))) {
      list.forEach(f -> files.add("math/" + f.getFileName()));
    }
    assertEquals(referenced, files, "the math folder holds exactly what the pages show");
    for (String f : files) {
      String name = f.substring("math/".length(), f.length() - ".svg".length());
      String text = Files.readString(site.resolve(f), StandardCharsets.UTF_8);
      assertTrue(sha1(text).startsWith(name), f + " is not named by its content");
    }
  }

  private static String sha1(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void exampleShowsEachStepByItsNameInWordsAndOneBadgeThatLinksToTheCodeOnItsRecord() throws IOException {
    Document page = page("02-ridge.html");
    Element example = page.selectFirst("figure.example");
    assertNotNull(example);
    // A row per step: the alias a given shown by its value; a claim by its stated value. The label
    // written in the example wins; a name without one reads in words, never as code.
    assertEquals(List.of("gpu", "ridge", "ridge point at the sparse peak"), example.select("table.steps th").eachText());
    assertEquals(List.of("NVIDIA H100 SXM5 80GB", "295 FLOP/B", "591 FLOP/B"), example.select("table.steps td").eachText());
    assertTrue(example.select("table.steps").text().indexOf('_') < 0, "no code name on the visible rows");
    // One badge, linking to the example's entry on the chapter's verification record: there, the
    // code as it ran, each claim with the value computed for it, two digits finer.
    Element badge = example.selectFirst("p.checks > a");
    assertEquals("✓ verified: 2 claims", badge.text());
    assertEquals("02-ridge-record.html#" + example.id(), badge.attr("href"));
    Document record = page("02-ridge-record.html");
    Element checks = record.getElementById(example.id()).parent();
    assertEquals("02-ridge.html#" + example.id(), checks.selectFirst("h2 > a").attr("href"), "the entry links back");
    assertEquals("✓ verified: 2 claims", checks.selectFirst("p.record-badge").text());
    assertEquals("""
        gpu = gpus.h100_sxm
        ridge = ridge_point(P_peak = gpu.bf16_dense, B_mem = gpu.hbm_bw) ≈ 295 FLOP/B  # computed 295.34 FLOP/B
        wrong = ridge_point(P_peak = gpu.bf16_sparse, B_mem = gpu.hbm_bw) ≈ 591 FLOP/B  # computed 590.72 FLOP/B
        """, checks.selectFirst("pre > code").wholeText());
    // The data it read, listed once at the record's end, linked from the entry; the two figures
    // from one whitepaper share an item.
    assertEquals(List.of("#data-1", "#data-2"), checks.select("p a").eachAttr("href"));
    Element sources = record.selectFirst("section.data-sources ol.sources");
    // The plot after the example cites a third figure (the A100's ridge, its dashed line) into the same list.
    assertEquals(List.of("data-1", "data-2", "data-3"), sources.select("li").eachAttr("id"));
    // The bars plot further down reads the H100's capacity from the datasheet's column that gives its
    // bandwidth, so that item names the entry, not one field.
    assertEquals(List.of("gpus.h100_sxm", "gpus.h100_sxm"), sources.select("li > code").eachText().subList(0, 2));
    assertTrue(sources.selectFirst("li").text().contains("bf16_sparse = 1,978.9 TFLOP/s (Table 3, with sparsity"));
    assertEquals(1, record.select("section.data-sources").size(), "one list per record, after its last entry");
    assertEquals(0, page.select("section.data-sources").size(), "the chapter is left to be read");
    assertEquals(List.of("02-ridge-record.html#data-1", "02-ridge-record.html#data-3", "02-ridge-record.html#data-2"),
        page.select("#plot-ridge_by_bandwidth .plot-sources a").eachAttr("href"),
        "the plot links to the same list, numbered alike");
  }

  @Test
  void inlineRelationIsTypesetAndDollarPricesStayProse() throws IOException {
    Element para = page("01-intro.html").select("article p").first();
    assertEquals("I Q equals W", para.selectFirst("img.math").attr("alt"), "a checked relation, typeset from its tree, said in words");
    assertTrue(para.text().contains("$5 and $10"), para.text());
  }

  @Test
  void searchIndexIsAScriptOfPagesSectionsFormulasAndSymbolsEachInItsField() throws IOException {
    String js = Files.readString(site.resolve("assets/search-index.js"), StandardCharsets.UTF_8);
    assertTrue(js.startsWith("window.LLMSI_SEARCH_INDEX = {\"pages\":[\n[\"01-intro.html\",\"Fixture introduction\"],\n"
        + "[\"02-ridge.html\",\"Fixture ridge point\"],\n[\"formula-appendix.html\",\"Formula appendix\"]],\n"), js);
    List<String> lines = js.lines().toList();
    for (String start : List.of(
        "[0,\"p\",\"\",\"Fixture introduction\",\"\",\"Prose with a checked relation",
        "[0,\"s\",\"a-table\",\"A table\",\"\",\"kernel intensity dot low GEMM high\"]",
        "[0,\"f\",\"arithmetic_intensity\",\"I = W / Q\",\"arithmetic_intensity I W Q\",\"I: arithmetic intensity of a kernel\"]",
        "[1,\"p\",\"\",\"Fixture ridge point\",\"\",\"\"]",
        "[1,\"f\",\"ridge_point\",\"I_ridge = P_peak / B_mem\",",
        "[2,\"g\",\"sym-P_peak\",\"P_peak\",\"\",\"peak")) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(start)), "no entry starts " + start + " in\n" + js);
    }
  }

  @Test
  void sameInputBuildsByteIdenticalSite() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(site)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (Stream<Path> walk = Files.walk(again)) {
      assertEquals(files.size(), walk.filter(Files::isRegularFile).count());
    }
    for (Path f : files) {
      assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again.resolve(site.relativize(f))), "differs: " + f);
    }
  }

  private static String text(PDDocument pdf, int from, int to) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(from);
    stripper.setEndPage(to);
    return stripper.getText(pdf);
  }

  @Test
  void guidePdfHasContentsWithPageNumbersChapterPagesHeadersAndFooters() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(site.resolve("guide.pdf").toFile())) {
      int pages = pdf.getNumberOfPages();
      assertTrue(pages >= 5, "pages: " + pages);
      String contents = text(pdf, 2, 2);
      assertTrue(contents.contains("Contents"), contents);
      for (String title : List.of("Fixture introduction", "Fixture ridge point", "Formula appendix")) {
        Matcher m = Pattern.compile(Pattern.quote(title) + "[ .]*(\\d+)").matcher(contents);
        assertTrue(m.find(), "contents lack a page number for " + title + ":\n" + contents);
        int page = Integer.parseInt(m.group(1));
        assertTrue(page > 2 && page <= pages, title + " on page " + page);
        String thatPage = text(pdf, page, page);
        assertTrue(thatPage.contains(title), title + " is not on page " + page + ":\n" + thatPage);
        assertTrue(thatPage.contains(page + " / " + pages), "footer of page " + page + ":\n" + thatPage);
      }
      String all = text(pdf, 1, pages);
      for (String id : List.of("arithmetic_intensity", "ridge_point")) assertTrue(all.contains(id), "guide.pdf lacks " + id);
      assertFalse(all.contains("#"), "a character the PDF fonts cannot draw printed as '#'");
      renderPng(pdf, 0, "guide-page-1.png");
    }
  }

  @Test
  void appendixPdfListsTheSectionOfEveryFormulaInItsContents() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(site.resolve("formula-appendix.pdf").toFile())) {
      int pages = pdf.getNumberOfPages();
      String contents = text(pdf, 2, 2);
      int last = 0;
      // the section that explains each formula, as the appendix groups them
      for (String[] section : List.of(new String[] {"A formula", "arithmetic_intensity"}, new String[] {"The ridge point", "ridge_point"})) {
        String id = section[1];
        Matcher m = Pattern.compile(section[0] + "[ .]*(\\d+)").matcher(contents);
        assertTrue(m.find(), "appendix contents lack " + section[0] + ":\n" + contents);
        int page = Integer.parseInt(m.group(1));
        assertTrue(text(pdf, page, page).contains(id), id + " not on page " + page);
        last = page;
      }
      assertTrue(text(pdf, 1, pages).contains("Notation"));
      // Math is drawn, not set in a font: its glyph outlines are curves in the page's drawing
      // operators. A math image that failed to draw (a view the SVG drawer could not read) leaves
      // the text around it intact, so only this shows it is missing.
      int curves = curvesDrawn(pdf.getPage(last - 1));
      assertTrue(curves > 50, "glyph curves drawn on the formulas page: " + curves);
      renderPng(pdf, last - 1, "appendix-page-" + last + ".png");
    }
  }

  /**
   * How many Bézier segments the page's drawing operators paint on the page itself (text drawn
   * with fonts has none; a drawing scaled wrongly lands off the page).
   */
  private static int curvesDrawn(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
    int[] curves = {0};
    var box = page.getMediaBox();
    new org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine(page) {
      @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        if (x3 >= box.getLowerLeftX() && x3 <= box.getUpperRightX() && y3 >= box.getLowerLeftY() && y3 <= box.getUpperRightY()) {
          curves[0]++;
        }
      }
      @Override public void appendRectangle(java.awt.geom.Point2D p0, java.awt.geom.Point2D p1,
          java.awt.geom.Point2D p2, java.awt.geom.Point2D p3) {}
      @Override public void drawImage(org.apache.pdfbox.pdmodel.graphics.image.PDImage pdImage) {}
      @Override public void clip(int windingRule) {}
      @Override public void moveTo(float x, float y) {}
      @Override public void lineTo(float x, float y) {}
      @Override public java.awt.geom.Point2D getCurrentPoint() { return new java.awt.geom.Point2D.Float(); }
      @Override public void closePath() {}
      @Override public void endPath() {}
      @Override public void strokePath() {}
      @Override public void fillPath(int windingRule) {}
      @Override public void fillAndStrokePath(int windingRule) {}
      @Override public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {}
      void run() throws IOException { processPage(getPage()); }
    }.run();
    return curves[0];
  }

  /** Renders a page where a person can look at it: target/pdf-png/. */
  private static void renderPng(PDDocument pdf, int pageIndex, String name) throws IOException {
    BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(pageIndex, 110);
    Path out = Path.of("target/pdf-png").resolve(name);
    Files.createDirectories(out.getParent());
    ImageIO.write(image, "png", out.toFile());
    assertTrue(Files.size(out) > 5_000);
  }

  @Test
  void pagesMatchTheirGoldenHtml() throws IOException {
    for (String name : List.of("01-intro.html", "02-ridge.html", "02-ridge-record.html", "404.html", "formula-appendix.html",
        "index.html", "quick-reference.html", "sitemap.xml", "robots.txt")) {
      String actual = Files.readString(site.resolve(name), StandardCharsets.UTF_8);
      assertEquals(Fixtures.golden("basic", name, actual), actual,
          name + " differs from its golden file; rerun with -Dgolden.update=true if the change is intended");
    }
  }

  /** The fixture's site.url, as the templates and the sitemap give it (with a final slash). */
  private static final String BASE_URL = "https://example.org/guide/";

  @Test
  void everyChapterPageIsDescribedByItsChaptersDescriptionHeader() throws IOException {
    Path content = Fixtures.ROOT.resolve("basic/site-src/content");
    int chapters = 0;
    try (Stream<Path> walk = Files.walk(content)) {
      for (Path md : walk.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        String description = header(md, "description");
        String uri = content.relativize(md).toString().replace(".md", ".html");
        Document doc = page(uri);
        assertEquals(description, doc.selectFirst("meta[name=description]").attr("content"), uri);
        assertEquals(description, doc.selectFirst("meta[property=og:description]").attr("content"), uri);
        assertEquals(header(md, "title") + " · LLM System Interview", doc.selectFirst("meta[property=og:title]").attr("content"), uri);
        assertEquals("article", doc.selectFirst("meta[property=og:type]").attr("content"), uri);
        assertEquals(BASE_URL + uri, doc.selectFirst("meta[property=og:url]").attr("content"), uri);
        chapters++;
      }
    }
    assertEquals(2, chapters);
  }

  @Test
  void everyPageHasADescriptionOpenGraphTagsAndTheFavicon() throws IOException {
    for (Path p : pages()) {
      String name = site.relativize(p).toString();
      Document doc = page(name);
      assertFalse(doc.selectFirst("meta[name=description]").attr("content").isBlank(), name);
      assertEquals(doc.selectFirst("meta[name=description]").attr("content"),
          doc.selectFirst("meta[property=og:description]").attr("content"), name);
      assertEquals(doc.title(), doc.selectFirst("meta[property=og:title]").attr("content"), name);
      assertNotNull(doc.selectFirst("meta[property=og:type]"), name);
      Element icon = doc.selectFirst("head link[rel=icon]");
      assertTrue(Files.isRegularFile(p.getParent().resolve(icon.attr("href"))), name + ": " + icon);
    }
    Document home = page("index.html");
    assertEquals(home.selectFirst("p.lead").text(), home.selectFirst("meta[name=description]").attr("content"));
    assertEquals(BASE_URL, home.selectFirst("meta[property=og:url]").attr("content"));
    assertTrue(page("404.html").select("meta[property=og:url]").isEmpty(), "the 404 page has no address of its own");
  }

  @Test
  void sitemapListsEveryPageButThe404AndRobotsNamesIt() throws IOException {
    Document sitemap = Jsoup.parse(Files.readString(site.resolve("sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser());
    List<String> expected = new ArrayList<>();
    for (Path p : pages()) {
      String name = site.relativize(p).toString();
      if (name.equals("404.html")) continue;
      expected.add(BASE_URL + (name.equals("index.html") ? "" : name));
    }
    assertEquals(expected, sitemap.select("urlset > url > loc").eachText());
    assertTrue(sitemap.select("lastmod").isEmpty(), "no dates: the same guide writes the same sitemap");
    assertTrue(Files.readString(site.resolve("robots.txt")).contains("\nSitemap: " + BASE_URL + "sitemap.xml\n"));
  }

  @Test
  void notFoundPageIsRenderedThroughTheTemplatesAndLeadsBackToTheGuide() throws IOException {
    Document notFound = page("404.html");
    assertEquals("Page not found", notFound.selectFirst("main h1").text());
    assertEquals(List.of("index.html", "formula-appendix.html"), notFound.select("main a").eachAttr("href"));
    assertEquals(List.of("Fixture introduction", "Fixture ridge point"), notFound.select("nav.book-nav ol li a").eachText());
    assertNotNull(notFound.selectFirst("meta[http-equiv=Content-Security-Policy]"));
  }

  @Test
  void everyHeadingWithAnIdLinksToItselfAndKeepsItsText() throws IOException {
    int anchors = 0;
    for (String name : List.of("01-intro.html", "02-ridge.html", "formula-appendix.html", "quick-reference.html")) {
      Document doc = page(name);
      for (Element h : doc.select("main h2[id], main h3[id]")) {
        Element a = h.selectFirst("> a.heading-anchor");
        assertNotNull(a, name + ": " + h);
        assertEquals("#" + h.id(), a.attr("href"), name);
        assertEquals("", a.text(), name + ": the # is drawn by the stylesheet, so the heading's text stays its own");
        assertFalse(a.attr("aria-label").isBlank(), name);
        anchors++;
      }
    }
    assertTrue(anchors >= 6, "anchors: " + anchors);
    Document intro = page("01-intro.html");
    assertEquals(intro.select("article h2[id]").eachText(), intro.select("nav.page-toc a").eachText());
  }

  private static String header(Path md, String key) throws IOException {
    for (String line : Files.readAllLines(md, StandardCharsets.UTF_8)) {
      if (line.startsWith(key + "=")) return line.substring(key.length() + 1);
      if (line.startsWith("~~~~~~")) break;
    }
    throw new AssertionError(md + " has no " + key + "= header");
  }

  /**
   * Both PDFs are tagged (a structure tree, marked content, the language and the title shown),
   * draw every character in an embedded font that holds its glyph, and carry each formula's linear
   * text, so a PDF viewer's search and text extraction find it. Letters are drawn one by one: a
   * ligature (ﬁ, ﬀ) is a character of its own that a search for "fine" or "offload" misses.
   */
  @Test
  void pdfsAreTaggedWithEmbeddedFontsThatDrawEveryCharacterAndSearchableMath() throws IOException {
    for (String name : List.of("guide.pdf", "formula-appendix.pdf")) {
      try (PDDocument pdf = Loader.loadPDF(site.resolve(name).toFile())) {
        var catalog = pdf.getDocumentCatalog();
        assertNotNull(catalog.getStructureTreeRoot(), name + " has no structure tree");
        assertTrue(catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked(), name + " is not marked as tagged");
        assertEquals("en", catalog.getLanguage(), name);
        assertTrue(catalog.getViewerPreferences() != null && catalog.getViewerPreferences().displayDocTitle(), name);
        assertTrue(pdf.getDocumentInformation().getTitle().startsWith("LLM System Interview"), name);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < pdf.getNumberOfPages(); i++) {
          var resources = pdf.getPage(i).getResources();
          for (var fontName : resources.getFontNames()) {
            var font = resources.getFont(fontName);
            if (!font.isEmbedded()) problems.add("page " + (i + 1) + ": " + font.getName() + " is not embedded");
          }
        }
        java.util.Set<Integer> printed = new java.util.TreeSet<>();
        PDFTextStripper glyphs = new PDFTextStripper() {
          @Override
          protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
            t.getUnicode().codePoints().forEach(printed::add);
            try {
              boolean drawn = t.getFont().isEmbedded() && t.getFont() instanceof org.apache.pdfbox.pdmodel.font.PDVectorFont v
                  && java.util.Arrays.stream(t.getCharacterCodes()).allMatch(code -> hasGlyph(v, code));
              if (!drawn) problems.add("'" + t.getUnicode() + "' in " + t.getFont().getName() + " has no embedded glyph");
            } finally {
              super.processTextPosition(t);
            }
          }
        };
        String text = glyphs.getText(pdf);
        assertEquals(List.of(), problems.stream().distinct().toList(), name);
        // The old base fonts could draw only windows-1252: show that the check saw more than that.
        assertTrue(printed.stream().anyMatch(cp -> !java.nio.charset.Charset.forName("windows-1252").newEncoder()
            .canEncode(new String(Character.toChars(cp)))), name + " prints only windows-1252: " + printed);
        assertTrue(text.contains("fi") || text.contains("ff"), name + " has no word a ligature could have joined");
        assertEquals(List.of(), printed.stream().filter(cp -> cp >= 0xFB00 && cp <= 0xFB06).map(Character::toString).toList(),
            name + " draws ligatures");
        assertTrue(text.contains("I_ridge = P_peak/B_mem"), name + " lacks the ridge point formula's text");
        assertTrue(text.contains("I = W/Q"), name + " lacks the arithmetic intensity formula's text");
      }
    }
  }

  private static boolean hasGlyph(org.apache.pdfbox.pdmodel.font.PDVectorFont font, int code) {
    try {
      return font.hasGlyph(code);
    } catch (IOException e) {
      return false;
    }
  }

  // Plots: what is drawn is the reference's value, read back from the SVG, and the PDF prints it.
  @Test
  void aPlotDrawsTheReferenceValuesWithItsNumbersAsATable() throws IOException {
    Element figure = page("02-ridge.html").selectFirst("figure.plot#plot-ridge_by_bandwidth");
    assertNotNull(figure);
    String[] points = figure.selectFirst("svg polyline.series.s1").attr("points").split(" ");
    assertTrue(points.length >= 2, "a curve has two ends at least");
    double left = org.llmsi.publisher.markdown.internal.PlotSvg.LEFT;
    double right = org.llmsi.publisher.markdown.internal.PlotSvg.RIGHT;
    double top = org.llmsi.publisher.markdown.internal.PlotSvg.TOP;
    double bottom = org.llmsi.publisher.markdown.internal.PlotSvg.BOTTOM;
    for (String point : points) {
      String[] xy = point.split(",");
      // x: B_mem 1 .. 10 TB/s log; y: I_ridge 10 .. 1000 FLOP/B log (the fixture's axes)
      double bandwidth = Math.pow(10, (Double.parseDouble(xy[0]) - left) / (right - left)) * 1e12;
      double ridge = 10 * Math.pow(100, (bottom - Double.parseDouble(xy[1])) / (bottom - top));
      double reference = org.llmsi.formulas.Roofline.ridgePoint(989.4e12, bandwidth);
      // Coordinates are written to 0.01 of a drawing unit: 2e-4 relative on these axes.
      assertEquals(reference, ridge, 2e-4 * reference, "drawn at " + point);
    }
    assertEquals(left, Double.parseDouble(points[0].split(",")[0]), 1e-9, "the curve starts at the axis's low end");
    assertEquals(right, Double.parseDouble(points[points.length - 1].split(",")[0]), 1e-9, "and ends at its high end");
    assertEquals("7 5", figure.selectFirst("svg polyline.limit").attr("stroke-dasharray"), "a limit is dashed");
    Element h100 = figure.selectFirst("svg circle.point");
    double cy = Double.parseDouble(h100.attr("cy"));
    assertEquals(989.4 / 3.35, 10 * Math.pow(100, (bottom - cy) / (bottom - top)), 2e-4 * 295.3, "the H100 sits on its curve");
    assertEquals(List.of("H100 SXM peak", "A100 80GB SXM"), figure.select("ul.plot-legend li").eachText());
    assertEquals(List.of("1", "989", "153"), figure.select("details.plot-data table").get(0).select("tbody tr").get(0)
        .select("th, td").eachText(), "the table lists each series at the x axis's ticks");
    assertTrue(figure.selectFirst("svg").attr("aria-label").startsWith("A line falling"), "the text alternative");
    try (PDDocument pdf = Loader.loadPDF(site.resolve("guide.pdf").toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.contains("memory (HBM) bandwidth of the accelerator [TB/s]"), "the PDF draws the plot's axes");
      assertTrue(text.contains("H100 SXM peak"), "and its legend");
    }
  }

  // Bars: each part's width is its value on the shared scale, stacked from 0; the table holds the values.
  @Test
  void aBarsPlotDrawsEachPartInProportionWithTheValuesInItsTable() throws IOException {
    Element figure = page("02-ridge.html").selectFirst("figure.plot.bars#plot-hbm_budget");
    assertNotNull(figure);
    // Each colour is one path of boxes "M{x} {top}h{width}v{height}h-{width}z", one per bar, top to bottom.
    Pattern box = Pattern.compile("M([\\d.]+) ([\\d.]+)h([\\d.]+)v[\\d.]+h-[\\d.]+z");
    List<List<double[]>> colours = new ArrayList<>(); // per colour, per bar: {x, top, width}
    for (Element path : figure.select("svg path.part")) {
      List<double[]> boxes = new ArrayList<>();
      Matcher m = box.matcher(path.attr("d"));
      while (m.find()) boxes.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
      colours.add(boxes);
    }
    assertEquals(List.of("part s1", "part s2"), figure.select("svg path.part").eachAttr("class"), "one colour per label");
    double[][] values = {{35, 30}, {35, 60}}; // GB: the example's givens, and twice the cache
    double left = colours.get(0).get(0)[0];
    double scale = colours.get(0).get(0)[2] / values[0][0]; // drawing units per GB
    for (int b = 0; b < 2; b++) {
      double at = left;
      for (int i = 0; i < 2; i++) {
        double[] drawn = colours.get(i).get(b);
        // Coordinates are written to 0.01 of a drawing unit.
        assertEquals(at, drawn[0], 0.011, "bar " + b + " part " + i + " starts where the last ended");
        assertEquals(values[b][i] * scale, drawn[2], 0.011, "bar " + b + " part " + i);
        assertEquals(colours.get(0).get(b)[1], drawn[1], 1e-9, "on its bar's line");
        at += values[b][i] * scale;
      }
    }
    Matcher capacity = box.matcher(figure.selectFirst("svg path.idle").attr("d"));
    for (int b = 0; b < 2; b++) {
      assertTrue(capacity.find());
      assertEquals(80 * scale, Double.parseDouble(capacity.group(3)), 0.011, "the capacity, the H100's 80 GB, is the faint box");
    }
    Matcher end = Pattern.compile("M([\\d.]+) ").matcher(figure.selectFirst("svg path.limit").attr("d"));
    assertTrue(end.find());
    assertEquals(left + 80 * scale, Double.parseDouble(end.group(1)), 0.011, "and the dashed end");
    assertEquals(List.of("One H100", "Twice the cache: 15 GB over"), figure.select("svg > g[font-weight] text").eachText(),
        "an overflow is said where it shows");
    assertEquals(List.of("bar", "weights [GB]", "KV cache [GB]", "total [GB]", "capacity [GB]", "free [GB]"),
        figure.select("details.plot-data thead th").eachText());
    List<Element> rows = figure.select("details.plot-data tbody tr");
    assertEquals(List.of("One H100", "35", "30", "65", "80", "15"), rows.get(0).select("th, td").eachText());
    assertEquals(List.of("Twice the cache", "35", "60", "95", "80", "-15"), rows.get(1).select("th, td").eachText());
    assertEquals(List.of("weights", "KV cache", "capacity", "free"), figure.select("ul.plot-legend li").eachText());
    assertTrue(figure.select(".plot-scroll").isEmpty(), "a bars drawing fits a phone's column: it does not scroll");
    try (PDDocument pdf = Loader.loadPDF(site.resolve("guide.pdf").toFile())) {
      // Batik draws the SVG's text as outlines; the caption and the table are the PDF's text.
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.contains("The memory of one H100 against its capacity"), "the PDF prints the bars' caption");
      assertTrue(text.contains("Twice the cache"), "and its table");
    }
  }
}
