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

  /**
   * Share of a contiguous reservation left empty: a request that ends with s tokens in a region of
   * s_max slots reserved for it up front (Kwon et al. 2023, section 1: existing systems
   * "pre-allocate a contiguous chunk of memory with the request's maximum length"; section 6.1,
   * Orca (Max) reserves 2048 tokens). Paged allocation wastes only the last block instead
   * ({@link PagedAttention#wasteFraction}).
   */
  @Reference(id = "reserved_waste_fraction", symbols = {"s", "s_max"})
  public static double reservedWasteFraction(double tokens, double reservedSlots) {
    return 1 - tokens / reservedSlots;
  }

  /**
   * Output slots reserved by power-of-two rounding of the output length (Kwon et al. 2023, section
   * 6.1, Orca (Pow2): "over-reserves the space for outputs by at most 2x. For example, if the true
   * output length is 25, it reserves 32 positions for outputs"): the smallest power of two not
   * below n_out, found by doubling.
   */
  @Reference(id = "pow2_reserved_slots", symbols = {"n_out"})
  public static double powerOfTwoReservedSlots(double outputTokens) {
    double slots = 1;
    while (slots < outputTokens) {
      slots *= 2;
    }
    return slots;
  }
}
