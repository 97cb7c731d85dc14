package org.llmsi.formulas;

/**
 * Serving a mixture-of-experts model: how many experts a decode batch touches, the weight bytes
 * one step streams, the batch at which the experts' matrix multiplies turn compute-bound, and the
 * bytes expert parallelism moves per layer.
 *
 * <p>Routing model: each token picks k distinct routed experts of n_exp, uniformly and
 * independently of the other tokens (a balanced router on unrelated tokens; real routers are
 * correlated, which the DeepSeek-V3 report, section 3.4, handles with redundant copies of hot
 * experts). An expert is then skipped by one token with probability (n_exp - k)/n_exp and by all b
 * tokens with that probability to the power b. Weights not behind the router (attention, dense
 * layers, shared experts, embeddings and head) are read every step. Expert parallelism: each
 * token's hidden vector of d elements is sent to its k experts (dispatch) and the k outputs come
 * back (combine), GShard (Lepikhin et al. 2020) and the DeepSeek-V3 report, section 3.2.2.
 */
public final class MoeServing {
  private MoeServing() {}

  /** Probability that a given routed expert receives none of b tokens. */
  @Reference(id = "moe_idle_probability", symbols = {"n_exp", "k_exp", "b"})
  public static double idleProbability(double experts, double perToken, double batch) {
    // A token that picks every expert (k >= n_exp) leaves none idle.
    return Math.pow(Math.max(0, (experts - perToken) / experts), batch);
  }

  /** Expected routed experts that receive at least one of b tokens: n_exp (1 - p_idle). */
  @Reference(id = "moe_expected_active_experts", symbols = {"n_exp", "k_exp", "b"})
  public static double expectedActiveExperts(double experts, double perToken, double batch) {
    return experts * (1 - idleProbability(experts, perToken, batch));
  }

  /** Weight bytes of one decode step: the always-read part plus every active expert of every MoE layer. */
  @Reference(id = "moe_decode_weight_bytes", symbols = {"N_always", "L_moe", "E_act", "N_e", "e"})
  public static double decodeWeightBytes(double alwaysRead, double moeLayers, double activeExperts,
      double parametersPerExpert, double bytesPerWeight) {
    return (alwaysRead + moeLayers * activeExperts * parametersPerExpert) * bytesPerWeight;
  }

  /** Mean tokens an active expert processes in one step: b k token-expert pairs over the active experts. */
  @Reference(id = "moe_tokens_per_expert", symbols = {"b", "k_exp", "E_act"})
  public static double tokensPerExpert(double batch, double perToken, double activeExperts) {
    return batch * perToken / activeExperts;
  }

  /**
   * Batch (tokens per step) at which an expert's matrix multiply reaches the ridge point when all
   * experts are busy: each expert sees b k / n_exp tokens, and an expert GEMM over t tokens does
   * 2 t FLOP per weight of e bytes, so t must reach P e / (2 B).
   */
  @Reference(id = "moe_critical_batch", symbols = {"n_exp", "k_exp", "e", "P_peak", "B_mem"})
  public static double criticalBatch(double experts, double perToken, double bytesPerElement,
      double peakFlopsPerSecond, double bytesPerSecond) {
    return Roofline.criticalBatch(peakFlopsPerSecond, bytesPerSecond, bytesPerElement) * experts / perToken;
  }

  /**
   * Bytes one rank sends in one direction (dispatch, or combine) for one MoE layer when it owns b
   * tokens: k copies of a d-element vector per token, of which a share (n_ep - 1)/n_ep goes to
   * experts on other ranks under uniform routing.
   */
  @Reference(id = "ep_alltoall_bytes", symbols = {"b", "k_exp", "d", "e", "n_ep"})
  public static double allToAllBytes(double batch, double perToken, double width, double bytesPerElement,
      double ranks) {
    return batch * perToken * width * bytesPerElement * (ranks - 1) / ranks;
  }
}
