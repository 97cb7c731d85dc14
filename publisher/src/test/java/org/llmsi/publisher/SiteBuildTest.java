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
    assertEquals(List.of("01-intro.html", "02-ridge.html", "formula-appendix.html", "index.html"),
        pages().stream().map(p -> site.relativize(p).toString()).toList());
    assertTrue(first.summary().startsWith("verified 2 files: 2 formulas"), first.summary());
    assertTrue(first.summary().contains("published 4 pages"), first.summary());
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

  @Test
  void homePageListsTheGuideInBookOrder() throws IOException {
    assertEquals(List.of("01-intro.html", "02-ridge.html", "formula-appendix.html"),
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

  @Test
  void everyFormulaIsAnchoredSvgMathWithWhereListAndVerificationMark() throws IOException {
    Set<String> ids = new HashSet<>();
    for (String name : List.of("01-intro.html", "02-ridge.html")) {
      for (Element f : page(name).select("figure.formula")) {
        ids.add(f.id());
        Element svg = f.selectFirst(".formula-math > svg.math");
        assertNotNull(svg, f.id() + " has no SVG");
        assertEquals("img", svg.attr("role"));
        assertFalse(svg.attr("aria-label").isBlank());
        assertTrue(svg.select("text").isEmpty(), "glyphs must be shapes, not text");
        assertFalse(f.select("dl.where dt svg.math").isEmpty(), f.id() + " has no where list");
        assertEquals("formula-appendix.html#" + f.id(), f.selectFirst("p.verified a").attr("href"));
        assertTrue(f.selectFirst("p.verified").text().contains("50 random inputs"), f.text());
      }
    }
    assertEquals(Set.of("arithmetic_intensity", "ridge_point"), ids);
    Document appendix = page("formula-appendix.html");
    for (String id : ids) {
      Element entry = appendix.getElementById(id);
      assertNotNull(entry, "appendix entry " + id);
      assertNotNull(entry.selectFirst("svg.math[role=img][aria-label]"));
      assertTrue(entry.text().contains("seed"), entry.text());
    }
    assertTrue(appendix.select("table.notation tr[id=sym-P_peak]").size() == 1, "notation table lists P_peak");
  }

  @Test
  void sharedGlyphsAreDefinedOnTheirPage() throws IOException {
    for (Path p : pages()) {
      Document doc = Jsoup.parse(p.toFile(), "UTF-8");
      for (Element use : doc.select("svg.math use")) {
        assertNotNull(doc.getElementById(use.attr("href").substring(1)), p + " lacks glyph " + use.attr("href"));
      }
    }
  }

  @Test
  void exampleShowsEveryStepAndEachClaimStatedAndChecked() throws IOException {
    Element example = page("02-ridge.html").selectFirst("figure.example");
    assertNotNull(example);
    assertEquals(3, example.select("tbody.step").size());
    List<String> checks = example.select("tbody.claim td.check").eachText();
    assertEquals(List.of("stated 295 FLOP/B: matches", "stated 591 FLOP/B: matches"), checks);
    // Two digits finer than the claim prints, so a reader sees the rounding that made it hold.
    assertEquals(List.of("295.34 FLOP/B", "590.72 FLOP/B"), example.select("tbody.claim td.value").eachText());
    // The computed steps are typeset; the alias `gpu = gpus.h100_sxm` is a given, shown once as its value.
    assertEquals(2, example.select("td.expr svg.math[aria-label]").size());
    assertEquals(1, example.select("tbody.step:not(:has(td.expr))").size());
    assertEquals("NVIDIA H100 SXM5 80GB", example.selectFirst("tbody.step:not(:has(td.expr)) td.value").text());
    assertFalse(example.select("ul.sources li").isEmpty(), "cited data figures are listed with their sources");
  }

  @Test
  void inlineMathIsTypesetAndDollarPricesStayProse() throws IOException {
    Element para = page("01-intro.html").select("article p").first();
    assertEquals("I = W / Q", para.selectFirst("svg.math").attr("aria-label"));
    assertTrue(para.text().contains("$5 and $10"), para.text());
  }

  @Test
  void searchIndexIsAScriptWithHeadingsFormulaIdsAndSymbols() throws IOException {
    String js = Files.readString(site.resolve("assets/search-index.js"), StandardCharsets.UTF_8);
    assertTrue(js.startsWith("window.LLMSI_SEARCH_INDEX = ["));
    for (String needle : List.of("\"t\":\"A table\"", "\"u\":\"02-ridge.html#ridge_point\"", "P_peak", "ridge_point (formula)")) {
      assertTrue(js.contains(needle), "index lacks " + needle);
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
  void appendixPdfListsEveryFormulaInItsContents() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(site.resolve("formula-appendix.pdf").toFile())) {
      int pages = pdf.getNumberOfPages();
      String contents = text(pdf, 2, 2);
      int last = 0;
      for (String id : List.of("arithmetic_intensity", "ridge_point")) {
        Matcher m = Pattern.compile(id + "[ .]*(\\d+)").matcher(contents);
        assertTrue(m.find(), "appendix contents lack " + id + ":\n" + contents);
        int page = Integer.parseInt(m.group(1));
        assertTrue(text(pdf, page, page).contains(id), id + " not on page " + page);
        last = page;
      }
      assertTrue(text(pdf, 1, pages).contains("Notation"));
      renderPng(pdf, last - 1, "appendix-page-" + last + ".png");
    }
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
    for (String name : List.of("01-intro.html", "02-ridge.html", "formula-appendix.html", "index.html")) {
      String actual = Files.readString(site.resolve(name), StandardCharsets.UTF_8);
      assertEquals(Fixtures.golden("basic", name, actual), actual,
          name + " differs from its golden file; rerun with -Dgolden.update=true if the change is intended");
    }
  }
}
