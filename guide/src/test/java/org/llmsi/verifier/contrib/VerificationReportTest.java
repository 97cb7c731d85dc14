package org.llmsi.verifier.contrib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.model.ExampleStep;
import org.llmsi.verifier.model.VerifiedExample;
import org.llmsi.verifier.model.VerifiedFormula;
import org.llmsi.verifier.report.site.VerificationReport;
import org.llmsi.verifier.report.site.VerificationReportMain;

/** The site's verification report, generated from a verification of the real guide in site-src/. */
class VerificationReportTest {
  private static final String GUIDE = "https://guide.example/llmsi/";
  private static VerificationResult result;
  private static String report;

  @BeforeAll
  static void verifyTheGuide() {
    result = new Verifier(VerifyOptions.of(Repository.root().resolve("site-src"))
        .withDisplayBase(Repository.root())).verify();
    assertTrue(result.ok(), () -> "the guide must verify: " + result.diagnostics());
    report = new VerificationReport(result, GUIDE).markdown();
  }

  @Test
  void everyFormulaIsListedWithItsReferenceTriesAndSeed() {
    assertFalse(result.guide().formulas().isEmpty());
    for (VerifiedFormula f : result.guide().formulas()) {
      String row = "| [`" + f.id() + "`](#" + f.id() + ") | ";
      assertTrue(report.contains(row), "summary row of " + f.id());
      String rowLine = report.lines().filter(l -> l.startsWith(row)).findFirst().orElseThrow();
      assertTrue(rowLine.contains("| `" + f.reference() + "` | " + String.format("%,d", f.tries()) + " | " + f.seed() + " |"),
          "reference, tries and seed of " + f.id() + ": " + rowLine);
      assertTrue(report.contains("\n### " + f.id() + "\n"), "section of " + f.id());
      assertTrue(report.contains("    " + f.source().strip().lines().findFirst().orElseThrow()), "equation of " + f.id());
      assertTrue(report.contains("#" + f.id() + ")"), "link to " + f.id() + " on the published guide");
    }
  }

  @Test
  void everyClaimAndTheFormulaLinesThatUseItAreShown() {
    for (VerifiedExample e : result.guide().examples()) {
      assertTrue(report.contains("\n### " + e.title() + "\n"), "section of example " + e.title());
      for (ExampleStep step : e.steps()) {
        if (step.isClaim()) assertTrue(report.contains(step.claimed()), "claim " + step.source());
      }
    }
    for (VerifiedFormula f : result.guide().formulas()) {
      // Each use is listed once, under its formula, as "line N: `statement`".
      long listed = f.usedBy().stream()
          .filter(at -> report.contains("), line " + at.line() + ": `")).count();
      assertEquals(f.usedBy().size(), listed, "uses of " + f.id());
    }
  }

  @Test
  void everyDataFigureAnExampleReadsIsCitedWithItsSource() {
    long cited = 0;
    for (VerifiedExample e : result.guide().examples()) {
      for (ExampleStep step : e.steps()) {
        for (DataValue v : step.cites()) {
          cited++;
          String row = report.lines().filter(l -> l.startsWith("| `" + v.key() + "` |")).findFirst()
              .orElseThrow(() -> new AssertionError("no source row for " + v.key()));
          assertTrue(row.contains(v.source().replace("|", "\\|")), row);
        }
      }
    }
    assertTrue(cited > 0, "the guide's examples read sourced figures");
  }

  @Test
  void everyFixedConstantOfTheGlossaryIsListedWithItsSource(@TempDir Path dir) throws IOException {
    assertEquals(result.guide().glossary().symbols().stream().noneMatch(s -> s.isConstant()),
        report.contains("The glossary has no fixed constant."));
    // The guide with one more constant, a fitted exponent with its source.
    Path site = Repository.copyGuide(dir.resolve("site-src"));
    Files.writeString(site.resolve("data/symbols/zz-constants.yaml"), String.join("\n",
        "alpha_fit:", "  tex: '\\alpha'", "  meaning: a fitted exponent", "  unit: \"1\"", "  value: 0.34",
        "  source: \"Hoffmann et al. 2022, section D.2\"", ""), StandardCharsets.UTF_8);
    VerificationResult withConstant = new Verifier(VerifyOptions.of(site).withDisplayBase(dir)).verify();
    assertTrue(withConstant.ok(), () -> withConstant.diagnostics().toString());
    String text = new VerificationReport(withConstant, GUIDE).markdown();
    assertTrue(text.contains("| `alpha_fit` | 0.34 | Hoffmann et al. 2022, section D.2 |  |\n"), text);
  }

  @Test
  void chapterLinksPointAtTheirPagesOnThePublishedGuide() {
    var pattern = Pattern.compile("\\((" + Pattern.quote(GUIDE) + "[^)]*)\\)");
    var links = pattern.matcher(report).results().map(m -> m.group(1)).toList();
    assertFalse(links.isEmpty());
    for (String link : links) {
      assertTrue(link.equals(GUIDE) || link.matches(Pattern.quote(GUIDE) + "[0-9a-z-]+\\.html#[a-z0-9_-]+"), link);
    }
    assertTrue(report.contains(GUIDE + "02-roofline.html#ridge_point"), "the roofline chapter's ridge point");
  }

  @Test
  void theSameGuideGivesTheSameReport() {
    VerificationResult again = new Verifier(VerifyOptions.of(Repository.root().resolve("site-src"))
        .withDisplayBase(Repository.root())).verify();
    assertEquals(report, new VerificationReport(again, GUIDE).markdown());
  }

  @Test
  void theSiteEntryPointWritesTheReportAndRefusesAGuideThatDoesNotVerify(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("markdown/verification.md");
    StringWriter log = new StringWriter();
    int status = VerificationReportMain.run(new String[] {Repository.root().resolve("site-src").toString(),
        out.toString(), GUIDE}, new PrintWriter(log));
    assertEquals(0, status, log.toString());
    assertTrue(Files.readString(out, StandardCharsets.UTF_8).startsWith("# Formula verification report\n"));

    Path broken = dir.resolve("broken");
    Files.createDirectories(broken.resolve("content"));
    Files.writeString(broken.resolve("content/page.md"), "title=x\n~~~~~~\n", StandardCharsets.UTF_8);
    Path none = dir.resolve("none.md");
    status = VerificationReportMain.run(new String[] {broken.toString(), none.toString(), GUIDE},
        new PrintWriter(new StringWriter()));
    assertEquals(1, status);
    assertFalse(Files.exists(none), "no report for a guide that does not verify");
  }
}
