package org.llmsi.formulas;

/**
 * Cost of serving tokens: what the accelerators cost per second over the tokens they produce per
 * second. c_gpu is the price of one accelerator in USD per second (an hourly price / 3600);
 * R_tok the sustained output tokens per second of the n_gpu accelerators serving together.
 */
public final class ServingCost {
  private ServingCost() {}

  /** USD per token. */
  @Reference(id = "cost_per_token", symbols = {"c_gpu", "n_gpu", "R_tok"})
  public static double costPerToken(double dollarsPerSecond, double accelerators, double tokensPerSecond) {
    return dollarsPerSecond * accelerators / tokensPerSecond;
  }

  /** USD per million tokens, the unit price lists use. */
  @Reference(id = "cost_per_million_tokens", symbols = {"c_gpu", "n_gpu", "R_tok"})
  public static double costPerMillionTokens(
      double dollarsPerSecond, double accelerators, double tokensPerSecond) {
    return 1e6 * dollarsPerSecond * accelerators / tokensPerSecond;
  }
}
