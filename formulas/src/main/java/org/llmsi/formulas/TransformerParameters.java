package org.llmsi.formulas;

/**
 * Parameter counts of a decoder-only transformer from its configuration.
 *
 * <p>Convention (Llama family, Touvron et al. 2023; Llama 3 paper, Dubey et al. 2024, Table 3):
 * no biases; attention has W_Q and W_O of d x (n_h d_head) and W_K, W_V of d x (n_kv d_head)
 * (grouped-query attention, Ainslie et al. 2023, section 2.2; n_kv = n_h is MHA, n_kv = 1 is
 * MQA); the FFN has {@code n_ffn} matrices of d x d_ff (3 for SwiGLU, Shazeer 2020, 2 for a GELU
 * MLP); two RMSNorm weight vectors per layer plus a final one; input embedding and output head of
 * V x d each, shared when {@code tied} = 1. Models with biases and learned position embeddings
 * (GPT-3, OPT) differ by less than 0.5 %; the tests document it.
 */
public final class TransformerParameters {
  private TransformerParameters() {}

  /** Attention weights of one layer: d d_head (2 n_h + 2 n_kv). */
  @Reference(id = "params_attention", symbols = {"d", "n_h", "n_kv", "d_head"})
  public static double attention(double d, double heads, double kvHeads, double headDim) {
    return d * headDim * (2 * heads + 2 * kvHeads);
  }

  /** FFN weights of one layer (or of one expert): n_ffn d d_ff. */
  @Reference(id = "params_ffn", symbols = {"d", "d_ff", "n_ffn"})
  public static double ffn(double d, double ffnWidth, double ffnMatrices) {
    return ffnMatrices * d * ffnWidth;
  }

  /** Token embedding and output head: (2 - tied) V d. */
  @Reference(id = "params_embedding", symbols = {"V", "d", "tied"})
  public static double embedding(double vocab, double d, double tied) {
    return (2 - tied) * vocab * d;
  }

  /** All parameters of a dense model. */
  @Reference(
      id = "params_dense",
      symbols = {"L", "d", "n_h", "n_kv", "d_head", "d_ff", "n_ffn", "V", "tied"})
  public static double dense(
      double layers, double d, double heads, double kvHeads, double headDim, double ffnWidth,
      double ffnMatrices, double vocab, double tied) {
    double perLayer = attention(d, heads, kvHeads, headDim) + ffn(d, ffnWidth, ffnMatrices) + 2 * d;
    return layers * perLayer + d + embedding(vocab, d, tied);
  }

  /**
   * All parameters of a mixture-of-experts model whose every layer has n_exp routed experts and a
   * d x n_exp router (Mixtral, Jiang et al. 2024, section 2.1). Every expert is stored.
   */
  @Reference(
      id = "params_moe_total",
      symbols = {"L", "d", "n_h", "n_kv", "d_head", "d_ff", "n_ffn", "V", "tied", "n_exp"})
  public static double moeTotal(
      double layers, double d, double heads, double kvHeads, double headDim, double ffnWidth,
      double ffnMatrices, double vocab, double tied, double experts) {
    return layers * moeLayer(d, heads, kvHeads, headDim, ffnWidth, ffnMatrices, experts, experts)
        + d + embedding(vocab, d, tied);
  }

  /**
   * Parameters a token uses in a mixture-of-experts model: attention, the whole router, only k_exp
   * of the n_exp experts per layer, the norms, the input embedding and the output head (one
   * matrix when tied). This sets FLOPs per token (6 N_active in training); the total sets memory.
   * Counting all experts as active is the classic over-estimate.
   *
   * <p>The guide's one rule for N in FLOP counts, dense and mixture alike: every parameter a
   * token's forward pass reads, the input embedding table included, which is how published totals
   * count (Mistral's "12.9B parameters per token" for Mixtral, the Mixtral announcement;
   * DeepSeek-V3's README_WEIGHTS.md, "36.7B (including 0.9B for Embedding and 0.9B for the output
   * Head)"; Brown et al. 2020, Table D.1, 6 x 174.6B x 300B; Hoffmann et al. 2022, Appendix F,
   * counts the embedding as 2 x seq_len x vocab_size x d_model FLOPs). The lookup itself does no
   * multiply-add, so 6N then overstates the arithmetic by 6 V d FLOP per token; the chapters say so
   * where it matters (6.5 % for Llama 3 8B, 1 % for Mixtral).
   */
  @Reference(
      id = "params_moe_active",
      symbols = {"L", "d", "n_h", "n_kv", "d_head", "d_ff", "n_ffn", "V", "tied", "n_exp", "k_exp"})
  public static double moeActive(
      double layers, double d, double heads, double kvHeads, double headDim, double ffnWidth,
      double ffnMatrices, double vocab, double tied, double experts, double expertsPerToken) {
    return layers * moeLayer(d, heads, kvHeads, headDim, ffnWidth, ffnMatrices, experts,
        expertsPerToken) + d + embedding(vocab, d, tied);
  }

  /**
   * Expected number of the n_exp experts of one mixture-of-experts layer that at least one of b
   * tokens is routed to, when each token picks k_exp distinct experts uniformly at random and
   * independently of the others. One token skips a given expert with probability 1 - k/n (it is
   * among the C(n-1, k) of the C(n, k) choices that leave it out); b independent tokens all skip
   * it with probability (1 - k/n)^b; linearity of expectation over the n experts gives the rest.
   * With k >= n every token uses every expert. In a memory-bound decode step the experts touched,
   * not the k_exp active ones, set the weight bytes read. Real routers are trained towards balanced
   * load, not uniform choice, so this is a first model; the tests check it by simulation.
   */
  @Reference(id = "moe_experts_touched", symbols = {"n_exp", "k_exp", "b"})
  public static double expertsTouched(double experts, double expertsPerToken, double tokens) {
    double skippedByOne = Math.max(0, 1 - expertsPerToken / experts);
    return experts * (1 - Math.pow(skippedByOne, tokens));
  }

  private static double moeLayer(
      double d, double heads, double kvHeads, double headDim, double ffnWidth,
      double ffnMatrices, double experts, double expertsUsed) {
    return attention(d, heads, kvHeads, headDim)
        + expertsUsed * ffn(d, ffnWidth, ffnMatrices) + d * experts + 2 * d;
  }

  /**
   * The classic approximation N = 12 L d^2 of the non-embedding parameters (Kaplan et al. 2020,
   * "Scaling Laws for Neural Language Models", section 2.1, with d_attn = d and d_ff = 4d).
   */
  @Reference(id = "params_approx", symbols = {"L", "d"})
  public static double approximateNonEmbedding(double layers, double d) {
    return 12 * layers * d * d;
  }

  /**
   * The SwiGLU FFN width that keeps a 3-matrix FFN at the parameter count of a 4d GELU MLP:
   * d_ff = (2/3) 4d (Shazeer 2020, "GLU Variants Improve Transformer", section 2; Llama 1 paper,
   * section 2.2). Released models round it up to a multiple of a hardware-friendly size.
   */
  @Reference(id = "swiglu_width", symbols = {"d"})
  public static double swigluWidth(double d) {
    return 8 * d / 3;
  }

  /**
   * The FFN width as Meta's Llama code computes it from a configuration (meta-llama/llama
   * {@code llama/model.py} and meta-llama/llama-models {@code models/llama3/reference_impl/model.py},
   * {@code FeedForward.__init__}): start from 4d, take int(2/3 of it), scale by
   * {@code ffn_dim_multiplier} when the configuration sets one (truncating again), and round up to
   * a multiple of {@code multiple_of}. A multiplier of 1 is the configuration that sets none.
   * Written in the code's integer steps; the Markdown formula uses floor and ceil.
   */
  @Reference(id = "ffn_width_llama", symbols = {"d", "f_ffn", "m_ffn"})
  public static double llamaFfnWidth(double d, double multiplier, double multipleOf) {
    long hidden = (long) (2 * (4 * d) / 3);
    long scaled = (long) (multiplier * hidden);
    long multiple = (long) multipleOf;
    return (double) (multiple * ((scaled + multiple - 1) / multiple));
  }
}
