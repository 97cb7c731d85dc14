package org.llmsi.formulas;

/**
 * Prefill and decode of a dense model under the roofline: latency and throughput.
 *
 * <p>Source: Pope et al., "Efficiently Scaling Transformer Inference", MLSys 2023, section 2
 * (prefill processes all prompt tokens in parallel and is compute-bound; decode generates one
 * token per sequence per step and must read all weights and the KV cache each step, so it is
 * memory-bound at small batch); roofline of {@link Roofline}. TTFT is the prefill time, TPOT the
 * time of one decode step. Weights of e bytes each; M_kv the KV-cache bytes read in one step.
 * Kernel launch, communication and attention FLOPs are ignored.
 */
public final class InferenceLatency {
  private InferenceLatency() {}

  /** Time to first token: prefill of b prompts of s tokens, 2 N s b FLOP against N e bytes of weights. */
  @Reference(id = "ttft", symbols = {"N", "s", "b", "e", "P_peak", "B_mem"})
  public static double timeToFirstToken(
      double parameters, double sequence, double batch, double bytesPerWeight,
      double peakFlopsPerSecond, double bytesPerSecond) {
    return Math.max(2 * parameters * sequence * batch / peakFlopsPerSecond,
        parameters * bytesPerWeight / bytesPerSecond);
  }

  /** Time per output token: one decode step of b sequences reads weights and KV cache once. */
  @Reference(id = "tpot", symbols = {"N", "b", "e", "M_kv", "P_peak", "B_mem"})
  public static double timePerOutputToken(
      double parameters, double batch, double bytesPerWeight, double kvBytes,
      double peakFlopsPerSecond, double bytesPerSecond) {
    return Math.max(2 * parameters * batch / peakFlopsPerSecond,
        (parameters * bytesPerWeight + kvBytes) / bytesPerSecond);
  }

  /** Decode throughput in tokens per second: b tokens per step. */
  @Reference(id = "decode_throughput", symbols = {"N", "b", "e", "M_kv", "P_peak", "B_mem"})
  public static double decodeThroughput(
      double parameters, double batch, double bytesPerWeight, double kvBytes,
      double peakFlopsPerSecond, double bytesPerSecond) {
    return batch / timePerOutputToken(
        parameters, batch, bytesPerWeight, kvBytes, peakFlopsPerSecond, bytesPerSecond);
  }

  /**
   * Batch at which decode turns compute-bound when each sequence also reads m_kv bytes of KV
   * cache: 2 N b / P = (N e + b m_kv) / B gives b = N e P / (2 N B - m_kv P). Only meaningful while
   * 2 N B_mem > m_kv P_peak; beyond that decode never becomes compute-bound. With m_kv = 0 it is
   * {@link Roofline#criticalBatch}.
   */
  @Reference(id = "decode_crossover_batch", symbols = {"N", "e", "m_kv", "P_peak", "B_mem"})
  public static double crossoverBatch(
      double parameters, double bytesPerWeight, double kvBytesPerSequence,
      double peakFlopsPerSecond, double bytesPerSecond) {
    return parameters * bytesPerWeight * peakFlopsPerSecond
        / (2 * parameters * bytesPerSecond - kvBytesPerSequence * peakFlopsPerSecond);
  }

  /** End-to-end latency of a request: TTFT plus n_out - 1 decode steps. */
  @Reference(id = "request_latency", symbols = {"t_ttft", "t_tpot", "n_out"})
  public static double requestLatency(double ttft, double tpot, double outputTokens) {
    return ttft + (outputTokens - 1) * tpot;
  }
}
