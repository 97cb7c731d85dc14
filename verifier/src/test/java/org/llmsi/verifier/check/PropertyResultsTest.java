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
    for (String fixture : new String[] {"ok-passing-guide", "formula-off-by-factor-two", "ok-checked-prose-relations",
        "relation-does-not-hold"}) {
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
    assertFalse(new Verifier(options("relation-does-not-hold")).verify().ok(), "a failing relation too");
  }

  @Test
  void relationsInProseAreKeptTooAndAChangedRelationIsTestedAgain() throws java.io.IOException {
    PropertyResults results = new PropertyResults();
    new Verifier(options("ok-passing-guide").withPropertyResults(results)).verify();
    int formulasOnly = results.size();
    new Verifier(options("ok-checked-prose-relations").withPropertyResults(results)).verify();
    assertTrue(results.size() > formulasOnly, "the relations' outcomes are kept");
    // The same page with a relation made false must fail although a true one with the same symbols was kept.
    Path copy = java.nio.file.Files.createTempDirectory("relations");
    Path content = java.nio.file.Files.createDirectories(copy.resolve("content"));
    try (var pages = java.nio.file.Files.list(CORPUS.resolve("ok-checked-prose-relations/content"))) {
      for (Path p : pages.toList()) {
        String text = java.nio.file.Files.readString(p);
        java.nio.file.Files.writeString(content.resolve(p.getFileName()), text.replaceFirst("\\$([^$]*?) = ([^$]*?)\\$", "\\$$1 = 2 * ($2)\\$"));
      }
    }
    VerifyOptions changed = VerifyOptions.of(copy).withDataDir(CORPUS.resolve("_data")).withTries(200)
        .withCatalog("org.llmsi.verifier.corpus.CorpusCatalogs#ridge").withPropertyResults(results);
    assertFalse(new Verifier(changed).verify().ok(), "a relation doubled on one side no longer holds");
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
