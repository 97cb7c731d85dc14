package org.llmsi.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --fix}: wrong claims are rewritten with their computed values; everything else is left alone. */
class FixOptionTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus").toAbsolutePath();

  private static int verify(Path site, boolean fix, StringWriter out) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--no-timing", "--tries=20",
        "--relative-to=" + site, "--references=org.llmsi.verifier.corpus.CorpusCatalogs#ridge",
        "--data=" + CORPUS.resolve("_data"), site.toString()));
    if (fix) args.add(1, "--fix");
    return VerifyCommand.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));
  }

  private static Path copyFixture(String name, Path to) throws IOException {
    Path content = Files.createDirectories(to.resolve("content"));
    Files.copy(CORPUS.resolve(name).resolve("content/page.md"), content.resolve("page.md"));
    return content.resolve("page.md");
  }

  @Test
  void wrongClaimsAreRewrittenAndTheGuideThenVerifies(@TempDir Path site) throws IOException {
    Path page = copyFixture("wrong-claim-with-tolerance", site);
    String before = Files.readString(page, StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    assertEquals(0, verify(site, true, out), out.toString());
    String after = Files.readString(page, StandardCharsets.UTF_8);
    assertEquals(before.replace("≈ 160 FLOP/B ± 2 %", "≈ 153 FLOP/B ± 2 %"), after);
    assertTrue(out.toString().startsWith("fixed 1 line in content/page.md\n"), out.toString());
    assertTrue(out.toString().contains("verified 1 file"), out.toString());
  }

  @Test
  void otherErrorsAreNotTouched(@TempDir Path site) throws IOException {
    Path page = copyFixture("many-errors-all-reported", site);
    String before = Files.readString(page, StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    assertEquals(1, verify(site, true, out));
    String after = Files.readString(page, StandardCharsets.UTF_8);
    // The two wrong claims are fixed (one of them GiB -> TiB value), the unknown names remain.
    assertEquals(before.replace("≈ 290 FLOP/B", "≈ 295 FLOP/B").replace("≈ 3.35 TiB/s", "≈ 3.05 TiB/s"), after);
    assertTrue(out.toString().contains("unknown name 'nothing_here'"));
    assertTrue(out.toString().contains("unknown symbol 'P_peek'"));
  }

  @Test
  void withoutTheOptionNothingIsWritten(@TempDir Path site) throws IOException {
    Path page = copyFixture("wrong-claim-last-digit", site);
    String before = Files.readString(page, StandardCharsets.UTF_8);
    assertEquals(1, verify(site, false, new StringWriter()));
    assertEquals(before, Files.readString(page, StandardCharsets.UTF_8));
  }
}
