package org.llmsi.publisher.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;

/**
 * The PDFs' fonts: DejaVu Serif, Sans and Sans Mono as the jasperreports-fonts jar ships them (with
 * their Bitstream Vera licence), each embedded as a subset of the glyphs a PDF uses. Nothing comes
 * from the machine, so a fresh one prints the same file. DejaVu Sans is also the fallback for a
 * character the family asked for lacks, glyph by glyph; it holds every character the guide prints
 * (≈, ✓, ×, µ, ≤, →, …), which {@link #FALLBACK} lets the build and the tests check.
 *
 * <p>The faces reach PDFBox without their glyph-substitution (GSUB) table. PDFBox applies it to
 * every string it draws, compiling a regular expression per string, for the one effect it has on
 * the guide's Latin text: ligatures (ﬁ, ﬂ, ﬀ), which a reader's search for "fine" or "offload" in
 * the PDF then misses, and which pdftotext split with stray spaces. Without it the PDFs search as
 * they read, and a build with the three PDFs takes 1.2 s less CPU (measured 2026-12-03, three
 * alternating runs each: 16.5–17.0 s against 17.6–18.2 s user time; 0.2–1.5 s less wall time).
 */
public final class PdfFonts {
  private static final String FOLDER = "/net/sf/jasperreports/fonts/dejavu/";

  record Face(String file, String family, int weight, FontStyle style) {}

  static final List<Face> FACES = List.of(
      new Face("DejaVuSerif.ttf", "DejaVu Serif", 400, FontStyle.NORMAL),
      new Face("DejaVuSerif-Bold.ttf", "DejaVu Serif", 700, FontStyle.NORMAL),
      new Face("DejaVuSerif-Italic.ttf", "DejaVu Serif", 400, FontStyle.ITALIC),
      new Face("DejaVuSerif-BoldItalic.ttf", "DejaVu Serif", 700, FontStyle.ITALIC),
      new Face("DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL),
      new Face("DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL),
      new Face("DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, FontStyle.ITALIC),
      new Face("DejaVuSans-BoldOblique.ttf", "DejaVu Sans", 700, FontStyle.ITALIC),
      new Face("DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL),
      new Face("DejaVuSansMono-Bold.ttf", "DejaVu Sans Mono", 700, FontStyle.NORMAL));

  /** DejaVu Sans, for the build's check that the fallback can draw a character. */
  public static final java.awt.Font FALLBACK = load("DejaVuSans.ttf");

  private PdfFonts() {}

  /** Gives the builder every face, and DejaVu Sans as the last resort for any missing glyph. */
  static void register(PdfRendererBuilder builder) {
    for (Face f : FACES) builder.useFont(() -> withoutGsub(f.file()), f.family(), f.weight(), f.style(), true);
    builder.useFont(() -> withoutGsub("DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true,
        EnumSet.of(FSFontUseCase.FALLBACK_FINAL));
  }

  /**
   * The face with its GSUB table renamed in the table directory (to "gSUB", a tag no reader
   * knows), so PDFBox finds none; the subset it embeds never copies unknown tables.
   */
  static InputStream withoutGsub(String file) {
    byte[] ttf;
    try (InputStream in = open(file)) {
      ttf = in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(FOLDER + file + " cannot be read", e);
    }
    int tables = (ttf[4] & 0xff) << 8 | ttf[5] & 0xff; // the offset table: version, numTables, …
    for (int i = 0; i < tables; i++) {
      int tag = 12 + 16 * i; // each 16-byte record starts with its 4-byte tag
      if (ttf[tag] == 'G' && ttf[tag + 1] == 'S' && ttf[tag + 2] == 'U' && ttf[tag + 3] == 'B') ttf[tag] = 'g';
    }
    return new java.io.ByteArrayInputStream(ttf);
  }

  static InputStream open(String file) {
    InputStream in = PdfFonts.class.getResourceAsStream(FOLDER + file);
    if (in == null) throw new IllegalStateException(FOLDER + file + " is missing: is jasperreports-fonts on the classpath?");
    return in;
  }

  private static java.awt.Font load(String file) {
    try (InputStream in = open(file)) {
      return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
    } catch (java.awt.FontFormatException | IOException e) {
      throw new IllegalStateException(FOLDER + file + " cannot be read", e);
    }
  }
}
