package org.llmsi.formulas;

/**
 * Size of the key-value cache.
 *
 * <p>Each layer caches one key and one value vector of d_head elements per KV head and token:
 * 2 L n_kv d_head e bytes per token. n_kv is the number of KEY-VALUE heads: n_h for multi-head
 * attention, 1 for multi-query attention (Shazeer 2019, "Fast Transformer Decoding"), n_h/g for
 * grouped-query attention (Ainslie et al. 2023, "GQA", section 2.2). Using n_h for a GQA model
 * over-estimates by n_h/n_kv (8x for Llama-2-70B). Multi-head latent attention caches one
 * compressed vector of d_c plus a shared RoPE key of d_rope per layer and token (DeepSeek-AI,
 * "DeepSeek-V2", 2024, sections 2.1.2-2.1.3 and Table 1). Sliding-window attention keeps at most
 * w tokens (Jiang et al. 2023, "Mistral 7B", section 2).
 */
public final class KvCache {
  private KvCache() {}

  /** Bytes per token: 2 L n_kv d_head e. */
  @Reference(id = "kv_bytes_per_token", symbols = {"L", "n_kv", "d_head", "e"})
  public static double bytesPerToken(double layers, double kvHeads, double headDim, double bytesPerElement) {
    return 2 * layers * kvHeads * headDim * bytesPerElement;
  }

  /** Bytes for b sequences of s tokens: 2 L n_kv d_head s b e. */
  @Reference(id = "kv_cache_bytes", symbols = {"L", "n_kv", "d_head", "s", "b", "e"})
  public static double bytes(
      double layers, double kvHeads, double headDim, double sequence, double batch,
      double bytesPerElement) {
    return 2 * layers * kvHeads * headDim * sequence * batch * bytesPerElement;
  }

  /**
   * Bytes per GPU under tensor parallelism of degree n_tp, on the fullest GPU: whole KV heads are
   * dealt out across the GPUs, so one holds ceil(n_kv / n_tp) of them; when n_tp exceeds n_kv
   * that is one (replicated) head per GPU.
   */
  @Reference(id = "kv_cache_bytes_per_gpu", symbols = {"L", "n_kv", "d_head", "s", "b", "e", "n_tp"})
  public static double bytesPerGpu(
      double layers, double kvHeads, double headDim, double sequence, double batch,
      double bytesPerElement, double tensorParallel) {
    return 2 * layers * Math.ceil(kvHeads / tensorParallel) * headDim * sequence * batch
        * bytesPerElement;
  }

  /** Bytes with a sliding window of w tokens: only min(s, w) tokens per sequence are kept. */
  @Reference(id = "kv_cache_bytes_window", symbols = {"L", "n_kv", "d_head", "s", "w", "b", "e"})
  public static double bytesSlidingWindow(
      double layers, double kvHeads, double headDim, double sequence, double window,
      double batch, double bytesPerElement) {
    return 2 * layers * kvHeads * headDim * Math.min(sequence, window) * batch * bytesPerElement;
  }

  /**
   * Effective bytes per element of a cache quantized to {@code bits} bits with one scale of e_s
   * bytes per group of {@code grp} elements (e.g. KIVI, Liu et al. 2024, arXiv:2402.02750).
   */
  @Reference(id = "kv_quantized_element_bytes", symbols = {"bits", "e_s", "grp"})
  public static double quantizedElementBytes(double bits, double scaleBytes, double groupSize) {
    return bits / 8 + scaleBytes / groupSize;
  }

  /** Multi-head latent attention: L (d_c + d_rope) e bytes per token, independent of heads. */
  @Reference(id = "kv_bytes_per_token_mla", symbols = {"L", "d_c", "d_rope", "e"})
  public static double bytesPerTokenLatent(
      double layers, double latentDim, double ropeDim, double bytesPerElement) {
    return layers * (latentDim + ropeDim) * bytesPerElement;
  }
}
