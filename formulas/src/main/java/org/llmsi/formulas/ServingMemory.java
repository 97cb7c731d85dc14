package org.llmsi.formulas;

/**
 * How a serving GPU's memory divides between the weights and everything else. Kwon et al.,
 * "Efficient Memory Management for Large Language Model Serving with PagedAttention" (SOSP 2023,
 * arXiv:2309.06180), section 1 and Figure 1: a 13B-parameter model on an A100 40GB gives about
 * 65 % of the memory to the weights, which stay resident for the whole service, and close to 30 %
 * to the KV cache. Under tensor parallelism each of the n_tp GPUs holds 1/n_tp of the weights.
 */
public final class ServingMemory {
  private ServingMemory() {}

  /** Share of one GPU's HBM the weights take: N e bytes split over n_tp GPUs of M_hbm bytes each. */
  @Reference(id = "weights_hbm_share", symbols = {"N", "e", "n_tp", "M_hbm"})
  public static double weightsShare(
      double parameters, double bytesPerWeight, double ranks, double hbmBytesPerGpu) {
    double bytesPerGpu = parameters * bytesPerWeight / ranks;
    return bytesPerGpu / hbmBytesPerGpu;
  }
}
