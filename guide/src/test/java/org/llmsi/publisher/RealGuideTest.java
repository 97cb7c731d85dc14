package org.llmsi.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
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
