package org.llmsi.formulas;

/**
 * Precision for inference: what weight-only and weight-and-activation quantization change in a
 * decode step, how many quantization levels a value keeps under absmax scaling, SmoothQuant's
 * smoothing factor, and Amdahl's bound on a speed-up applied to part of the work.
 *
 * <p>Weight-only formats (INT4 or FP8 weights, BF16 activations) are dequantized before a BF16
 * matrix multiply, so they shrink the bytes but keep the BF16 tensor-core peak; W8A8 (FP8 or INT8
 * weights and activations) may use the 8-bit peak, which Hopper datasheets print at twice BF16
 * (the guide's GPU data). Absmax scaling maps the largest magnitude of a group to the largest
 * code q_max; Xiao et al., "SmoothQuant", ICML 2023 (arXiv:2211.10438), migrate activation
 * outliers into the weights with a per-channel factor s_j = max|X_j|^alpha / max|W_j|^(1-alpha)
 * (the authors' code, smoothquant/smooth.py, default alpha = 0.5).
 */
public final class InferencePrecision {
  private InferencePrecision() {}

  /**
   * Decode-step speed-up of quantized weights over BF16 under the roofline: the BF16 step takes
   * max(2 N b / P_peak, N e / B), the quantized one max(2 N b / P_mm, N e_w / B), where P_mm is the
   * peak of the precision the matrix multiply actually runs in (BF16 for weight-only formats).
   */
  @Reference(id = "quant_decode_speedup", symbols = {"N", "b", "e", "e_w", "P_peak", "P_mm", "B_mem"})
  public static double decodeSpeedup(double parameters, double batch, double baselineBytes,
      double quantizedBytes, double baselinePeak, double quantizedPeak, double bytesPerSecond) {
    double before = Math.max(2 * parameters * batch / baselinePeak, parameters * baselineBytes / bytesPerSecond);
    double after = Math.max(2 * parameters * batch / quantizedPeak, parameters * quantizedBytes / bytesPerSecond);
    return before / after;
  }

  /** Quantization steps a value of magnitude x_typ spans when the group's absmax x_max maps to q_max. */
  @Reference(id = "quant_levels_used", symbols = {"q_max", "x_typ", "x_max"})
  public static double levelsUsed(double largestCode, double typical, double groupMax) {
    return largestCode * typical / groupMax;
  }

  /** SmoothQuant's per-channel factor: activations are divided by it and weights multiplied. */
  @Reference(id = "smoothquant_scale", symbols = {"x_max", "w_max", "a_sq"})
  public static double smoothingFactor(double activationMax, double weightMax, double migration) {
    return Math.pow(activationMax, migration) / Math.pow(weightMax, 1 - migration);
  }

  /** Amdahl's law: a share f of the time runs s times faster, the rest unchanged. */
  @Reference(id = "amdahl_speedup", symbols = {"f_acc", "s_acc"})
  public static double amdahl(double share, double partSpeedup) {
    return 1 / ((1 - share) + share / partSpeedup);
  }
}
