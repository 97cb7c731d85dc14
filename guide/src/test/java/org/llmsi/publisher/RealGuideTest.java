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
