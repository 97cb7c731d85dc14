package org.llmsi.verifier.guide;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.lang.FormulaLanguage;
import org.llmsi.verifier.lang.Statement;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.source.FencedBlock;
import org.llmsi.verifier.source.Page;
import org.llmsi.verifier.source.PageReader;
import org.llmsi.verifier.source.SourceFile;

/**
 * The promise, tested on the real guide: doubling the right-hand side of any formula, or changing
 * the last digit of any claim, fails verification with a diagnostic on that file and line.
 */
class GuideMutationTest {
  static final Path SITE = Path.of("../site-src");

  @TempDir Path work;

  /** One edit of one chapter, and the line its diagnostic must name. */
  record Mutation(String name, Path file, int start, int end, String replacement, int line) {}

  @TestFactory
  Stream<DynamicTest> everyMutationFailsAtItsLine() throws IOException {
    List<Mutation> mutations = mutations();
    assertFalse(mutations.isEmpty(), "the guide has formulas and claims to mutate");
    return mutations.stream().map(m -> DynamicTest.dynamicTest(m.name(), () -> check(m)));
  }

  private void check(Mutation m) throws IOException {
    Path site = work.resolve("site-" + Math.abs(m.name().hashCode()));
    copy(SITE, site);
    Path chapter = site.resolve(SITE.relativize(m.file()));
    String text = Files.readString(chapter, StandardCharsets.UTF_8);
    Files.writeString(chapter, text.substring(0, m.start()) + m.replacement() + text.substring(m.end()),
        StandardCharsets.UTF_8);
    VerificationResult result = new Verifier(VerifyOptions.of(site).withDisplayBase(site)
        .withTries(m.name().startsWith("claim") ? 1 : 100)).verify();
    Path shown = site.relativize(chapter);
    List<String> lines = new ArrayList<>();
    boolean hit = false;
    for (Diagnostic d : result.diagnostics()) {
      lines.add(d.location().display() + ": " + d.message());
      hit |= d.location().file().equals(shown) && d.location().line() == m.line();
    }
    assertTrue(hit, m.name() + " must fail at " + shown + ":" + m.line() + ", got " + lines);
  }

  static List<Mutation> mutations() throws IOException {
    List<Mutation> out = new ArrayList<>();
    List<Path> chapters;
    try (Stream<Path> walk = Files.walk(SITE.resolve("content"))) {
      chapters = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    PageReader reader = new PageReader();
    for (Path file : chapters) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      SourceFile source = SourceFile.of(file, file, text);
      Page page = reader.read(source, new Diagnostics());
      for (FencedBlock block : page.blocks()) {
        try {
          if (block.kind().equals("formula")) {
            Expr rhs = FormulaLanguage.parseFormula(block.text()).rhs();
            int start = fileOffset(block, rhs.start());
            int end = fileOffset(block, rhs.end());
            out.add(new Mutation("formula " + block.argument() + " times 2", file, start, end,
                "2 * (" + text.substring(start, end) + ")", block.fence().line()));
          } else if (block.kind().equals("example")) { // a plot states no value to mutate
            for (Statement st : FormulaLanguage.parseExample(block.text())) {
              if (st.claim() == null || st.claim().tolerance() != null) continue;
              Expr.Num stated = st.claim().stated();
              String number = stated.text().substring(0, stated.text().length() - stated.unit().text().length()).strip();
              int lastDigit = lastDigitIndex(number);
              int at = fileOffset(block, stated.start()) + lastDigit;
              char d = text.charAt(at);
              char changed = d == '9' ? '8' : (char) (d + 1);
              out.add(new Mutation("claim " + st.binding().name() + " at " + block.locate(stated.start(), 0).display()
                  + " last digit " + d + "->" + changed, file, at, at + 1, String.valueOf(changed),
                  block.locate(stated.start(), 0).line()));
            }
          }
        } catch (org.llmsi.verifier.lang.SyntaxError e) {
          throw new AssertionError("the guide itself must parse: " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /** The last digit of the mantissa (before any exponent). */
  private static int lastDigitIndex(String number) {
    int e = Math.max(number.indexOf('e'), number.indexOf('E'));
    int end = e > 0 ? e : number.length();
    for (int i = end - 1; i >= 0; i--) {
      if (Character.isDigit(number.charAt(i))) return i;
    }
    throw new IllegalArgumentException(number);
  }

  private static int fileOffset(FencedBlock block, int blockOffset) {
    int line = block.lineIndexOf(blockOffset);
    int lineStart = block.text().lastIndexOf('\n', blockOffset - 1) + 1;
    return block.lineOffsets()[line] + (blockOffset - lineStart);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }
}
