package org.llmsi.formulas;

/**
 * Prefill and decode of a dense model under the roofline: latency and throughput.
 *
 * <p>Source: Pope et al., "Efficiently Scaling Transformer Inference", MLSys 2023, section 2
 * (prefill processes all prompt tokens in parallel and is compute-bound; decode generates one
 * token per sequence per step and must read all weights and the KV cache each step, so it is
 * memory-bound at small batch); roofline of {@link Roofline}. TTFT is the prefill time, TPOT the
 * time of one decode step. A decode step is a sequence of kernels (matrix multiplies with the
 * weights, attention over the KV cache, and under tensor parallelism the all-reduces), each timed
 * under its own roofline, and the step is their sum. Kernel launches are ignored.
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

  /**
   * Time of the weight matrix multiplies of one decode step (QKV, output projection, MLP, output
   * head), as one roofline: b sequences of s_q query tokens each (1 in plain decode, gamma + 1 when
   * verifying a draft) multiply every one of N weights, 2 N b s_q FLOP, and the weights are read
   * once, N e bytes (activations, b s_q d elements per matrix, are small beside them). Every matrix
   * has the same intensity, 2 b s_q / e FLOP per byte, so they all turn compute-bound at the same
   * batch: the critical batch of {@link Roofline#criticalBatch}, whatever the context length.
   */
  @Reference(id = "decode_matmul_time", symbols = {"N", "b", "s_q", "e", "P_peak", "B_mem"})
  public static double matmulTime(
      double parameters, double batch, double queryTokens, double bytesPerWeight,
      double peakFlopsPerSecond, double bytesPerSecond) {
    return Math.max(2 * parameters * batch * queryTokens / peakFlopsPerSecond,
        parameters * bytesPerWeight / bytesPerSecond);
  }

  /**
   * Time of attention over the KV cache in one decode step, as its own roofline. Each KV head is
   * read once per sequence (2 s d_head e_kv bytes per layer) and serves the n_h / n_kv query heads
   * of its group, each doing 4 s_q s d_head FLOP (QK^T and PV): so the kernel does 2 s_q (n_h/n_kv)
   * / e_kv FLOP per cache byte, whatever the batch, since every sequence brings its own cache.
   * M_kv is the cache the step reads (all sequences). Dao et al., FlashAttention (NeurIPS 2022),
   * section 3.1: fused attention reads Q, K, V once; Q and O are small beside K and V in decode.
   */
  @Reference(id = "decode_attention_time",
      symbols = {"s_q", "n_h", "n_kv", "M_kv", "e_kv", "P_peak", "B_mem"})
  public static double attentionTime(
      double queryTokens, double heads, double kvHeads, double kvBytes, double bytesPerKvElement,
      double peakFlopsPerSecond, double bytesPerSecond) {
    double flops = 2 * queryTokens * heads / kvHeads * kvBytes / bytesPerKvElement;
    return Math.max(flops / peakFlopsPerSecond, kvBytes / bytesPerSecond);
  }

  /**
   * Decode attention of multi-head latent attention with the up-projections absorbed, as DeepSeek's
   * FlashMLA kernel runs it ("MQA mode": one cached latent per token serves every head, as keys of
   * width d_k = d_c + d_rope and, without its RoPE part, as values of width d_v = d_c). Per sequence
   * and layer each of the n_h heads does 2 s_q s (d_k + d_v) FLOP, and the latent is read once,
   * s d_k e_kv bytes (FlashMLA, docs/20250422-new-kernel-deep-dive.md, "A Theoretical Analysis of
   * the MLA Algorithm": FLOPs 2 h_q s_q s_k (d_k + d_v), memory about 2 s_k d_k bytes in BF16).
   */
  @Reference(id = "mla_decode_attention_time",
      symbols = {"s_q", "n_h", "d_c", "d_rope", "L", "s", "b", "e_kv", "P_peak", "B_mem"})
  public static double latentAttentionTime(
      double queryTokens, double heads, double latentDim, double ropeDim, double layers,
      double cachedTokens, double batch, double bytesPerElement,
      double peakFlopsPerSecond, double bytesPerSecond) {
    double keyDim = latentDim + ropeDim;
    double valueDim = latentDim;
    double perSequenceLayerFlops = 2 * heads * queryTokens * cachedTokens * (keyDim + valueDim);
    double perSequenceLayerBytes = cachedTokens * keyDim * bytesPerElement;
    return Roofline.time(perSequenceLayerFlops * layers * batch,
        perSequenceLayerBytes * layers * batch, peakFlopsPerSecond, bytesPerSecond);
  }

  /**
   * The all-reduces of Megatron tensor parallelism in one decode step (Shoeybi et al. 2019,
   * section 3: two all-reduces per layer in the forward pass, after the attention block and after
   * the MLP), each of the b s_q d activations of e bytes, timed as a ring all-reduce on n_tp ranks
   * ({@link Collectives#ringAllReduceTime}).
   */
  @Reference(id = "tp_allreduce_time",
      symbols = {"L", "b", "s_q", "d", "e", "n_tp", "B_link", "alpha_lat"})
  public static double tensorParallelAllReduceTime(
      double layers, double batch, double queryTokens, double d, double bytesPerElement,
      double ranks, double linkBytesPerSecond, double latency) {
    return 2 * layers * Collectives.ringAllReduceTime(
        batch * queryTokens * d * bytesPerElement, ranks, linkBytesPerSecond, latency);
  }

  /**
   * Time of one decode step: the SUM of its kernel classes' times, each under its own roofline.
   * Kernels run one after another on the GPU, so their times add; one max over the step's total
   * FLOPs and total bytes ({@link #oneMaxStepTime}) would assume the attention's memory traffic
   * overlaps the matmuls' compute, which no pair of separate kernels does.
   */
  @Reference(id = "tpot", symbols = {"t_mm", "t_attn", "t_comm"})
  public static double timePerOutputToken(
      double matmulSeconds, double attentionSeconds, double communicationSeconds) {
    return matmulSeconds + attentionSeconds + communicationSeconds;
  }

  /**
   * The step timed as one roofline over its totals: max(all FLOPs / P, all bytes / B). A lower
   * bound on {@link #timePerOutputToken} (without communication), and at most a factor two below
   * it: the sum of two maxima is at most twice the maximum of the two sums.
   */
  @Reference(id = "decode_step_one_max",
      symbols = {"N", "b", "s_q", "e", "n_h", "n_kv", "M_kv", "e_kv", "P_peak", "B_mem"})
  public static double oneMaxStepTime(
      double parameters, double batch, double queryTokens, double bytesPerWeight, double heads,
      double kvHeads, double kvBytes, double bytesPerKvElement, double peakFlopsPerSecond,
      double bytesPerSecond) {
    double flops = 2 * parameters * batch * queryTokens
        + 2 * queryTokens * heads / kvHeads * kvBytes / bytesPerKvElement;
    return Math.max(flops / peakFlopsPerSecond,
        (parameters * bytesPerWeight + kvBytes) / bytesPerSecond);
  }

  /** Decode throughput in tokens per second: each step emits one token for each of b sequences. */
  @Reference(id = "decode_throughput", symbols = {"b", "t_tpot"})
  public static double decodeThroughput(double batch, double stepSeconds) {
    return batch / stepSeconds;
  }

  /** End-to-end latency of a request: TTFT plus n_out - 1 decode steps. */
  @Reference(id = "request_latency", symbols = {"t_ttft", "t_tpot", "n_out"})
  public static double requestLatency(double ttft, double tpot, double outputTokens) {
    return ttft + (outputTokens - 1) * tpot;
  }
}
