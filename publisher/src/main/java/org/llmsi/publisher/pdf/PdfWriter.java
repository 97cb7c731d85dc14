package org.llmsi.publisher.pdf;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jsoup.helper.W3CDom;

/**
 * Prints an assembled document to PDF with openhtmltopdf (PDFBox backend, Batik for the math SVG,
 * the embedded DejaVu fonts of {@link PdfFonts}, so nothing is fetched), tagged for accessibility
 * (PDF/UA as openhtmltopdf supports it: a structure tree, the title shown, the document's language).
 * The file is deterministic: fixed dates and a document id derived from the content, so the same
 * guide prints byte-identical PDFs.
 */
public final class PdfWriter {
  private static final Calendar FIXED_DATE = fixedDate();

  private PdfWriter() {}

  /** Writes {@code document} to {@code target}; {@code base} resolves relative URIs (none are expected). */
  public static void write(org.jsoup.nodes.Document document, String title, Path base, Path target) throws IOException {
    String xhtml = document.outerHtml();
    org.w3c.dom.Document w3c = new W3CDom().fromJsoup(document);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useSVGDrawer(new BatikSVGDrawer());
    PdfFonts.register(builder);
    builder.usePdfUaAccessibility(true);
    builder.withW3cDocument(w3c, base.toUri().toString());
    builder.withProducer("LLM System Interview publisher");
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDFWithoutClosing();
      PDDocument pdf = renderer.getPdfDocument();
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setTitle(title);
      pdf.getDocumentCatalog().setLanguage("en"); // openhtmltopdf writes EN-US whatever the html's lang
      info.setCreationDate(FIXED_DATE);
      info.setModificationDate(FIXED_DATE);
      COSString id = new COSString(digest(xhtml));
      COSArray ids = new COSArray();
      ids.add(id);
      ids.add(id);
      pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
      Files.createDirectories(target.getParent());
      try (OutputStream out = Files.newOutputStream(target)) {
        pdf.save(out);
      }
    }
  }

  private static byte[] digest(String text) {
    try {
      byte[] full = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return java.util.Arrays.copyOf(full, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Calendar fixedDate() {
    Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    c.clear();
    c.set(2026, Calendar.JANUARY, 1, 0, 0, 0);
    return c;
  }
}
