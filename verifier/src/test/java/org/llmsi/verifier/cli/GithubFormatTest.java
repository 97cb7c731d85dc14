package org.llmsi.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The pull-request path: findings become workflow annotations on the exact line and column. */
class GithubFormatTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");

  @Test
  void aWrongClaimBecomesOneAnnotationWithTheFix() {
    StringWriter out = new StringWriter();
    int status = VerifyCommand.run(new String[] {"--format=github", "--no-timing", "--tries=50",
        "--relative-to=" + CORPUS.toAbsolutePath(), "--references=org.llmsi.verifier.corpus.CorpusCatalogs#ridge",
        "--data=" + CORPUS.resolve("_data"), CORPUS.resolve("wrong-claim-last-digit").toString()},
        new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertEquals(1, status);
    assertEquals(String.join("\n",
        "::error file=wrong-claim-last-digit/content/page.md,line=12,col=88,endColumn=98,title=wrong claim::"
            + "claim 296 FLOP/B does not match computed 295 FLOP/B"
            + "%0Astated:   296 FLOP/B (accepts [295.5, 296.5) FLOP/B)"
            + "%0Acomputed: 295 FLOP/B (295.343 FLOP/B)"
            + "%0Areplace the line with: ridge = ridge_point(P_peak = gpus.h100_sxm.bf16_dense, "
            + "B_mem = gpus.h100_sxm.hbm_bw) ≈ 295 FLOP/B",
        "verification failed: 1 error in 1 file: 1 formula (50 property tries), 1 example, 1 claim, 0 prose figures, 0 relations; 0 notation spans unchecked; the prose of 1 page was not checked until its other errors are fixed",
        ""), out.toString());
  }

  @Test
  void usageErrorsExitWithTwo() {
    StringWriter err = new StringWriter();
    int status = VerifyCommand.run(new String[] {"--format=xml", "site-src"},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(2, status);
    assertEquals("error: --format must be text or github, got 'xml'\n", err.toString());
  }
}
