package org.llmsi.verifier.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;

/** The live preview reuses property outcomes; what it reports must be what a fresh run reports. */
class PropertyResultsTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");

  private static VerifyOptions options(String fixture) {
    return VerifyOptions.of(CORPUS.resolve(fixture)).withDataDir(CORPUS.resolve("_data")).withTries(200)
        .withCatalog("org.llmsi.verifier.corpus.CorpusCatalogs#ridge").withDisplayBase(CORPUS.toAbsolutePath());
  }

  @Test
  void aReusedOutcomeReportsExactlyWhatAFreshRunReports() {
    for (String fixture : new String[] {"ok-passing-guide", "formula-off-by-factor-two"}) {
      VerificationResult fresh = new Verifier(options(fixture)).verify();
      PropertyResults results = new PropertyResults();
      VerificationResult first = new Verifier(options(fixture).withPropertyResults(results)).verify();
      int stored = results.size();
      VerificationResult reused = new Verifier(options(fixture).withPropertyResults(results)).verify();
      assertTrue(stored > 0, fixture);
      assertEquals(stored, results.size(), "the second run ran no new test: " + fixture);
      assertEquals(fresh.diagnostics(), first.diagnostics(), fixture);
      assertEquals(fresh.diagnostics(), reused.diagnostics(), fixture);
      assertEquals(fresh.summary().line(false), reused.summary().line(false), fixture);
    }
    assertFalse(new Verifier(options("formula-off-by-factor-two")).verify().ok(), "the failure itself is kept, not only passes");
  }

  @Test
  void anotherSeedOrTryCountIsAnotherTest() {
    PropertyResults results = new PropertyResults();
    new Verifier(options("ok-passing-guide").withPropertyResults(results)).verify();
    int one = results.size();
    new Verifier(options("ok-passing-guide").withPropertyResults(results).withSeed(7)).verify();
    new Verifier(options("ok-passing-guide").withPropertyResults(results).withTries(100)).verify();
    assertEquals(3 * one, results.size());
  }
}
