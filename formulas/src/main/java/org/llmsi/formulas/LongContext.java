package org.llmsi.formulas;

/**
 * Long-context serving: how a decode attention kernel fills the GPU when it splits the KV sequence
 * (Flash-Decoding), the KV bytes a step reads under a token budget (sliding window with attention
 * sinks, heavy-hitter eviction, Quest's page selection), and the RoPE wavelengths that Llama 3.1's
 * {@code llama3} rope scaling stretches.
 *
 * <p>Sources: T. Dao, D. Haziza, F. Massa, G. Sizov, "Flash-Decoding for long-context inference",
 * PyTorch blog, October 2023 (sections "Multi-head attention for decoding" and "A faster attention
 * for decoding: Flash-Decoding": one launch parallel over batch, heads and KV splits, one
 * log-sum-exp per row and split, a second kernel reduces the splits); Dao-AILab/flash-attention,
 * {@code csrc/flash_attn/flash_api.cpp} (for one query token, the query heads of a KV group are
 * folded into the query length, so a launch has b n_kv n_split blocks); G. Xiao et al.,
 * StreamingLLM (arXiv:2309.17453); Z. Zhang et al., H2O (arXiv:2306.14048); J. Tang et al., Quest
 * (arXiv:2406.10774); Meta {@code llama-models}, {@code apply_scaling}, and the Llama 3.1
 * {@code config.json} {@code rope_scaling} entry.
 */
public final class LongContext {
  private LongContext() {}

  /** Thread blocks of a decode attention launch: one per sequence, KV head and KV split. */
  @Reference(id = "decode_attention_ctas", symbols = {"b", "n_kv", "n_split"})
  public static double ctas(double batch, double kvHeads, double splits) {
    return batch * kvHeads * splits;
  }

  /**
   * Share of SM time a launch of equal blocks keeps busy: its blocks over the SM slots of the
   * waves it needs (one block per SM at a time, as a decode attention block is large).
   */
  @Reference(id = "decode_sm_busy", symbols = {"b", "n_kv", "n_split", "n_sm"})
  public static double smBusy(double batch, double kvHeads, double splits, double sms) {
    double blocks = batch * kvHeads * splits;
    double waves = Math.ceil(blocks / sms);
    return blocks / (waves * sms);
  }

  /** Smallest number of KV splits that gives every SM at least one block. */
  @Reference(id = "decode_min_split", symbols = {"n_sm", "b", "n_kv"})
  public static double minSplit(double sms, double batch, double kvHeads) {
    return Math.ceil(sms / (batch * kvHeads));
  }

  /**
   * Extra HBM traffic of the split reduction per layer: every query head's partial output
   * (d_head values) and its log-sum-exp, per split, written by the first kernel and read back by
   * the second.
   */
  @Reference(id = "split_kv_reduction_bytes", symbols = {"b", "n_h", "n_split", "d_head", "e"})
  public static double reductionBytes(
      double batch, double heads, double splits, double headDim, double bytesPerValue) {
    double valuesWritten = batch * heads * splits * (headDim + 1);
    return 2 * valuesWritten * bytesPerValue;
  }

  /** KV bytes one decode step reads when each sequence keeps at most k_tok tokens. */
  @Reference(id = "kv_budget_read_bytes", symbols = {"b", "L", "n_kv", "d_head", "k_tok", "s", "e"})
  public static double budgetReadBytes(
      double batch, double layers, double kvHeads, double headDim, double budget, double sequence,
      double bytesPerValue) {
    double tokensRead = Math.min(budget, sequence);
    return batch * layers * kvHeads * tokensRead * 2 * headDim * bytesPerValue;
  }

  /**
   * Bytes a Quest decode step reads: the per-page key minimum and maximum of every page (two
   * vectors of d_head per page, KV head and layer) plus keys and values of the k_tok tokens of
   * the selected pages.
   */
  @Reference(id = "quest_read_bytes",
      symbols = {"b", "L", "n_kv", "d_head", "s", "p_page", "k_tok", "e"})
  public static double questReadBytes(
      double batch, double layers, double kvHeads, double headDim, double sequence,
      double pageTokens, double budget, double bytesPerValue) {
    double metadata = Math.ceil(sequence / pageTokens) * 2 * headDim;
    double selected = Math.min(budget, sequence) * 2 * headDim;
    return batch * layers * kvHeads * (metadata + selected) * bytesPerValue;
  }

  /** Wavelength in tokens of RoPE pair i: 2 pi theta^(2i / d_head) (Su et al., section 3.2). */
  @Reference(id = "rope_wavelength", symbols = {"theta_rope", "i_rope", "d_head"})
  public static double wavelength(double base, double pair, double headDim) {
    double frequency = Math.pow(base, -2 * pair / headDim);
    return 2 * Math.PI / frequency;
  }

  /**
   * Factor by which Llama 3.1's {@code llama3} scaling stretches a wavelength: wavelengths above
   * L_orig / f_low are divided in frequency by the factor, those below L_orig / f_high are kept,
   * and in between the frequency is blended with weight (L_orig / lambda - f_low) / (f_high -
   * f_low) on the original.
   */
  @Reference(id = "rope_llama3_stretch",
      symbols = {"lambda_rope", "L_orig", "f_low", "f_high", "k_rope"})
  public static double llama3Stretch(
      double wavelength, double originalContext, double lowFreqFactor, double highFreqFactor,
      double factor) {
    double lowFreqWavelength = originalContext / lowFreqFactor;
    double highFreqWavelength = originalContext / highFreqFactor;
    double keptShare;
    if (wavelength < highFreqWavelength) {
      keptShare = 1;
    } else if (wavelength > lowFreqWavelength) {
      keptShare = 0;
    } else {
      keptShare = (originalContext / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
    }
    double newFrequencyOverOld = (1 - keptShare) / factor + keptShare;
    return 1 / newFrequencyOverOld;
  }
}
