package org.llmsi.formulas;

/**
 * Training time and hardware utilisation.
 *
 * <p>Model FLOPs utilisation (MFU) counts only the 6N FLOP per token the model needs; hardware
 * FLOPs utilisation (HFU) also counts work the implementation repeats, e.g. the extra forward
 * pass of full activation recomputation, 8N in all (Chowdhery et al. 2022, "PaLM", section 4 and
 * Appendix B; Narayanan et al. 2021, "Efficient Large-Scale Language Model Training on GPU
 * Clusters Using Megatron-LM", section 5.1, end-to-end time = 8 T P / (n X)). Peaks must be the
 * DENSE figure of the datasheet: a 2:4-sparse peak halves the utilisation one reports.
 */
public final class TrainingTime {
  private TrainingTime() {}

  /** Wall-clock time of a run of C FLOP on n_gpu accelerators of dense peak P_peak at a given MFU. */
  @Reference(id = "training_time", symbols = {"C", "n_gpu", "P_peak", "mfu"})
  public static double time(
      double computeFlops, double accelerators, double peakFlopsPerSecond, double utilisation) {
    return computeFlops / (accelerators * peakFlopsPerSecond * utilisation);
  }

  /** MFU: 6N FLOP per token at R_tok tokens per second over the cluster's dense peak. */
  @Reference(id = "mfu", symbols = {"N", "R_tok", "n_gpu", "P_peak"})
  public static double modelFlopsUtilisation(
      double parameters, double tokensPerSecond, double accelerators, double peakFlopsPerSecond) {
    return 6 * parameters * tokensPerSecond / (accelerators * peakFlopsPerSecond);
  }

  /**
   * MFU counting the attention-score FLOPs too, 6N + 12 L H Q T per token with H Q = d_attn the
   * attention width: the definition PaLM uses to report 46.2 % (Chowdhery et al. 2022, Appendix
   * B). The 6N-only form gives less; so does any other counting convention, which is why an MFU
   * figure means little without its convention.
   */
  @Reference(id = "mfu_attention", symbols = {"N", "L", "s", "d_attn", "R_tok", "n_gpu", "P_peak"})
  public static double modelFlopsUtilisationWithAttention(
      double parameters, double layers, double sequence, double attentionWidth,
      double tokensPerSecond, double accelerators, double peakFlopsPerSecond) {
    return TransformerFlops.trainingPerTokenWithAttention(parameters, layers, sequence, attentionWidth)
        * tokensPerSecond / (accelerators * peakFlopsPerSecond);
  }

  /** HFU with full activation recomputation: 8N FLOP per token executed over the dense peak. */
  @Reference(id = "hfu_full_recompute", symbols = {"N", "R_tok", "n_gpu", "P_peak"})
  public static double hardwareFlopsUtilisationFullRecompute(
      double parameters, double tokensPerSecond, double accelerators, double peakFlopsPerSecond) {
    return 8 * parameters * tokensPerSecond / (accelerators * peakFlopsPerSecond);
  }
  /**
   * Tokens per optimizer step: n_dp replicas, each running n_acc micro-batches of b sequences of s
   * tokens (Llama 3, Dubey et al. 2024, Table 4: DP 64 x 32 sequences x 8,192 tokens = 16M).
   */
  @Reference(id = "tokens_per_step", symbols = {"n_dp", "b", "n_acc", "s"})
  public static double tokensPerStep(double dataParallel, double microBatch, double accumulation,
      double sequence) {
    return dataParallel * microBatch * accumulation * sequence;
  }

  /** Gradient-accumulation steps that turn micro-batches of b on n_dp replicas into a global batch. */
  @Reference(id = "grad_accum_steps", symbols = {"B_seq", "n_dp", "b"})
  public static double accumulationSteps(double globalSequences, double dataParallel, double microBatch) {
    return globalSequences / (dataParallel * microBatch);
  }
}
