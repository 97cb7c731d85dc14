package org.llmsi.formulas;

/**
 * Speculative decoding: a draft model proposes gamma tokens, the target verifies them in one pass.
 *
 * <p>Source: Leviathan, Kalman, Matias, "Fast Inference from Transformers via Speculative
 * Decoding", ICML 2023: with acceptance rate a (the mean of beta, Definition 3.1 and section 3.1;
 * a = E(sum over tokens of min(p, q)), Corollary 3.6 in section 3.2) independent per position, a
 * step yields (1 - a^(gamma+1)) / (1 - a) tokens (Equation 1, section 3.1),
 * and with c the cost of a draft step relative to a target step the expected wall-time improvement
 * is (1 - a^(gamma+1)) / ((1 - a)(gamma c + 1)) (Theorem 3.8).
 */
public final class SpeculativeDecoding {
  private SpeculativeDecoding() {}

  /** Expected tokens per target pass: 1 + a + ... + a^gamma, in [1, gamma + 1]. */
  @Reference(id = "spec_expected_tokens", symbols = {"a", "gamma"})
  public static double expectedTokensPerStep(double acceptance, double draftLength) {
    if (acceptance == 1) {
      return draftLength + 1; // the limit of the geometric sum
    }
    return (1 - Math.pow(acceptance, draftLength + 1)) / (1 - acceptance);
  }

  /** Expected speed-up over plain decoding when a draft step costs c target steps. */
  @Reference(id = "spec_speedup", symbols = {"a", "gamma", "c"})
  public static double speedup(double acceptance, double draftLength, double draftCost) {
    return expectedTokensPerStep(acceptance, draftLength) / (draftLength * draftCost + 1);
  }

  /**
   * Expected speed-up when the verify pass itself costs r plain target steps. Theorem 3.8 takes
   * the target pass over gamma + 1 tokens to cost one step (r = 1), which holds while decode's
   * matmuls are memory-bound; past the critical batch over gamma + 1 they are compute-bound and
   * verification costs more. Time per token plain: t; speculative: (r t + gamma c t) / E[tokens].
   */
  @Reference(id = "spec_speedup_verify", symbols = {"a", "gamma", "r_ver", "c"})
  public static double speedupWithVerifyCost(
      double acceptance, double draftLength, double verifyCost, double draftCost) {
    return expectedTokensPerStep(acceptance, draftLength) / (verifyCost + draftLength * draftCost);
  }

  /**
   * The integer draft length in [1, maxDraft] with the largest expected speed-up (the
   * optimisation of Leviathan et al., section 3.5, Figure 3). A search, not a closed form, so it
   * is no reference; ties go to the shorter draft.
   */
  public static int bestDraftLength(double acceptance, double draftCost, int maxDraft) {
    int best = 1;
    for (int gamma = 2; gamma <= maxDraft; gamma++) {
      if (speedup(acceptance, gamma, draftCost) > speedup(acceptance, best, draftCost)) {
        best = gamma;
      }
    }
    return best;
  }
}
