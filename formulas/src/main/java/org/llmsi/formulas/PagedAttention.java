package org.llmsi.formulas;

/**
 * Paged KV-cache allocation: the cache is split into fixed blocks of B_blk tokens and a sequence
 * holds ceil(s / B_blk) of them, so at most B_blk - 1 token slots per sequence are wasted.
 *
 * <p>Source: Kwon et al., "Efficient Memory Management for Large Language Model Serving with
 * PagedAttention", SOSP 2023, sections 4.1-4.3 (KV blocks, block table; waste bounded by one
 * block per sequence). m_tok is the KV-cache bytes of one token ({@link KvCache#bytesPerToken}).
 */
public final class PagedAttention {
  private PagedAttention() {}

  /** Blocks a sequence of s tokens occupies: ceil(s / B_blk). */
  @Reference(id = "paged_blocks_per_sequence", symbols = {"s", "B_blk"})
  public static double blocksPerSequence(double sequence, double blockTokens) {
    return Math.ceil(sequence / blockTokens);
  }

  /** Token slots reserved but unused in the last block: ceil(s/B_blk) B_blk - s. */
  @Reference(id = "paged_wasted_slots", symbols = {"s", "B_blk"})
  public static double wastedSlots(double sequence, double blockTokens) {
    return Math.ceil(sequence / blockTokens) * blockTokens - sequence;
  }

  /** Internal fragmentation: unused share of the reserved slots. */
  @Reference(id = "paged_waste_fraction", symbols = {"s", "B_blk"})
  public static double wasteFraction(double sequence, double blockTokens) {
    double reserved = Math.ceil(sequence / blockTokens) * blockTokens;
    return (reserved - sequence) / reserved;
  }

  /** Sequences of s tokens that fit in M_free bytes: floor(M_free / (ceil(s/B_blk) B_blk m_tok)). */
  @Reference(id = "paged_sequences_that_fit", symbols = {"M_free", "s", "B_blk", "m_tok"})
  public static double sequencesThatFit(
      double freeBytes, double sequence, double blockTokens, double bytesPerToken) {
    return Math.floor(freeBytes / (Math.ceil(sequence / blockTokens) * blockTokens * bytesPerToken));
  }
}
