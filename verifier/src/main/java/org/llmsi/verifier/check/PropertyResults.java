package org.llmsi.verifier.check;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Property-test outcomes kept across the verifications of one process (the live preview): a test
 * whose formula text, symbols, constants, reference, tries and seed are all unchanged would draw
 * the same inputs and reach the same verdict, so it is not run again. The Java references cannot
 * change while the process runs, which is what makes the key complete.
 */
public final class PropertyResults {
  private final Map<String, Optional<PropertyCheck.Failure>> outcomes = new ConcurrentHashMap<>();

  Optional<PropertyCheck.Failure> get(String key, Supplier<PropertyCheck.Failure> run) {
    return outcomes.computeIfAbsent(key, k -> Optional.ofNullable(run.get()));
  }

  /** How many distinct tests have an outcome here (for tests). */
  public int size() {
    return outcomes.size();
  }
}
