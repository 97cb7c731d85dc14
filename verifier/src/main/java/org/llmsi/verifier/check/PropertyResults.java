package org.llmsi.verifier.check;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Property-test outcomes kept across the verifications of one process (the live preview): a test
 * whose formula text, symbols, constants, reference, tries and seed are all unchanged would draw
 * the same inputs and reach the same verdict, so it is not run again. The Java references cannot
 * change while the process runs, which is what makes the key complete. Relations in prose are
 * kept the same way, by their text, the formulas they call and the symbols they draw: in a warmed
 * preview their 53,000 tries were two thirds of a re-verification's time (JFR samples, 2026-12-03).
 */
public final class PropertyResults {
  private final Map<String, Optional<PropertyCheck.Failure>> outcomes = new ConcurrentHashMap<>();

  private final Map<String, Optional<double[]>> counterExamples = new ConcurrentHashMap<>();

  Optional<PropertyCheck.Failure> get(String key, Supplier<PropertyCheck.Failure> run) {
    return outcomes.computeIfAbsent(key, k -> Optional.ofNullable(run.get()));
  }

  /** A relation's counter-example (empty when it held on every try), run once per key. */
  Optional<double[]> counterExample(String key, Supplier<double[]> run) {
    return counterExamples.computeIfAbsent(key, k -> Optional.ofNullable(run.get()));
  }

  /** How many distinct tests, of formulas and of relations in prose, have an outcome here (for tests). */
  public int size() {
    return outcomes.size() + counterExamples.size();
  }
}
