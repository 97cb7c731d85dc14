package org.llmsi.publisher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.llmsi.publisher.appendix.FormulaAppendix;
import org.llmsi.publisher.appendix.QuickReferenceCard;
import org.llmsi.publisher.bake.BakeFailure;
import org.llmsi.publisher.bake.Book;
import org.llmsi.publisher.bake.Chapter;
import org.llmsi.publisher.bake.SiteBaker;
import org.llmsi.publisher.bake.SiteSettings;
import org.llmsi.publisher.calc.CalcScripts;
import org.llmsi.publisher.calc.JsGenerator;
import org.llmsi.publisher.crawl.CrawlerFiles;
import org.llmsi.publisher.markdown.ChapterRenderer;
import org.llmsi.publisher.math.MathFiles;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.publisher.math.MathSvg;
import org.llmsi.publisher.output.AtomicOutput;
import org.llmsi.publisher.output.ScriptPolicyCheck;
import org.llmsi.publisher.output.SelfContainedCheck;
import org.llmsi.publisher.output.SitePages;
import org.llmsi.publisher.pdf.PdfWriter;
import org.llmsi.publisher.pdf.PrintDocument;
import org.llmsi.publisher.search.SearchIndex;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.check.PropertyResults;
import org.llmsi.verifier.source.ParsedPages;
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

  /** Whether this publisher carries state from build to build ({@link #warm()}). */
  private final boolean warm;
  /** Kept across builds only when warm: the typeset math of earlier builds. */
  private final MathRenderer sharedMath;
  /** Kept across builds only when warm: property-test outcomes of earlier verifications. */
  private final PropertyResults propertyResults;
  /** Kept across builds only when warm: chapters parsed by earlier verifications. */
  private final ParsedPages parsedPages;
  /** Kept only when warm: what the last good build published, for {@link PreviewRefresh}. */
  private PreviewRefresh.LastBuild last;

  /** A publisher for one build: nothing is carried over from any earlier build. */
  public GuidePublisher() {
    this(false);
  }

  private GuidePublisher(boolean warm) {
    this.warm = warm;
    this.sharedMath = warm ? new MathRenderer() : null;
    this.propertyResults = warm ? new PropertyResults() : null;
    this.parsedPages = warm ? new ParsedPages() : null;
  }

  /**
   * A publisher for repeated builds of the same guide (the live preview). Every check still runs
   * on every build, but work whose inputs did not change is not redone: TeX typeset earlier is
   * reused, a property test of an unchanged formula keeps its outcome, an unchanged chapter is not
   * parsed again, and an edit to chapter text alone re-renders only that chapter's page and the
   * appendix ({@link PreviewRefresh}).
   */
  public static GuidePublisher warm() {
    return new GuidePublisher(true);
  }

  /**
   * Runs one build: verify → typeset the math → render the site with JBake (or, in a warm preview,
   * re-render the edited chapters) → write the math files → search index, robots.txt and sitemap → PDFs → self-containment
   * and script checks → swap the site in. Problems are returned, not thrown: a failed build is an
   * expected outcome, and nothing is published unless every stage passed.
   */
  public PublishResult publish(PublishRequest request) {
    long start = System.nanoTime();
    StageClock clock = new StageClock();
    Path displayBase = Path.of("").toAbsolutePath();
    VerifyOptions options = VerifyOptions.of(request.siteSrc()).withDisplayBase(displayBase).withTries(request.tries())
        .withCatalog(request.catalog()).withPropertyResults(propertyResults).withParsedPages(parsedPages);
    AtomicOutput output = new AtomicOutput(request.output());
    Path scratch = null;
    try {
      VerificationResult verification;
      try {
        verification = new Verifier(options).verify();
      } catch (IllegalArgumentException e) {
        return failed(List.of("error: " + e.getMessage()), "verification could not start; nothing was published", start);
      }
      if (!verification.ok()) return verificationFailed(verification, displayBase, start);
      var guide = verification.guide();
      clock.lap("verify");
      SiteSettings settings = SiteSettings.read(request.siteSrc(), request.templates()).withVersion(request.version().text());
      MathRenderer math = sharedMath != null ? sharedMath : new MathRenderer();
      prepareMath(math, guide);
      clock.lap("math");
      scratch = output.newScratch();
      Path site = scratch.resolve("site");
      Book book = Book.of(settings.title(), settings.description(), guide, options.contentDir());
      PreviewRefresh.Inputs inputs = warm ? PreviewRefresh.Inputs.of(request, book, guide) : null;
      List<Chapter> edited = warm ? PreviewRefresh.changedChapters(last, request, book, inputs) : null;
      SitePages pages;
      if (edited != null) {
        pages = PreviewRefresh.refresh(last, edited, inputs, settings, guide, book, math, site);
        clock.lap("refresh " + edited.size() + " chapter(s)");
      } else {
        QuickReferenceCard card = guide.quickReference().isPresent()
            ? new QuickReferenceCard(guide, book, math, settings.templates()) : null;
        pages = new SiteBaker(settings).bake(request.pdfs(), scratch.resolve("stage"), site, book,
            new ChapterRenderer(guide, math), new FormulaAppendix(guide, book, math, settings.templates()), card);
        clock.lap("bake");
      }
      List<String> unwritten = MathFiles.write(pages, math);
      if (!unwritten.isEmpty()) return failed(unwritten, "the site's math could not be written; nothing was published", start);
      clock.lap("math files");
      new CalcScripts(new JsGenerator()).write(site, book, guide);
      SearchIndex.write(site, SearchIndex.entries(pages, book, guide));
      CrawlerFiles.write(pages, settings.baseUrl());
      clock.lap("search");
      if (request.pdfs()) {
        printPdfs(site, book, settings, request, guide.quickReference().isPresent());
        clock.lap("pdf");
      }
      List<String> problems = SelfContainedCheck.problems(pages);
      if (!problems.isEmpty()) return failed(problems, "the site is not self-contained; nothing was published", start);
      List<String> scripts = ScriptPolicyCheck.problems(pages);
      if (!scripts.isEmpty()) return failed(scripts, "a page could run script that is not the site's; nothing was published", start);
      int pageCount = pages.pages().size();
      last = null; // the published site is about to change: no refresh may start from the old one
      output.swapIn(site);
      if (warm) last = PreviewRefresh.record(request, book, inputs, pages);
      clock.lap("check+swap");
      long ms = (System.nanoTime() - start) / 1_000_000;
      String summary = verification.summary().line(false) + String.format(Locale.ROOT,
          "; published %d pages%s, %d math images, to %s in %.2f s", pageCount,
          request.pdfs() ? (guide.quickReference().isPresent() ? " and 3 PDFs" : " and 2 PDFs") : "", math.typesetCount(), displayBase.relativize(output.output()), ms / 1000.0);
      return new PublishResult(true, List.of(), summary, pageCount, ms, clock.laps());
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

  private static void printPdfs(Path site, Book book, SiteSettings settings, PublishRequest request, boolean card)
      throws IOException {
    String css = Files.readString(request.templates().resolve("pdf.css"), StandardCharsets.UTF_8);
    PrintDocument print = new PrintDocument(site, book, css, settings.version());
    // The appendix is independent of the guide and the card: lay it out at the same time.
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Future<Void> appendixPdf = pool.submit(() -> {
        PdfWriter.write(print.appendix(), settings.title() + ": formula appendix", site, site.resolve(APPENDIX_PDF));
        return null;
      });
      PdfWriter.write(print.guide(), settings.title(), site, site.resolve(GUIDE_PDF));
      if (card) {
        String cardCss = Files.readString(request.templates().resolve(QuickReferenceCard.PRINT_CSS), StandardCharsets.UTF_8);
        PdfWriter.write(print.card(QuickReferenceCard.PAGE, cardCss, PrintDocument.CARD_PAPER), settings.title() + ": quick reference",
            site, site.resolve(QuickReferenceCard.PDF));
      }
      appendixPdf.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while printing", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static PublishResult verificationFailed(VerificationResult verification, Path displayBase, long start) {
    DiagnosticPrinter printer = new DiagnosticPrinter(DiagnosticPrinter.Format.TEXT, displayBase);
    List<String> lines = new ArrayList<>();
    for (Diagnostic d : verification.diagnostics()) lines.add(printer.print(d).stripTrailing());
    return failed(lines, verification.summary().line(false) + "; nothing was published", start);
  }

  /** All the TeX the verified blocks and the appendix show, typeset before the bake on every core. */
  private static List<MathSvg> prepareMath(MathRenderer math, org.llmsi.verifier.model.VerifiedGuide guide) {
    List<String> display = new ArrayList<>();
    List<String> inline = new ArrayList<>();
    for (var f : guide.formulas()) {
      display.add(f.tex());
      for (var s : f.symbols()) inline.add(s.tex());
    }
    for (var s : guide.glossary().symbols()) inline.add(s.tex());
    return math.prepare(display, inline);
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
