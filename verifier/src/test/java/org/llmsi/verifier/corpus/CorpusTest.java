package org.llmsi.verifier.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.llmsi.verifier.cli.VerifyCommand;

/**
 * The bad-input corpus: each folder under {@code corpus/} is a tiny guide with one kind of mistake
 * and {@code expected.txt}, the exact output (diagnostics and summary) the verifier must print.
 * Run with {@code -Dgolden.update=true} to rewrite the golden files after an intended change, then
 * review the diff.
 */
class CorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/corpus");
  static final String DEFAULT_CATALOG = "org.llmsi.verifier.corpus.CorpusCatalogs#ridge";
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> everyFixtureYieldsExactlyItsGoldenDiagnostics() throws IOException {
    return fixtures().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      Run run = run(dir);
      Path golden = dir.resolve("expected.txt");
      if (UPDATE) {
        Files.writeString(golden, run.output(), StandardCharsets.UTF_8);
      }
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      assertEquals(expected, run.output(), "output of " + dir.getFileName());
      boolean shouldPass = dir.getFileName().toString().startsWith("ok-");
      assertEquals(shouldPass ? 0 : 1, run.status(), "exit status of " + dir.getFileName());
    }));
  }

  @Test
  void corpusIsLargeAndNoFixtureShowsAStackTrace() throws IOException {
    List<Path> fixtures = fixtures();
    assertFalse(fixtures.size() < 25, "the corpus must keep at least 25 fixtures, has " + fixtures.size());
    for (Path dir : fixtures) {
      String golden = Files.readString(dir.resolve("expected.txt"), StandardCharsets.UTF_8);
      assertFalse(golden.contains("Exception") || golden.contains("\tat "), dir + " shows a stack trace");
    }
  }

  static List<Path> fixtures() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> list = Files.list(CORPUS)) {
      list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("_"))
          .sorted().forEach(out::add);
    }
    return out;
  }

  record Run(int status, String output) {}

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /** Runs the CLI in-process on a fixture, as a contributor would from the corpus folder. */
  static Run run(Path dir) throws IOException {
    Path root = CORPUS;
    if (!Files.isDirectory(dir.resolve("content"))) {
      // A fixture about data or references has no chapter of its own: it gets the shared page,
      // _page/content/page.md, in a copy under target/corpus/ that shows the same paths.
      root = Path.of("target", "corpus");
      Path copy = root.resolve(dir.getFileName().toString());
      if (Files.exists(copy)) deleteTree(copy);
      copyTree(dir, copy);
      copyTree(CORPUS.resolve("_page"), copy);
      dir = copy;
    }
    List<String> args = new ArrayList<>(List.of("--no-timing", "--tries=200",
        "--relative-to=" + root.toAbsolutePath()));
    Path extra = dir.resolve("args");
    boolean catalogGiven = false;
    if (Files.exists(extra)) {
      for (String a : Files.readString(extra).strip().split("\\s+")) {
        args.add(a);
        catalogGiven |= a.startsWith("--references");
      }
    }
    if (!catalogGiven) args.add("--references=" + DEFAULT_CATALOG);
    if (!Files.isDirectory(dir.resolve("data"))) args.add("--data=" + CORPUS.resolve("_data"));
    args.add(dir.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = VerifyCommand.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Run(status, out + err.toString());
  }
}
