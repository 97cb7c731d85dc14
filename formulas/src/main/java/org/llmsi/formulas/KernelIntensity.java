package org.llmsi.formulas;

/**
 * Arithmetic intensity of the kernels that are not matrix multiplies: element-wise operations and
 * attention. Matrix-multiply intensities (dot, GEMV, GEMM) are in {@link Roofline}.
 *
 * <p>Source: NVIDIA, "GPU Performance Background User's Guide" (Deep Learning Performance
 * documentation), section "Understanding Performance" (ReLU 0.25 FLOP/B in fp16); T. Dao
 * et al., "FlashAttention", NeurIPS 2022, section 3.1 (attention reads Q, K, V and writes O once
 * when fused). Each tensor is assumed to cross the memory bus exactly once.
 */
public final class KernelIntensity {
  private KernelIntensity() {}

  /**
   * Intensity of an element-wise kernel that does {@code f_el} FLOP per output element, reads
   * {@code n_in} input tensors and writes one output, all with e-byte elements: f / ((n_in+1) e).
   */
  @Reference(id = "intensity_elementwise", symbols = {"f_el", "n_in", "e"})
  public static double elementwise(double flopsPerElement, double inputs, double bytesPerElement) {
    return flopsPerElement / ((inputs + 1) * bytesPerElement);
  }

  /**
   * Intensity of fused attention for one KV head and the g = n_h / n_kv query heads that share it:
   * 4 g s_q s d_head FLOP (QK^T and PV, causal mask ignored) over (2 g s_q + 2 s) d_head elements
   * (Q read and O written per query head, K and V read once). d_head cancels.
   * Decode (s_q = 1) gives about 2g/e: memory-bound unless many query heads share a KV head.
   */
  @Reference(id = "intensity_attention", symbols = {"s_q", "s", "n_h", "n_kv", "e"})
  public static double attention(
      double queryTokens, double contextTokens, double heads, double kvHeads,
      double bytesPerElement) {
    double group = heads / kvHeads;
    return 2 * group * queryTokens * contextTokens
        / ((group * queryTokens + contextTokens) * bytesPerElement);
  }
}
