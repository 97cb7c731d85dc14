package org.llmsi.verifier.contrib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.llmsi.verifier.cli.VerifyCommand;

/**
 * What the verify workflow prints on a pull request with mistakes: one workflow annotation per
 * finding, on the file, line and columns of the mistake, exactly as in
 * {@code contrib/annotations/expected-github.txt}.
 */
class PullRequestAnnotationsTest {
  private static final Path CONTRIB = Path.of("src/test/resources/contrib");
  private static final Path FIXTURE = CONTRIB.resolve("annotations");
  private static final Pattern ANNOTATION =
      Pattern.compile("::error file=([^,]+),line=(\\d+),col=(\\d+)(?:,endColumn=(\\d+))?,title=([^:]+)::(.*)");

  private static String run() {
    StringWriter out = new StringWriter();
    int status = VerifyCommand.run(new String[] {"--format", "github", "--no-timing", "--tries", "100",
        "--relative-to", CONTRIB.toAbsolutePath().toString(),
        "--references", "org.llmsi.verifier.corpus.CorpusCatalogs#ridge", FIXTURE.toString()},
        new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertEquals(1, status, "a guide with mistakes fails");
    return out.toString();
  }

  @Test
  void aBrokenGuideGivesExactlyTheGoldenAnnotations() throws IOException {
    String expected = Files.readString(FIXTURE.resolve("expected-github.txt"), StandardCharsets.UTF_8);
    assertEquals(expected, run());
  }

  @Test
  void everyAnnotationMarksTheTextItComplainsAbout() throws IOException {
    List<String> marked = new java.util.ArrayList<>();
    for (String a : run().lines().filter(l -> l.startsWith("::error")).toList()) {
      Matcher m = ANNOTATION.matcher(a);
      assertTrue(m.matches(), "a well-formed annotation: " + a);
      String line = Files.readAllLines(CONTRIB.resolve(m.group(1)), StandardCharsets.UTF_8)
          .get(Integer.parseInt(m.group(2)) - 1);
      int from = Integer.parseInt(m.group(3)) - 1;
      int to = m.group(4) == null ? from + 1 : Integer.parseInt(m.group(4)) - 1;
      marked.add(m.group(5) + ": " + line.substring(from, to));
    }
    // The stated claims, the misspelt figure, and the start of the figure without a source.
    assertEquals(List.of("wrong claim: 296 FLOP/B", "wrong claim: 100.7 MiB", "unknown name: gpu.hbm_bw_peak",
        "bad data file: h"), marked);
  }
}
