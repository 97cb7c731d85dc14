package org.llmsi.formulas;

/**
 * The roofline model: a kernel's time is bounded by its work over peak compute and by its memory
 * traffic over memory bandwidth, whichever is larger.
 *
 * <p>Source: S. Williams, A. Waterman, D. Patterson, "Roofline: An Insightful Visual Performance
 * Model for Multicore Architectures", CACM 52(4), 2009 (attainable performance =
 * min(peak compute, peak bandwidth x operational intensity)).
 *
 * <p>Units: FLOP, bytes, seconds; intensities in FLOP per byte; element sizes in bytes.
 */
public final class Roofline {
  private Roofline() {}

  /** Arithmetic intensity of a kernel: work over bytes moved to and from memory. */
  @Reference(id = "arithmetic_intensity", symbols = {"W", "Q"})
  public static double arithmeticIntensity(double flops, double bytes) {
    return flops / bytes;
  }

  /** The intensity at which the memory roof meets the compute roof. */
  @Reference(id = "ridge_point", symbols = {"P_peak", "B_mem"})
  public static double ridgePoint(double peakFlopsPerSecond, double bytesPerSecond) {
    return peakFlopsPerSecond / bytesPerSecond;
  }

  /** Attainable FLOP/s of a kernel of the given intensity: the lower of the two roofs. */
  @Reference(id = "attainable_performance", symbols = {"P_peak", "B_mem", "I"})
  public static double attainablePerformance(
      double peakFlopsPerSecond, double bytesPerSecond, double intensity) {
    return Math.min(peakFlopsPerSecond, intensity * bytesPerSecond);
  }

  /** Lower bound on a kernel's time: compute time or memory time, whichever is longer. */
  @Reference(id = "roofline_time", symbols = {"W", "Q", "P_peak", "B_mem"})
  public static double time(
      double flops, double bytes, double peakFlopsPerSecond, double bytesPerSecond) {
    return Math.max(flops / peakFlopsPerSecond, bytes / bytesPerSecond);
  }

  /**
   * Intensity of a dot product of two n-vectors with e-byte elements: 2n FLOP (a multiply and an
   * add per element) over 2n elements read; the scalar written back is counted too.
   */
  @Reference(id = "intensity_dot", symbols = {"n", "e"})
  public static double dotIntensity(double n, double bytesPerElement) {
    return 2 * n / ((2 * n + 1) * bytesPerElement);
  }

  /**
   * Intensity of y = A x with A of m x n: 2mn FLOP over the matrix, the input vector and the
   * output vector, each read or written once.
   */
  @Reference(id = "intensity_gemv", symbols = {"m", "n", "e"})
  public static double gemvIntensity(double m, double n, double bytesPerElement) {
    return 2 * m * n / ((m * n + n + m) * bytesPerElement);
  }

  /**
   * Intensity of C = A B with A of m x k and B of k x n, each operand moved once (the ideal for
   * a tiled kernel whose tiles fit on chip).
   */
  @Reference(id = "intensity_gemm", symbols = {"m", "n", "k", "e"})
  public static double gemmIntensity(double m, double n, double k, double bytesPerElement) {
    return 2 * m * n * k / ((m * k + k * n + m * n) * bytesPerElement);
  }

  /**
   * The batch size at which a weight-bound matrix multiply (weights d x d much larger than the
   * activations) reaches the ridge point: intensity is about 2b/e, so b = ridge x e / 2.
   */
  @Reference(id = "critical_batch", symbols = {"P_peak", "B_mem", "e"})
  public static double criticalBatch(
      double peakFlopsPerSecond, double bytesPerSecond, double bytesPerElement) {
    return peakFlopsPerSecond * bytesPerElement / (2 * bytesPerSecond);
  }
}
