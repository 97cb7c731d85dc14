package org.llmsi.formulas;

/**
 * What speculative decoding costs, beyond the expected speed-up of {@link SpeculativeDecoding}:
 * target passes and draft runs per generated token, total arithmetic, the cost of a step implied
 * by a measured speed-up, and how the speed-up shrinks once verification turns decode
 * compute-bound at large batch.
 *
 * <p>Sources: Leviathan, Kalman, Matias, "Fast Inference from Transformers via Speculative
 * Decoding", ICML 2023 (arXiv:2211.17192): Equation 1 (section 3.1) gives the expected tokens
 * per target run, (1 - a^(gamma+1)) / (1 - a), so the number of serial target calls shrinks by
 * that factor; Theorem 3.11 (section 3.4) the expected factor of increase in total arithmetic
 * operations, (1 - a)(gamma c_hat + gamma + 1) / (1 - a^(gamma+1)), with c_hat the draft's
 * operations per token relative to the target's (Definition 3.10). Section 3.3 assumes the
 * gamma + 1 parallel evaluations of the target cost no more time than one; the batch-aware
 * speed-up below drops that assumption by timing the verification pass per kernel, as
 * {@link InferenceLatency} times a decode step: the weight matrix multiplies of b n_ver tokens
 * under their own roofline ({@link InferenceLatency#matmulTime}, 2 N b n_ver FLOP against the
 * weights read once), plus attention over the KV cache, each sequence's cache read once
 * whatever the number of tokens verified and memory-bound (its intensity, 2 n_ver n_h / (n_kv
 * e_kv) FLOP per byte, is taken to stay below the ridge), summed.
 */
public final class SpeculationCost {
  private SpeculationCost() {}

  /** Theorem 3.11: expected total arithmetic of speculative decoding over plain decoding. */
  @Reference(id = "spec_operations_factor", symbols = {"a", "gamma", "c_hat"})
  public static double operationsFactor(double acceptance, double draftLength, double draftOpsRatio) {
    double work = draftLength * draftOpsRatio + draftLength + 1; // gamma draft runs, gamma + 1 target positions
    return work / SpeculativeDecoding.expectedTokensPerStep(acceptance, draftLength);
  }

  /** Expected target forward passes to produce n_out tokens: n_out over the tokens per pass. */
  @Reference(id = "spec_target_passes", symbols = {"n_out", "a", "gamma"})
  public static double targetPasses(double outputTokens, double acceptance, double draftLength) {
    return outputTokens / SpeculativeDecoding.expectedTokensPerStep(acceptance, draftLength);
  }

  /** Expected draft-model runs for n_out tokens: gamma per target pass. */
  @Reference(id = "spec_draft_runs", symbols = {"n_out", "a", "gamma"})
  public static double draftRuns(double outputTokens, double acceptance, double draftLength) {
    return draftLength * targetPasses(outputTokens, acceptance, draftLength);
  }

  /**
   * The time of one speculative step (draft plus verification) relative to one plain decode step,
   * implied by a measured tokens-per-step and a measured speed-up: speed-up = tokens / cost.
   */
  @Reference(id = "spec_step_cost", symbols = {"n_step", "S_spec"})
  public static double stepCost(double tokensPerStep, double speedup) {
    return tokensPerStep / speedup;
  }

  /**
   * Speed-up of speculation at batch b with the step timed per kernel and summed: a plain step
   * takes max(2 N b / P, N e / B) for the matmuls plus b m_kv / B for attention over the cache; a
   * speculative step verifies n_ver tokens per sequence, max(2 N b n_ver / P, N e / B) + b m_kv / B
   * (the cache is read once for all of them), plus gamma draft runs of c plain steps each, and
   * yields n_step tokens per sequence. Tensor-parallel all-reduces are left out.
   */
  @Reference(id = "spec_batch_speedup",
      symbols = {"n_step", "n_ver", "gamma", "c", "N", "b", "e", "m_kv", "P_peak", "B_mem"})
  public static double batchSpeedup(double tokensPerStep, double verifiedPerSequence,
      double draftLength, double draftCost, double parameters, double batch, double bytesPerWeight,
      double kvBytesPerSequence, double peakFlopsPerSecond, double bytesPerSecond) {
    double attention = batch * kvBytesPerSequence / bytesPerSecond;
    double plain = InferenceLatency.timePerOutputToken(
        InferenceLatency.matmulTime(parameters, batch, 1, bytesPerWeight, peakFlopsPerSecond, bytesPerSecond),
        attention, 0);
    double verify = InferenceLatency.timePerOutputToken(
        InferenceLatency.matmulTime(parameters, batch, verifiedPerSequence, bytesPerWeight,
            peakFlopsPerSecond, bytesPerSecond),
        attention, 0);
    return tokensPerStep * plain / (verify + draftLength * draftCost * plain);
  }

  /**
   * The batch at which a free draft stops paying (batch speed-up 1). Below the critical batch
   * over n_ver the verification matmuls are memory-bound and the speed-up is n_step; between that
   * and the critical batch they are compute-bound while a plain step's are not, and
   * n_step (N e + b m_kv) / B = 2 N b n_ver / P + b m_kv / B gives
   * b = n_step N e P / (2 N B n_ver - (n_step - 1) m_kv P). Past the critical batch both steps'
   * matmuls are compute-bound and the speed-up no longer changes with b, so a value above the
   * critical batch (or a negative one) means there is no break-even: speculation pays at every
   * batch, because reading each cache once for n_step tokens saves more than verification adds.
   */
  @Reference(id = "spec_breakeven_batch", symbols = {"n_step", "n_ver", "N", "e", "m_kv", "P_peak", "B_mem"})
  public static double breakevenBatch(double tokensPerStep, double verifiedPerSequence, double parameters,
      double bytesPerWeight, double kvBytesPerSequence, double peakFlopsPerSecond, double bytesPerSecond) {
    return tokensPerStep * parameters * bytesPerWeight * peakFlopsPerSecond
        / (2 * parameters * bytesPerSecond * verifiedPerSequence
            - (tokensPerStep - 1) * kvBytesPerSequence * peakFlopsPerSecond);
  }
}
