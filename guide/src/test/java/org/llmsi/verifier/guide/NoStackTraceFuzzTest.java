package org.llmsi.verifier.guide;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.quicktheories.core.Gen;

/**
 * Whatever a contributor types into a block, the verifier answers with located diagnostics and never
 * with an exception. Blocks are assembled from fragments of the language (names, units, operators,
 * stray characters) so the inputs are near-misses rather than noise.
 */
class NoStackTraceFuzzTest {
  private static final List<String> FRAGMENTS = List.of(
      "I_ridge", "P_peak", "B_mem", "e", "=", "≈", "± 2 %", "+", "-", "*", "/", "^", "(", ")", ",", ";", "\n",
      "2", "0", "3.35e12", "1e400", "2 B", "989 TFLOP/s", "1.34 GB", "GiB", "TFLOPS", "bit", "ceil(", "max(",
      "ridge_point(", "gpus.h100_sxm.hbm_bw", "gpus.", "gpu = gpus.h100_sxm", "gpu.hbm_bw", "x", "# c",
      "~", "~=", "\"", "```", "%", "µs", "log2(", "sqrt(", "-1", "0 / 0", "…", "\t");

  @TempDir Path site;

  @Test
  void randomBlocksNeverThrow() throws IOException {
    Path data = Path.of("../site-src/data");
    Files.createDirectories(site.resolve("content"));
    Gen<String> block = lists().of(integers().between(0, FRAGMENTS.size() - 1)).ofSizeBetween(0, 14)
        .map(ix -> String.join(" ", ix.stream().map(FRAGMENTS::get).toList()));
    qt().withFixedSeed(Long.getLong("fuzz.seed", 7L)).withExamples(Integer.getInteger("fuzz.examples", 300)).forAll(block, integers().between(0, 1)).checkAssert((text, kind) -> {
      String fence = kind == 0 ? "```formula ridge_point\n" : "```example \"fuzz\"\n";
      try {
        Files.writeString(site.resolve("content/page.md"),
            "title=Fuzz\ntype=page\nstatus=published\norder=1\n~~~~~~\n\n" + fence + text + "\n```\n",
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // Any exception escaping here fails the property and is shrunk to the smallest such block.
      VerificationResult result = new Verifier(VerifyOptions.of(site).withDataDir(data).withTries(5)
          .withCatalog("org.llmsi.verifier.corpus.CorpusCatalogs#ridge")).verify();
      result.diagnostics().forEach(d -> {
        if (d.location().line() < 0) throw new AssertionError("unlocated: " + d);
      });
    });
  }
}
