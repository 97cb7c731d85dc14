package org.llmsi.verifier;

import java.util.List;
import java.util.Optional;
import org.llmsi.verifier.model.VerifiedGuide;
import org.llmsi.verifier.report.Diagnostic;

/**
 * The outcome of a run: every diagnostic (sorted by location), the counts, and, only when there
 * was no error, the verified guide for the publisher.
 *
 * @param prose what the prose checks found: the numbers read as citations or names, unused data
 */
public record VerificationResult(List<Diagnostic> diagnostics, Summary summary, Optional<VerifiedGuide> verified,
    org.llmsi.verifier.check.GuideChecker.Prose prose) {
  public VerificationResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return diagnostics.isEmpty();
  }

  /** The verified guide; throws when verification failed, since nothing unverified is rendered. */
  public VerifiedGuide guide() {
    return verified.orElseThrow(() -> new IllegalStateException("verification failed: " + summary.line(false)));
  }
}
