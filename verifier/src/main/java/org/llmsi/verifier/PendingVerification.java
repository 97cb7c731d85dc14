package org.llmsi.verifier;

import java.util.Optional;
import java.util.function.Supplier;
import org.llmsi.verifier.model.VerifiedGuide;

/**
 * A verification whose property tests may still be running ({@link Verifier#start()}). Every other
 * check has run, so the guide it holds is complete; it is verified only once {@link #finish()}
 * reports no diagnostic.
 */
public final class PendingVerification {
  private final Optional<VerifiedGuide> provisional;
  private Supplier<VerificationResult> remaining;
  private VerificationResult result;

  PendingVerification(Optional<VerifiedGuide> provisional, Supplier<VerificationResult> remaining) {
    this.provisional = provisional;
    this.remaining = remaining;
  }

  /**
   * The guide, when every check but the property tests passed: enough to render a site into a
   * scratch folder, never to publish one before {@link #finish()} says it is verified. Empty when a
   * check already failed, in which case {@link #finish()} lists why.
   */
  public Optional<VerifiedGuide> provisional() {
    return provisional;
  }

  /** Waits for the property tests; the outcome of the whole verification. Later calls return the same. */
  public synchronized VerificationResult finish() {
    if (result == null) {
      result = remaining.get();
      remaining = null;
    }
    return result;
  }
}
