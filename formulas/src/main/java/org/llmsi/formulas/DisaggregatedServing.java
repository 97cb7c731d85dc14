package org.llmsi.formulas;

/**
 * Sizing prefill and decode pools that run on separate GPUs (DistServe, Zhong et al., OSDI 2024,
 * arXiv:2401.09670; Splitwise, Patel et al., ISCA 2024). Every request's prompt is processed once
 * by the prefill pool, its KV cache is sent to the decode pool, and the decode pool generates its
 * output tokens. DistServe section 3.3 ("Communication overhead") sizes the transfer as the KV
 * cache of one request times the arrival rate: 1.13 GB for a 512-token OPT-66B request at 10
 * requests per second is 11.3 GB per second, "or equivalently 90Gbps".
 */
public final class DisaggregatedServing {
  private DisaggregatedServing() {}

  /**
   * Bandwidth the prefill-to-decode link must sustain: requests per second times the KV bytes of
   * each request's prompt (s tokens of m_tok bytes).
   */
  @Reference(id = "kv_transfer_bandwidth", symbols = {"R_arr", "s", "m_tok"})
  public static double transferBandwidth(
      double requestsPerSecond, double promptTokens, double kvBytesPerToken) {
    double bytesPerRequest = promptTokens * kvBytesPerToken;
    return requestsPerSecond * bytesPerRequest;
  }

  /**
   * GPUs of prefill per GPU of decode at a steady request rate. The prefill pool must process
   * R s prompt tokens per second at R_pre per GPU; the decode pool must emit R n_out tokens per
   * second at R_tok per GPU (its throughput at the batch the TPOT target allows). The rate cancels.
   */
  @Reference(id = "pd_pool_ratio", symbols = {"s", "R_tok", "n_out", "R_pre"})
  public static double poolRatio(
      double promptTokens, double decodeTokensPerGpuSecond, double outputTokens,
      double prefillTokensPerGpuSecond) {
    double prefillGpuSecondsPerRequest = promptTokens / prefillTokensPerGpuSecond;
    double decodeGpuSecondsPerRequest = outputTokens / decodeTokensPerGpuSecond;
    return prefillGpuSecondsPerRequest / decodeGpuSecondsPerRequest;
  }
}
