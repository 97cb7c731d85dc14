package org.llmsi.formulas;

/**
 * Compute-optimal scaling (Chinchilla).
 *
 * <p>Source: Hoffmann et al., "Training Compute-Optimal Large Language Models", NeurIPS 2022,
 * section 3.3: the parametric loss L(N, D) = E + A / N^alpha + B / D^beta, fitted (Appendix D.2)
 * with E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28, and its minimum under
 * C = 6 N D (the efficient-frontier equation of section 3.3):
 * N_opt = G (C/6)^a, D_opt = G^-1 (C/6)^b with G = (alpha A / (beta B))^(1/(alpha+beta)),
 * a = beta/(alpha+beta), b = alpha/(alpha+beta). The constants are the rounded values the paper
 * prints; with them a = 0.452, while Table 2 prints 0.46 for the same approach (Besiroglu et al.
 * 2024, "Chinchilla Scaling: A replication attempt", discuss the mismatch).
 */
public final class ScalingLaws {
  private ScalingLaws() {}

  /** Irreducible loss E (nats per token). */
  public static final double E = 1.69;
  /** Parameter term coefficient A. */
  public static final double A = 406.4;
  /** Data term coefficient B. */
  public static final double B = 410.7;
  /** Parameter exponent alpha. */
  public static final double ALPHA = 0.34;
  /** Data exponent beta. */
  public static final double BETA = 0.28;

  /** Predicted final loss of N parameters trained on D tokens. */
  @Reference(id = "chinchilla_loss", symbols = {"N", "D"})
  public static double loss(double parameters, double tokens) {
    return E + A / Math.pow(parameters, ALPHA) + B / Math.pow(tokens, BETA);
  }

  /** Loss-minimising parameter count for a budget of C FLOP. */
  @Reference(id = "chinchilla_params", symbols = {"C"})
  public static double optimalParameters(double computeFlops) {
    double g = Math.pow(ALPHA * A / (BETA * B), 1 / (ALPHA + BETA));
    return g * Math.pow(computeFlops / 6, BETA / (ALPHA + BETA));
  }

  /** Loss-minimising token count for a budget of C FLOP. */
  @Reference(id = "chinchilla_tokens", symbols = {"C"})
  public static double optimalTokens(double computeFlops) {
    double g = Math.pow(ALPHA * A / (BETA * B), 1 / (ALPHA + BETA));
    return Math.pow(computeFlops / 6, ALPHA / (ALPHA + BETA)) / g;
  }

  /** Tokens per parameter, D / N (about 20 at the Chinchilla optimum, Table 3). */
  @Reference(id = "tokens_per_parameter", symbols = {"D", "N"})
  public static double tokensPerParameter(double tokens, double parameters) {
    return tokens / parameters;
  }

  // ---- Beyond the Chinchilla fit: any fitted power law, repeated data, inference ----------------

  /**
   * A compute-optimal power law X*(C) = A C^a with C in FLOP, as Llama 3 fits the optimal number of
   * training tokens (Dubey et al. 2024, arXiv:2407.21783, section 3.2.1: N*(C) = A C^alpha,
   * (alpha, A) = (0.53, 0.29); Figure 3 legend: 0.537 and 0.299).
   */
  @Reference(id = "power_law_optimum", symbols = {"A_pl", "C", "a_pl"})
  public static double powerLawOptimum(double coefficient, double computeFlops, double exponent) {
    return coefficient * Math.exp(exponent * Math.log(computeFlops));
  }

  /**
   * Effective data of U unique tokens seen 1 + R times (Muennighoff et al. 2023, "Scaling
   * Data-Constrained Language Models", NeurIPS 2023, arXiv:2305.16264, the effective-data equation as printed in the authors' repository and slides):
   * D' = U + U R* (1 - exp(-R / R*)); the authors fit R*_D = 15.387756 (their repository's README,
   * "Parametric Fit").
   */
  @Reference(id = "effective_data", symbols = {"U_D", "R_rep", "R_star"})
  public static double effectiveData(double uniqueTokens, double repetitions, double decay) {
    return uniqueTokens * (1 + decay * -Math.expm1(-repetitions / decay));
  }

  /**
   * Training tokens at which Chinchilla's data term B / D^beta falls to a given value: the inverse
   * of the third term of {@link #loss}, used to find the data a model needs to reach a loss.
   */
  @Reference(id = "tokens_for_data_term", symbols = {"dL_D"})
  public static double tokensForDataTerm(double dataTerm) {
    return Math.pow(B / dataTerm, 1 / BETA);
  }

  /**
   * Training plus inference FLOPs over a model's life, 6 N D + 2 N D_inf: the objective Sardana et
   * al. minimise at a fixed loss ("Beyond Chinchilla-Optimal", ICML 2024, arXiv:2401.00448).
   */
  @Reference(id = "lifetime_compute", symbols = {"N", "D", "D_inf"})
  public static double lifetimeCompute(double parameters, double trainingTokens, double inferenceTokens) {
    return TransformerFlops.trainingCompute(parameters, trainingTokens)
        + 2 * parameters * inferenceTokens;
  }
}
