package org.llmsi.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.publisher.appendix.QuickReferenceCard;
import org.llmsi.publisher.bake.Book;
import org.llmsi.publisher.pdf.PdfWriter;
import org.llmsi.publisher.pdf.PrintDocument;
import org.llmsi.verifier.VerifyOptions;

/** The guide itself (../site-src) builds, and nothing in its PDFs runs into the page margins. */
class RealGuideTest {
  @TempDir
  static Path temp;

  static Path site;

  @BeforeAll
  static void build() {
    site = temp.resolve("out");
    PublishResult result = new GuidePublisher().publish(
        new PublishRequest(Path.of("../site-src"), Path.of("../templates"), site, true, 200, VerifyOptions.GUIDE_CATALOG));
    assertTrue(result.ok(), () -> String.join("\n", result.problems()));
  }

  @Test
  void noPrintedPageDrawsIntoItsSideMargins() throws IOException {
    for (String pdfName : List.of(GuidePublisher.GUIDE_PDF, GuidePublisher.APPENDIX_PDF)) {
      try (PDDocument pdf = Loader.loadPDF(site.resolve(pdfName).toFile())) {
        List<String> overflowing = new ArrayList<>();
        PDFRenderer renderer = new PDFRenderer(pdf);
        for (int i = 0; i < pdf.getNumberOfPages(); i++) {
          BufferedImage page = renderer.renderImageWithDPI(i, 36);
          // The stylesheet's side margins are 20 mm; the outer 15 mm must stay blank.
          int band = (int) Math.round(15 / 25.4 * 36);
          if (!blank(page, 0, band) || !blank(page, page.getWidth() - band, page.getWidth())) {
            overflowing.add(pdfName + " page " + (i + 1));
          }
        }
        assertEquals(List.of(), overflowing);
      }
    }
  }

  @Test
  void appendixPdfNamesEveryFormulaOfTheGuide() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(site.resolve(GuidePublisher.APPENDIX_PDF).toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      for (String id : List.of("arithmetic_intensity", "attainable_performance", "roofline_time", "ridge_point",
          "intensity_dot", "intensity_gemv", "intensity_gemm", "critical_batch")) {
        assertTrue(text.contains(id), "formula-appendix.pdf lacks " + id);
      }
    }
  }

  /** Search finds the guide's formulas by their text, and its index stays small (it was 392 KB before 2026-12-03). */
  @Test
  void searchIndexHoldsFormulasAsQuotedAndStaysSmall() throws IOException {
    Path index = site.resolve(org.llmsi.publisher.search.SearchIndex.FILE);
    String js = java.nio.file.Files.readString(index);
    assertTrue(js.contains("\"f\",\"training_compute\",\"C = 6ND\","), "training_compute is not indexed as C = 6ND");
    assertTrue(js.contains("\"p\",\"\",\"KV cache: sizing, sharing and compressing it\","), "the KV-cache chapter's title");
    long size = java.nio.file.Files.size(index);
    assertTrue(size < 300_000, "the search index grew to " + size + " bytes");
  }

  /**
   * No page of the appendix's body is left half empty (formulas kept whole on a page used to push
   * the next one over and leave a gap): between the contents and the last page, the text on every
   * page reaches below the middle of the page's text area.
   */
  @Test
  void appendixPdfHasNoHalfEmptyPage() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(site.resolve(GuidePublisher.APPENDIX_PDF).toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      int first = 0;
      for (int i = 1; i <= pdf.getNumberOfPages() && first == 0; i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        if (stripper.getText(pdf).contains("Every formula of the guide, grouped by")) first = i;
      }
      assertTrue(first > 0, "the appendix's first page");
      PDFRenderer renderer = new PDFRenderer(pdf);
      List<String> halfEmpty = new ArrayList<>();
      for (int i = first; i < pdf.getNumberOfPages(); i++) { // the last page may end where it ends
        BufferedImage page = renderer.renderImageWithDPI(i - 1, 36);
        int margin = (int) Math.round(22 / 25.4 * 36); // pdf.css: 22 mm above and below
        int lowest = margin;
        for (int y = margin; y < page.getHeight() - margin; y++) {
          if (!blankRow(page, y)) lowest = y;
        }
        double filled = (lowest - margin) / (double) (page.getHeight() - 2 * margin);
        if (filled < 0.5) halfEmpty.add("page " + i + " (" + Math.round(filled * 100) + " %)");
      }
      assertEquals(List.of(), halfEmpty);
    }
  }

  private static boolean blankRow(BufferedImage image, int y) {
    for (int x = 0; x < image.getWidth(); x++) {
      int rgb = image.getRGB(x, y);
      if (((rgb >> 16) & 0xff) < 240 || ((rgb >> 8) & 0xff) < 240 || (rgb & 0xff) < 240) return false;
    }
    return true;
  }

  /**
   * The quick-reference card fits four pages of A4 and of Letter, keeps off the paper's edges, and
   * shows the figures a candidate learns by heart.
   */
  @Test
  void quickReferenceCardPrintsOnFourPagesOfA4AndOfLetter() throws IOException {
    String css = Files.readString(Path.of("../templates/pdf.css"), StandardCharsets.UTF_8);
    String cardCss = Files.readString(Path.of("../templates", QuickReferenceCard.PRINT_CSS), StandardCharsets.UTF_8);
    PrintDocument print = new PrintDocument(site, new Book("", "", List.of()), css, "Unversioned"); // the card needs no chapter list
    for (String paper : List.of("A4", "letter")) {
      Path file = temp.resolve("card-" + paper + ".pdf");
      PdfWriter.write(print.card(QuickReferenceCard.PAGE, cardCss, paper), "card", site, file);
      try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
        assertTrue(pdf.getNumberOfPages() <= 4, paper + ": " + pdf.getNumberOfPages() + " pages");
        PDFRenderer renderer = new PDFRenderer(pdf);
        int band = (int) Math.round(8 / 25.4 * 36); // the card's side margins are 11 mm
        for (int i = 0; i < pdf.getNumberOfPages(); i++) {
          BufferedImage page = renderer.renderImageWithDPI(i, 36);
          assertTrue(blank(page, 0, band) && blank(page, page.getWidth() - band, page.getWidth()),
              paper + " page " + (i + 1) + " draws into its side margin");
        }
        String text = new PDFTextStripper().getText(pdf);
        for (String figure : List.of("989.4 TFLOP/s", "3.35 TB/s", "4.8 TB/s", "2,039 GB/s", "8,192")) {
          assertTrue(text.contains(figure), paper + ": the card lacks " + figure);
        }
      }
    }
    try (PDDocument published = Loader.loadPDF(site.resolve(QuickReferenceCard.PDF).toFile())) {
      assertTrue(published.getNumberOfPages() <= 4, "quick-reference.pdf: " + published.getNumberOfPages() + " pages");
    }
  }

  /**
   * Every character the guide prints is drawn from an embedded font that holds its glyph (≈,
   * ×, µ and the rest, scanned from the PDF's own text), and `6ND` finds the training-compute
   * formula's text.
   */
  @Test
  void everyPrintedCharacterHasAnEmbeddedGlyphAndMathIsSearchable() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(site.resolve(GuidePublisher.GUIDE_PDF).toFile())) {
      java.util.Set<String> missing = new java.util.TreeSet<>();
      java.util.Set<Integer> printed = new java.util.TreeSet<>();
      PDFTextStripper glyphs = new PDFTextStripper() {
        @Override
        protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
          t.getUnicode().codePoints().forEach(printed::add);
          boolean drawn = t.getFont().isEmbedded() && t.getFont() instanceof org.apache.pdfbox.pdmodel.font.PDVectorFont v
              && java.util.Arrays.stream(t.getCharacterCodes()).allMatch(code -> {
                try {
                  return v.hasGlyph(code);
                } catch (IOException e) {
                  return false;
                }
              });
          if (!drawn) missing.add(t.getUnicode() + " (U+" + Integer.toHexString(t.getUnicode().codePointAt(0)) + ") in " + t.getFont().getName());
          super.processTextPosition(t);
        }
      };
      String text = glyphs.getText(pdf);
      assertEquals(java.util.Set.of(), missing, "characters without an embedded glyph");
      for (int cp : new int[] {'≈', '×', 'µ'}) {
        assertTrue(printed.contains(cp), "the guide no longer prints " + Character.toString(cp) + ": pick another sample");
      }
      assertTrue(text.contains("C = 6ND FLOP"), "the training-compute formula's text is not in guide.pdf");
    }
  }

  /**
   * Every page shows numbers and units as a reader writes them (markdown.internal.ReaderValue): no
   * [us] or [1], no e-notation, no "40 us". What is code stays code (code, pre, the calculators'
   * scripts), the data list quotes its sources as they are written; the typeset math's hidden text
   * is the math renderer's own. The plots' ticks, legends and tables are held too (10⁸, not 1e8).
   */
  @Test
  void everyPageShowsNumbersAndUnitsAsAReaderWritesThem() throws IOException {
    java.util.regex.Pattern codeForm = java.util.regex.Pattern.compile(
        "\\[(us|1)]|(?<![\\w.])\\d+(\\.\\d+)?[eE][+-]?\\d+\\b|\\b\\d+(\\.\\d+)? us\\b");
    List<String> found = new ArrayList<>();
    List<Path> pages;
    try (var files = Files.list(site)) {
      pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
    for (Path file : pages) {
      org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(file.toFile(), "UTF-8");
      page.select("code, pre, script, style, section.data-sources, [aria-hidden=true]").remove();
      java.util.regex.Matcher m = codeForm.matcher(page.body().text());
      while (m.find()) found.add(file.getFileName() + ": " + m.group());
    }
    assertEquals(List.of(), found);
    String card = org.jsoup.Jsoup.parse(site.resolve(QuickReferenceCard.PAGE).toFile(), "UTF-8").text();
    assertTrue(card.contains("3.80 × 10²⁵ FLOP") && card.contains("[µs]"), "the card's power of ten and its µs: " + card);
  }

  private static boolean blank(BufferedImage image, int fromX, int toX) {
    for (int x = fromX; x < toX; x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) < 240 || ((rgb >> 8) & 0xff) < 240 || (rgb & 0xff) < 240) return false;
      }
    }
    return true;
  }
}
