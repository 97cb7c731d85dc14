package org.llmsi.formulas;

/**
 * Context (sequence) parallelism for long sequences: the traffic of ring attention against the
 * all-to-all of DeepSpeed-Ulysses per layer, and the block ring attention needs to hide its sends.
 *
 * <p>Sources: Liu, Zaharia, Abbeel, "Ring Attention with Blockwise Transformers for Near-Infinite
 * Context" (ICLR 2024, arXiv:2310.01889), section 3: each host keeps its query block and passes
 * key and value blocks to the next host n - 1 times per layer; a block of c tokens costs 4 d c^2 FLOP
 * of attention against 4 c d bytes of bf16 keys and values, so the sends hide when c &gt;= F / B
 * (Table 2). Jacobs et al., "DeepSpeed Ulysses" (arXiv:2309.14509; the DeepSpeed blog's
 * communication analysis): an all-to-all of an aggregate message M over P GPUs moves M/P per
 * link; Ulysses moves the Q, K, V projections (3 N h) before attention and the output (N h) after,
 * against Megatron sequence parallelism's two all-gathers and two reduce-scatters of N h.
 * Grouped-query attention narrows K and V to n_kv heads: both schemes are written with it.
 */
public final class ContextParallelism {
  private ContextParallelism() {}

  /** Ring attention: bytes a GPU sends per layer in the forward pass, n-1 hops of its K and V block. */
  @Reference(id = "cp_ring_bytes", symbols = {"n_cp", "s", "n_kv", "d_head", "e"})
  public static double ringAttentionBytes(double degree, double sequence, double kvHeads,
      double headWidth, double bytesPerElement) {
    double block = sequence / degree;
    return (degree - 1) * 2 * block * kvHeads * headWidth * bytesPerElement;
  }

  /**
   * Ulysses: bytes a GPU sends per layer in the forward pass. Pairwise all-to-alls of Q, K, V
   * (sequence-sharded to head-sharded) and of the output back; of each rank's 1/n share of a
   * tensor, (n-1)/n leaves it.
   */
  @Reference(id = "cp_ulysses_bytes", symbols = {"n_cp", "s", "n_h", "n_kv", "d_head", "e"})
  public static double ulyssesBytes(double degree, double sequence, double heads, double kvHeads,
      double headWidth, double bytesPerElement) {
    double perRankShare = sequence / degree * (2 * heads + 2 * kvHeads) * headWidth * bytesPerElement;
    return perRankShare * (degree - 1) / degree;
  }

  /**
   * Ring attention's smallest block that hides its sends: 4 c^2 n_h d_head FLOP of attention per
   * block pair at P_peak against 2 c n_kv d_head e bytes of keys and values at B_link. With
   * multi-head attention (n_kv = n_h) this is the paper's c = F / B for bf16; grouped-query
   * attention shrinks it by n_kv / n_h.
   */
  @Reference(id = "ring_attention_min_block", symbols = {"e", "P_peak", "n_kv", "B_link", "n_h"})
  public static double minimumBlock(double bytesPerElement, double peak, double kvHeads,
      double linkBandwidth, double heads) {
    return bytesPerElement * peak * kvHeads / (2 * linkBandwidth * heads);
  }
}
