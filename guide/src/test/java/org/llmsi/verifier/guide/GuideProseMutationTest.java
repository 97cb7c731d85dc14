package org.llmsi.verifier.guide;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.source.Page;
import org.llmsi.verifier.source.PageReader;
import org.llmsi.verifier.source.ProseFigure;
import org.llmsi.verifier.source.SourceFile;

/**
 * The promise for prose, tested on the real guide: changing any single digit of any figure in the
 * prose of any chapter fails verification at that line, and so does reverting either of the two
 * slips an expert reader found (a BF16 dot product at "one operation per byte", a square GEMM at
 * "n/(3e)"). The guide is verified once; each changed chapter is read again and its prose checked
 * against the same examples, data and formulas.
 */
class GuideProseMutationTest {
  static final Path SITE = Path.of("../site-src");
  static VerificationResult verified;

  @BeforeAll
  static void verifyTheGuide() {
    verified = new Verifier(VerifyOptions.of(SITE).withTries(1)).verify();
  }

  @Test
  void theGuideVerifies() {
    assertTrue(verified.ok(), () -> "the guide must verify: " + verified.diagnostics().stream()
        .limit(5).map(d -> d.location().display() + ": " + d.message()).toList());
  }

  @TestFactory
  Stream<DynamicTest> everyDigitOfEveryProseFigureFailsAtItsLine() {
    assertTrue(verified.ok(), "the guide must verify before its figures are changed");
    List<Page> pages = verified.guide().pages();
    assertFalse(pages.isEmpty());
    return pages.stream().map(page -> DynamicTest.dynamicTest(page.file().shownPath().toString(), () -> {
      String text = page.file().text();
      List<String> survived = new ArrayList<>();
      int mutations = 0;
      for (ProseFigure f : page.figures()) {
        // A verified page's unbound numbers are names ("Llama 2"), which the report lists instead.
        if (!f.digits() || f.ref() == null) continue;
        int line = page.file().location(f.offset(), 1).line();
        for (int i = 0; i < f.number().length(); i++) {
          char d = f.number().charAt(i);
          if (!Character.isDigit(d)) continue;
          int at = f.offset() + i;
          char changed = (char) ('0' + (d - '0' + 1) % 10);
          String mutated = text.substring(0, at) + changed + text.substring(at + 1);
          mutations++;
          if (!failsAt(page, mutated, line)) {
            survived.add(page.file().shownPath() + ":" + line + ": " + f.text() + " with digit " + (i + 1)
                + " " + d + "->" + changed);
          }
        }
      }
      assertTrue(survived.isEmpty(), "these changed figures still verify (" + survived.size() + " of " + mutations
          + "): " + survived);
    }));
  }

  @Test
  void revertingTheTwoRooflineSlipsFailsAtTheirLines() {
    Page roofline = verified.guide().pages().stream()
        .filter(p -> p.file().shownPath().toString().endsWith("02-roofline.md")).findFirst().orElseThrow();
    String text = roofline.file().text();
    String dot = "$intensity_dot(e = 2 B) < 0.5 FLOP/B$";
    String gemm = "$intensity_gemm(m = n, k = n) = 2 FLOP * n / (3 * e)$";
    assertTrue(text.contains(dot) && text.contains(gemm), "chapter 2 states both as checked relations");
    // The sentences as they read before: each must fail where it stands.
    String dotSentence = text.substring(text.lastIndexOf("However long", text.indexOf(dot)), text.indexOf(dot) + dot.length());
    String oldDot = "However long the vectors, a BF16 dot product does about one operation per byte";
    assertTrue(failsAt(roofline, text.replace(dotSentence, oldDot), line(text, text.indexOf(dotSentence))),
        "'one operation per byte' must fail");
    assertTrue(failsAt(roofline, text.replace(gemm, "$n/(3e)$ FLOP per byte"), line(text, text.indexOf(gemm))),
        "'$n/(3e)$ FLOP per byte' must fail");
    assertTrue(failsAt(roofline, text.replace(gemm, "$intensity_gemm(m = n, k = n) = FLOP * n / (3 * e)$"),
        line(text, text.indexOf(gemm))), "the relation with n/(3e) must fail its property test");
  }

  private static int line(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }

  private static boolean failsAt(Page page, String mutated, int line) {
    Diagnostics read = new Diagnostics();
    Page changed = new PageReader().read(SourceFile.of(page.file().path(), page.file().shownPath(), mutated), read);
    List<Diagnostic> found = new ArrayList<>(read.sorted());
    found.addAll(verified.prose().recheck().apply(changed));
    return found.stream().anyMatch(d -> d.location().line() == line);
  }
}
