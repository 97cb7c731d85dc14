package org.llmsi.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
  void everyFigureOnTheCardNamesItsSourceAndSaysWhatThatSourceSays() throws IOException {
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
      String says = mismatch(from, e.text());
      assertNull(says, () -> from + ": the card shows '" + e.text() + "' where its source says " + says);
      // A wrong digit anywhere in it must not pass as the same figure.
      java.util.regex.Matcher digit = java.util.regex.Pattern.compile("\\d").matcher(e.text());
      while (digit.find()) {
        int d = e.text().charAt(digit.start()) - '0';
        String wrong = e.text().substring(0, digit.start()) + (d + 1) % 10 + e.text().substring(digit.end());
        assertNotNull(mismatch(from, wrong), "'" + wrong + "' passed for " + from + ", which shows '" + e.text() + "'");
      }
      traced++;
    }
    // two rows of two figures, the rows' names, one unit per formula, one rule, and the notation:
    // the meaning and unit of each of the formulas' six symbols
    assertEquals(2 * 2 + 2 + 2 + 1 + 6 * 2, traced);
    assertEquals("989.4 TFLOP/s", card.selectFirst("td[data-from=gpus.h100_sxm.bf16_dense]").text());
    assertEquals("3.35 TB/s", card.selectFirst("td[data-from=gpus.h100_sxm.hbm_bw]").text());
    assertEquals("1,555 GB/s", card.selectFirst("td[data-from=gpus.a100_40gb_sxm.hbm_bw]").text());
  }

  /**
   * The fixture's card has no power of ten and no µs: the reading of a reader's figure holds for
   * them too, down to a stated trailing zero.
   */
  @Test
  void aReadersFigureIsReadBackToItsDigitsAndUnit() {
    assertNull(differs("3.80e25 FLOP", "3.80 × 10²⁵ FLOP"));
    assertNull(differs("1.50e-5 s", "1.50 × 10⁻⁵ s"));
    assertNull(differs("8.74 us/token", "8.74 µs/token"));
    assertNull(differs("2596", "2,596"));
    assertNull(differs("8e09", "8 × 10⁹"), "the same digits and power");
    for (String wrong : List.of("3.80 × 10²⁴ FLOP", "3.81 × 10²⁵ FLOP", "3.8 × 10²⁵ FLOP", "3.80 × 10²⁵ FLOP/s", "3.80e25 FLOP")) {
      assertNotNull(differs("3.80e25 FLOP", wrong), wrong);
    }
    assertNotNull(differs("8.74 us", "8.74 us"), "µ is how a reader writes micro");
    assertNotNull(differs("2596", "2596"), "digits are grouped");
  }

  /**
   * Null when what the card shows for a {@code data-from} says what that source says, else how it
   * differs: a figure must give back the source's number, to its last stated digit, and its unit.
   */
  private static String mismatch(String from, String shown) {
    if (from.startsWith("glossary.")) {
      String meaning = guide.glossary().symbol(from.substring("glossary.".length())).orElseThrow().meaning();
      return meaning.equals(shown) ? null : meaning;
    }
    if (from.startsWith("symbols.")) {
      String unit = guide.glossary().symbol(from.substring("symbols.".length())).orElseThrow().unitText();
      if (!shown.startsWith("[") || !shown.endsWith("]")) return "a unit in brackets";
      String inner = shown.substring(1, shown.length() - 1);
      return (unit.equals("1") ? inner.equals("unitless") : unit(inner).equals(unit)) ? null : unit;
    }
    String[] parts = from.split("[. ]");
    if (from.contains("#")) { // a worked example's anchor on its page, and the step
      String anchor = from.substring(from.indexOf('#') + 1, from.indexOf(' '));
      VerifiedExample example = guide.examples().stream().filter(x -> guide.exampleAnchor(x).equals(anchor)).findFirst().orElseThrow();
      String step = from.substring(from.indexOf(' ') + 1);
      return differs(example.steps().stream().filter(s -> s.name().equals(step)).map(ExampleStep::claimed).findFirst().orElseThrow(), shown);
    }
    var entity = guide.data().entity(parts[0], parts[1]).orElseThrow(() -> new AssertionError("no data entry " + from));
    if (parts.length == 2) return entity.name().equals(shown) ? null : entity.name();
    DataValue v = entity.fields().get(parts[2]);
    assertNotNull(v, from);
    String[] figure = codeForm(shown);
    if (figure == null) return "a number";
    boolean same = new java.math.BigDecimal(figure[0]).doubleValue() == v.value() && figure[1].equals(v.unit().text().equals("1") ? "" : v.unit().text());
    return same ? null : v.value() + " " + v.unit().text();
  }

  /** Null when {@code shown} is the value {@code claimed} (as the example states it) with its digits and unit. */
  private static String differs(String claimed, String shown) {
    String[] figure = codeForm(shown);
    int space = claimed.indexOf(' ');
    String number = space < 0 ? claimed : claimed.substring(0, space);
    String unit = space < 0 ? "" : claimed.substring(space + 1);
    // BigDecimal's equals holds the scale too: 3.8e25 is not the 3.80e25 that was checked.
    return figure != null && new java.math.BigDecimal(number).equals(new java.math.BigDecimal(figure[0])) && figure[1].equals(unit)
        ? null : claimed;
  }

  /**
   * A figure as a reader writes it ({@code 2,596 GB/s}, {@code 3.80 × 10²⁵ FLOP}) read back by hand:
   * its number as code writes it ({@code 3.80e25}) and its unit; null if it is not written that way.
   */
  private static String[] codeForm(String shown) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("(-?\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?)(?: × 10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))?(?: (\\S+))?").matcher(shown);
    if (!m.matches()) return null;
    StringBuilder number = new StringBuilder(m.group(1).replace(",", ""));
    if (m.group(2) != null) {
      number.append('e');
      for (char c : m.group(2).toCharArray()) number.append(c == '⁻' ? '-' : (char) ('0' + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)));
    }
    return new String[] {number.toString(), m.group(3) == null ? "" : unit(m.group(3))};
  }

  /** A unit as a reader writes it, as the code does: µ is the prefix u, which the card must not show. */
  private static String unit(String shown) {
    return java.util.regex.Pattern.compile("(^|/)u[A-Za-z]").matcher(shown).find() ? "not as a reader writes it: " + shown
        : shown.replace('µ', 'u');
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
