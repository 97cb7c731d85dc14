package org.llmsi.publisher;

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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.publisher.appendix.QuickReferenceCard;
import org.llmsi.publisher.bake.Book;
import org.llmsi.publisher.fixtures.FixtureCatalogs;
import org.llmsi.publisher.pdf.PdfWriter;
import org.llmsi.publisher.pdf.PrintDocument;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.model.ExampleStep;
import org.llmsi.verifier.model.VerifiedExample;
import org.llmsi.verifier.model.VerifiedGuide;

/**
 * The quick-reference card and the formula appendix of the basic fixture: every figure on the card
 * traced to the data or the example it comes from, the card printed on A4 and on Letter, the
 * appendix grouped by chapter and section with "Used by" naming each section once.
 */
class ReferencePagesTest {
  @TempDir
  static Path temp;

  static Path site;
  static VerifiedGuide guide;

  @BeforeAll
  static void build() {
    site = temp.resolve("out");
    PublishResult result = new GuidePublisher().publish(Fixtures.request("basic", site, true));
    assertTrue(result.ok(), () -> String.join("\n", result.problems()));
    guide = new Verifier(VerifyOptions.of(Fixtures.siteSrc("basic")).withCatalog(FixtureCatalogs.BASIC).withTries(50))
        .verify().guide();
  }

  private static Document page(String name) throws IOException {
    return Jsoup.parse(site.resolve(name).toFile(), "UTF-8");
  }

  /** A number not glued to letters (as the verifier reads the card file): "BF16" is a name, "3.35" a figure. */
  private static final java.util.regex.Pattern STANDALONE_NUMBER =
      java.util.regex.Pattern.compile("(?<![\\p{L}\\d_.,])\\d[\\d.,]*(?![\\p{L}\\d_])");

  @Test
  void everyFigureOnTheCardNamesItsSourceAndReadsAsThatSourceWritesIt() throws IOException {
    Element card = page(QuickReferenceCard.PAGE).selectFirst("article.card");
    List<TextNode> figures = new ArrayList<>();
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof TextNode t && STANDALONE_NUMBER.matcher(t.text()).find()) figures.add(t);
    }, card);
    assertFalse(figures.isEmpty());
    for (TextNode t : figures) {
      Element from = t.parent().closest("[data-from]");
      assertNotNull(from, "a figure with no source on the card: '" + t.text() + "'");
    }
    int traced = 0;
    for (Element e : card.select("[data-from]")) {
      String from = e.attr("data-from");
      assertEquals(expected(from), e.text(), "what the card shows for " + from);
      traced++;
    }
    // two rows of two figures, the rows' names, one unit per formula, one rule, and the notation:
    // the meaning and unit of each of the formulas' six symbols
    assertEquals(2 * 2 + 2 + 2 + 1 + 6 * 2, traced);
    assertEquals("989.4 TFLOP/s", card.selectFirst("td[data-from=gpus.h100_sxm.bf16_dense]").text());
    assertEquals("3.35 TB/s", card.selectFirst("td[data-from=gpus.h100_sxm.hbm_bw]").text());
  }

  /** What a data-from attribute's source says, written as the card writes it. */
  private static String expected(String from) {
    if (from.startsWith("glossary.")) return guide.glossary().symbol(from.substring("glossary.".length())).orElseThrow().meaning();
    if (from.startsWith("symbols.")) {
      String unit = guide.glossary().symbol(from.substring("symbols.".length())).orElseThrow().unitText();
      return "[" + (unit.equals("1") ? "unitless" : unit) + "]";
    }
    String[] parts = from.split("[. ]");
    if (from.contains("#")) { // a worked example's anchor on its page, and the step
      String anchor = from.substring(from.indexOf('#') + 1, from.indexOf(' '));
      VerifiedExample example = guide.examples().stream().filter(x -> guide.exampleAnchor(x).equals(anchor)).findFirst().orElseThrow();
      String step = from.substring(from.indexOf(' ') + 1);
      return example.steps().stream().filter(s -> s.name().equals(step)).map(ExampleStep::claimed).findFirst().orElseThrow();
    }
    var entity = guide.data().entity(parts[0], parts[1]).orElseThrow(() -> new AssertionError("no data entry " + from));
    if (parts.length == 2) return entity.name();
    DataValue v = entity.fields().get(parts[2]);
    assertNotNull(v, from);
    return QuickReferenceCard.figure(v);
  }

  @Test
  void cardGroupsItsFormulasUnderItsTopicsAndLinksThemToTheirChapters() throws IOException {
    Document card = page(QuickReferenceCard.PAGE);
    List<String> topics = card.select(".card-topic h2").eachText();
    assertEquals(List.of("Roofline", "Intensity"), topics);
    Element roofline = card.selectFirst(".card-topic:has(h2:containsOwn(Roofline))");
    assertEquals("02-ridge.html#ridge_point", roofline.selectFirst(".card-math a").attr("href"));
    assertTrue(roofline.selectFirst(".card-says").text().startsWith("where the two roofs meet"));
    assertEquals("02-ridge.html#example-ridge-point-of-an-h100-sxm-bf16-dense", roofline.selectFirst(".card-rules a").attr("href"));
    for (Document p : List.of(page("index.html"), page("01-intro.html"))) {
      assertFalse(p.select("a[href=quick-reference.html]").isEmpty(), "no link to the card");
      assertFalse(p.select("a[href=quick-reference.pdf]").isEmpty(), "no link to the card's PDF");
    }
  }

  @Test
  void cardPrintsOnAtMostFourPagesOfA4AndOfLetter() throws IOException {
    Book book = Book.of("Fixture", "", guide, Fixtures.siteSrc("basic").resolve("content"));
    String css = Files.readString(Fixtures.TEMPLATES.resolve("pdf.css"), StandardCharsets.UTF_8);
    String cardCss = Files.readString(Fixtures.TEMPLATES.resolve(QuickReferenceCard.PRINT_CSS), StandardCharsets.UTF_8);
    PrintDocument print = new PrintDocument(site, book, css, "Unversioned");
    for (String paper : List.of("A4", "letter")) {
      Path pdfFile = temp.resolve("card-" + paper + ".pdf");
      PdfWriter.write(print.card(QuickReferenceCard.PAGE, cardCss, paper), "card", site, pdfFile);
      try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile())) {
        assertTrue(pdf.getNumberOfPages() <= 4, paper + ": " + pdf.getNumberOfPages() + " pages");
        float width = pdf.getPage(0).getMediaBox().getWidth();
        assertEquals(paper.equals("A4") ? 595.3f : 612f, width, 0.5f, paper + " page width in points");
        String text = new PDFTextStripper().getText(pdf);
        assertTrue(text.contains("989.4 TFLOP/s") && text.contains("where the two roofs meet"), text);
      }
    }
    try (PDDocument published = Loader.loadPDF(site.resolve(QuickReferenceCard.PDF).toFile())) {
      assertEquals(595.3f, published.getPage(0).getMediaBox().getWidth(), 0.5f, "the published card is A4");
    }
  }

  @Test
  void appendixGroupsFormulasByChapterAndSectionWithAnIndex() throws IOException {
    Document appendix = page("formula-appendix.html");
    List<String> chapters = appendix.select(".appendix-topic > h2").eachText();
    assertEquals(List.of("Fixture introduction", "Fixture ridge point"), chapters);
    Element ridge = appendix.getElementById("ridge_point");
    assertEquals("The ridge point", ridge.previousElementSibling().text(), "the section heading above the entry");
    assertEquals("Fixture ridge point", ridge.parent().selectFirst("h2").text());
    Set<String> indexed = new HashSet<>();
    for (Element a : appendix.select("nav.appendix-index a")) {
      indexed.add(a.attr("href"));
      assertNotNull(appendix.getElementById(a.attr("href").substring(1)), "index link " + a.attr("href"));
    }
    for (Element h : appendix.select(".appendix-topic h2[id], .appendix-topic h3[id]")) {
      assertTrue(indexed.contains("#" + h.id()), "the index lacks " + h.text());
    }
    for (Element img : appendix.select("img.math")) assertEquals("lazy", img.attr("loading"), img.outerHtml());
  }

  @Test
  void usedByNamesEachSectionOnceWithoutFileAndLine() throws IOException {
    Element used = page("formula-appendix.html").getElementById("ridge_point").selectFirst("p.used");
    // Two steps of one example call ridge_point: the chapter and its section appear once each.
    List<String> links = used.select("a").eachAttr("href");
    assertEquals(List.of("02-ridge.html", "02-ridge.html#worked-example"), links);
    assertEquals(links.size(), new HashSet<>(links).size());
    assertFalse(used.text().matches("(?s).*\\.md:\\d+.*"), used.text());
  }

  @Test
  void printedAppendixHasNoBuildProvenanceAndNoDeadLinks() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(site.resolve(GuidePublisher.APPENDIX_PDF).toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.contains("ridge_point") && text.contains("The ridge point"), text);
      assertFalse(text.contains("seed"), "a seed in print:\n" + text);
      assertFalse(text.matches("(?s).*\\.md:\\d+.*"), "a file:line in print:\n" + text);
    }
    // In the whole guide the chapters are there to point at: a link gives the page it leads to.
    try (PDDocument pdf = Loader.loadPDF(site.resolve(GuidePublisher.GUIDE_PDF).toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.replaceAll("\\s+", " ").matches(".*Fixture ridge point: The ridge point \\(p\\. \\d+\\).*"), text);
    }
  }
}
