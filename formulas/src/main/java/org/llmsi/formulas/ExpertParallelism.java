package org.llmsi.formulas;

/**
 * Mixture-of-experts training: expert capacity and dropped tokens, the all-to-all of expert
 * parallelism, and model states per GPU when experts are sharded over EP and dense weights over TP.
 *
 * <p>Sources: Fedus, Zoph, Shazeer, "Switch Transformers" (JMLR 2022), section 2.2: expert
 * capacity = tokens per batch / number of experts x capacity factor, overflowing tokens skip the
 * expert through the residual connection (with top-k routing each token makes k assignments).
 * DeepSeek-V3 Technical Report (arXiv:2412.19437): section 2.1.2 (256 routed experts, top-8,
 * node-limited routing to at most M nodes, auxiliary-loss-free bias, no token dropping), section
 * 3.2.2 (NVLink 160 GB/s, IB 50 GB/s, at most 4 nodes per token, 3.2 experts per node, at most 13
 * experts for the same IB cost), section 3.3.3 (dispatch in FP8, combine in BF16). The drop bound
 * is the distribution-free bound on E[(X - c)+] for a load X of known mean and variance, from
 * Scarf's min-max analysis of the newsvendor problem (1958; described by Yue, AJOR 2012):
 * E[(X - c)+] &lt;= (sqrt(var + (c - mean)^2) - (c - mean)) / 2. The tests check it against the exact
 * binomial overflow.
 */
public final class ExpertParallelism {
  private ExpertParallelism() {}

  /** Tokens one expert accepts: c_f k n_tok / n_exp (Switch Transformers, section 2.2, with k assignments per token). */
  @Reference(id = "expert_capacity", symbols = {"c_f", "k_exp", "n_tok", "n_exp"})
  public static double capacity(double factor, double topK, double tokens, double experts) {
    return factor * topK * tokens / experts;
  }

  /**
   * Spread of one expert's load under uniform routing: the load is Binomial(n_tok, k/E), so its
   * standard deviation over its mean is sqrt((1 - k/E) / (n_tok k / E)).
   */
  @Reference(id = "expert_load_cv", symbols = {"k_exp", "n_tok", "n_exp"})
  public static double loadCoefficientOfVariation(double topK, double tokens, double experts) {
    double q = topK / experts;
    double mean = tokens * q;
    return Math.sqrt(mean * Math.max(1 - q, 0)) / mean;
  }

  /**
   * Upper bound on the share of token-expert assignments dropped at capacity factor c_f when each
   * token picks its k experts uniformly at random: Scarf's bound on each expert's overflow
   * E[(X - C)+], over the mean load.
   */
  @Reference(id = "drop_fraction_bound", symbols = {"c_f", "k_exp", "n_tok", "n_exp"})
  public static double dropFractionBound(double factor, double topK, double tokens, double experts) {
    // Written in the Markdown's order of operations: the difference of two close numbers when
    // the headroom is many standard deviations amplifies any reordering of the rounding.
    double variance = tokens * topK / experts * Math.max(1 - topK / experts, 0); // k >= E: every expert
    double headroom = (factor - 1) * tokens * topK / experts;
    return (Math.sqrt(variance + Math.pow(headroom, 2)) - headroom) / (2 * tokens * topK / experts);
  }

  /**
   * Bytes a GPU sends and receives per token per MoE layer in the forward pass: the dispatch of
   * the token's hidden state to k experts and the combine of their k outputs, the share 1/n_ep
   * that stays on the GPU excluded.
   */
  @Reference(id = "ep_bytes_per_token", symbols = {"k_exp", "d", "e_disp", "e_comb", "n_ep"})
  public static double bytesPerToken(double topK, double width, double dispatchBytes,
      double combineBytes, double expertParallel) {
    return topK * width * (dispatchBytes + combineBytes) * (expertParallel - 1) / expertParallel;
  }

  /**
   * Node-limited routing (DeepSeek-V3, section 3.2.2): a token crosses the inter-node network once
   * per target node and fans out inside the node, so as long as each copy's NVLink fan-out is no
   * slower than its IB transfer a token can reach M B_intra / B_inter experts at the IB cost of M.
   */
  @Reference(id = "ep_max_experts_same_cost", symbols = {"M_node", "B_intra", "B_inter"})
  public static double maxExpertsAtSameCost(double nodes, double intraBandwidth, double interBandwidth) {
    return nodes * intraBandwidth / interBandwidth;
  }

  /**
   * Time of a flat EP all-to-all over the time of the expert GEMMs it feeds, per token per layer:
   * k d (e_disp + e_comb) (n_ep-1)/n_ep bytes over B_link against 2 k n_ffn d d_ff FLOP at P_peak.
   */
  @Reference(id = "ep_comm_compute_ratio",
      symbols = {"e_disp", "e_comb", "P_peak", "n_ffn", "d_ff", "B_link", "n_ep"})
  public static double commToCompute(double dispatchBytes, double combineBytes, double peak,
      double ffnMatrices, double expertWidth, double linkBandwidth, double expertParallel) {
    double seconds = (dispatchBytes + combineBytes) * (expertParallel - 1) / expertParallel
        / linkBandwidth;
    double compute = 2 * ffnMatrices * expertWidth / peak;
    return seconds / compute;
  }

  /**
   * Model states per GPU: routed-expert weights split over EP and PP, the rest over TP and PP, each
   * with its gradient; optimizer states sharded (ZeRO-1) over every replica of each shard, which
   * spreads them evenly over all n_gpu GPUs.
   */
  @Reference(id = "moe_states_per_gpu",
      symbols = {"N_exp", "N_dense", "n_ep", "n_tp", "p", "e_w", "e_g", "k_opt", "n_gpu"})
  public static double statesPerGpu(double expertParams, double denseParams, double expertParallel,
      double tensorParallel, double stages, double weightBytes, double gradientBytes,
      double optimizerBytes, double gpus) {
    double local = expertParams / (expertParallel * stages) + denseParams / (tensorParallel * stages);
    return local * (weightBytes + gradientBytes) + optimizerBytes * (expertParams + denseParams) / gpus;
  }
}
