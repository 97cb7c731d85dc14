package org.llmsi.formulas;

/**
 * FLOPs per token of a decoder-only transformer.
 *
 * <p>Convention: a multiply-add is 2 FLOP. Forward = 2N (Kaplan et al. 2020, section 2.1,
 * Table 1); training = 3 x forward = 6N (backward is twice the forward). The attention-score term
 * follows PaLM (Chowdhery et al. 2022, Appendix B): 12 L H Q T for training, i.e. 4 L s d_attn in
 * the forward pass for QK^T and PV, with no causal halving, where d_attn = H Q = n_h d_head is the
 * attention width. It equals the model width d in Llama and GPT-3, but not in PaLM 540B (48 heads
 * of 256 = 12,288 against d = 18,432, PaLM Table 1). Kaplan's Table 1 counts only 2 L s d_attn (the
 * QK^T logits) in the forward pass; the two conventions are compared in the tests.
 */
public final class TransformerFlops {
  private TransformerFlops() {}

  /** Forward FLOPs per token from the weights alone: 2N. */
  @Reference(id = "flops_forward", symbols = {"N"})
  public static double forwardPerToken(double parameters) {
    return 2 * parameters;
  }

  /** Training FLOPs per token (forward plus backward) from the weights alone: 6N. */
  @Reference(id = "flops_training", symbols = {"N"})
  public static double trainingPerToken(double parameters) {
    return 6 * parameters;
  }

  /**
   * Forward FLOPs per token including attention over s tokens: 2N + 4 L s d. Written with the
   * model width d, which stands for the attention width n_h d_head: the inference chapters call it
   * for models where the two are equal. The training form below takes d_attn explicitly.
   */
  @Reference(id = "flops_forward_attention", symbols = {"N", "L", "s", "d"})
  public static double forwardPerTokenWithAttention(
      double parameters, double layers, double sequence, double d) {
    return 2 * parameters + 4 * layers * sequence * d;
  }

  /** Training FLOPs per token including attention: 6N + 12 L s d_attn (PaLM, Appendix B). */
  @Reference(id = "flops_training_attention", symbols = {"N", "L", "s", "d_attn"})
  public static double trainingPerTokenWithAttention(
      double parameters, double layers, double sequence, double attentionWidth) {
    return 6 * parameters + 12 * layers * sequence * attentionWidth;
  }

  /** Training compute of a run: C = 6 N D (Kaplan et al. 2020, section 2.1). */
  @Reference(id = "training_compute", symbols = {"N", "D"})
  public static double trainingCompute(double parameters, double tokens) {
    return 6 * parameters * tokens;
  }
}
