package org.llmsi.publisher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.llmsi.publisher.appendix.FormulaAppendix;
import org.llmsi.publisher.bake.BakeFailure;
import org.llmsi.publisher.bake.Book;
import org.llmsi.publisher.bake.SiteBaker;
import org.llmsi.publisher.bake.SiteSettings;
import org.llmsi.publisher.markdown.ChapterRenderer;
import org.llmsi.publisher.math.GlyphDefs;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.publisher.output.AtomicOutput;
import org.llmsi.publisher.output.SelfContainedCheck;
import org.llmsi.publisher.pdf.PdfWriter;
import org.llmsi.publisher.pdf.PrintDocument;
import org.llmsi.publisher.search.SearchIndex;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.DiagnosticPrinter;

/**
 * The publishing pipeline: verify, bake, index, print, check, and only then swap the new site in.
 * Any failure leaves the previous output untouched.
 */
public final class GuidePublisher {
  public static final String GUIDE_PDF = "guide.pdf";
  public static final String APPENDIX_PDF = "formula-appendix.pdf";

  /** Runs one build. Problems are returned, not thrown: a failed build is an expected outcome. */
  public PublishResult publish(PublishRequest request) {
    long start = System.nanoTime();
    StageClock clock = new StageClock();
    Path displayBase = Path.of("").toAbsolutePath();
    VerifyOptions options = VerifyOptions.of(request.siteSrc()).withDisplayBase(displayBase).withTries(request.tries())
        .withCatalog(request.catalog());
    VerificationResult verification;
    try {
      verification = new Verifier(options).verify();
    } catch (IllegalArgumentException e) {
      return failed(List.of("error: " + e.getMessage()), "verification could not start; nothing was published", start);
    }
    clock.lap("verify");
    if (!verification.ok()) {
      DiagnosticPrinter printer = new DiagnosticPrinter(DiagnosticPrinter.Format.TEXT, displayBase);
      List<String> lines = new ArrayList<>();
      for (Diagnostic d : verification.diagnostics()) lines.add(printer.print(d).stripTrailing());
      return failed(lines, verification.summary().line(false), start);
    }

    AtomicOutput output = new AtomicOutput(request.output());
    Path scratch = null;
    try {
      scratch = output.newScratch();
      Path site = scratch.resolve("site");
      SiteSettings settings = SiteSettings.read(request.siteSrc(), request.templates());
      MathRenderer math = new MathRenderer();
      var guide = verification.guide();
      Book book = Book.of(settings.title(), settings.description(), guide, options.contentDir());
      FormulaAppendix appendix = new FormulaAppendix(guide, book, math);
      new SiteBaker(settings).bake(book, new ChapterRenderer(guide, math), appendix, request.pdfs(),
          scratch.resolve("stage"), site);
      clock.lap("bake");
      GlyphDefs.addTo(site, math);
      SearchIndex.write(site, SearchIndex.entries(site, book, guide));
      clock.lap("glyphs+search");
      if (request.pdfs()) {
        String css = Files.readString(request.templates().resolve("pdf.css"), StandardCharsets.UTF_8);
        PrintDocument print = new PrintDocument(site, book, css);
        PdfWriter.write(print.guide(), settings.title(), site, site.resolve(GUIDE_PDF));
        PdfWriter.write(print.appendix(), settings.title() + ": formula appendix", site, site.resolve(APPENDIX_PDF));
        clock.lap("pdf");
      }
      List<String> problems = SelfContainedCheck.problems(site);
      if (!problems.isEmpty()) return failed(problems, "the site is not self-contained; nothing was published", start);
      int pages = countPages(site);
      output.swapIn(site);
      clock.lap("check+swap");
      long ms = (System.nanoTime() - start) / 1_000_000;
      String summary = verification.summary().line(false) + String.format(Locale.ROOT,
          "; published %d pages%s, %d math images, to %s in %.2f s", pages,
          request.pdfs() ? " and 2 PDFs" : "", math.typesetCount(), displayBase.relativize(output.output()), ms / 1000.0);
      return new PublishResult(true, List.of(), summary, pages, ms, clock.laps());
    } catch (BakeFailure e) {
      return failed(e.problems(), "the site could not be baked; nothing was published", start);
    } catch (IOException | RuntimeException e) {
      return failed(List.of("error: " + e), "the build failed; nothing was published", start);
    } finally {
      if (scratch != null) {
        try {
          AtomicOutput.deleteTree(scratch);
        } catch (IOException e) {
          // Scratch folders are hidden and named as such; a leftover one is harmless.
        }
      }
    }
  }

  private static int countPages(Path site) throws IOException {
    try (Stream<Path> walk = Files.walk(site)) {
      return (int) walk.filter(p -> p.toString().endsWith(".html")).count();
    }
  }

  private static PublishResult failed(List<String> problems, String summary, long start) {
    return new PublishResult(false, problems, summary, 0, (System.nanoTime() - start) / 1_000_000, java.util.Map.of());
  }

  /** Wall time per stage, for the benchmark. */
  private static final class StageClock {
    private final java.util.Map<String, Long> laps = new java.util.LinkedHashMap<>();
    private long last = System.nanoTime();

    void lap(String stage) {
      long now = System.nanoTime();
      laps.put(stage, (now - last) / 1_000_000);
      last = now;
    }

    java.util.Map<String, Long> laps() {
      return laps;
    }
  }
}
