package org.llmsi.formulas;

/**
 * A cached prefix evicted from HBM to a slower tier (host memory over PCIe, local NVMe, a remote
 * store) can be reloaded or recomputed. Reloading moves its KV bytes over the tier's bandwidth;
 * recomputing is a prefill of the prefix, at least 2 N FLOP per token at peak compute (the
 * attention FLOPs, ignored here, only make recomputing dearer). Both grow linearly with the prefix,
 * so the comparison does not depend on its length: reloading wins on any tier faster than the
 * break-even bandwidth. Hierarchical caches that make the choice: Mooncake (Qin et al., FAST 2025,
 * arXiv:2407.00079), a KV cache pooled in the cluster's CPU DRAM and SSD; SGLang's HiCache
 * (GPU memory, host memory, distributed storage as three levels).
 */
public final class PrefixCacheTiers {
  private PrefixCacheTiers() {}

  /** Time to bring s tokens' KV cache (m_tok bytes each) back from a tier of bandwidth B_tier. */
  @Reference(id = "prefix_reload_time", symbols = {"s", "m_tok", "B_tier"})
  public static double reloadTime(double tokens, double kvBytesPerToken, double tierBytesPerSecond) {
    return tokens * kvBytesPerToken / tierBytesPerSecond;
  }

  /**
   * Tier bandwidth at which reloading a token's KV bytes takes as long as recomputing the token
   * (2 N FLOP at P_peak): m_tok / B = 2 N / P, so B = m_tok P / (2 N).
   */
  @Reference(id = "prefix_breakeven_bandwidth", symbols = {"m_tok", "P_peak", "N"})
  public static double breakEvenBandwidth(
      double kvBytesPerToken, double peakFlopsPerSecond, double parameters) {
    double recomputeSecondsPerToken = 2 * parameters / peakFlopsPerSecond;
    return kvBytesPerToken / recomputeSecondsPerToken;
  }
}
