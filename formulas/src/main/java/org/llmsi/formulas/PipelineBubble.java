package org.llmsi.formulas;

/**
 * Idle share ("bubble") of pipeline-parallel schedules with p stages and m micro-batches.
 *
 * <p>Convention: the bubble fraction is idle time over total time of a step, so it lies in
 * [0, 1). GPipe (Huang et al. 2019, section 2.3) gives (p-1)/(m+p-1). 1F1B (PipeDream-Flush,
 * Narayanan et al. 2021, section 2.2.1) reorders the work but keeps the same bubble, storing
 * activations of at most p micro-batches instead of m. The interleaved schedule with v model
 * chunks per device shrinks the bubble time by v (Narayanan et al. 2021, section 2.2.2). Megatron
 * quotes the bubble relative to the ideal time instead, (p-1)/m, which can exceed 1; see
 * {@link #bubbleOverIdeal}. All assume equal stage times and no communication cost.
 */
public final class PipelineBubble {
  private PipelineBubble() {}

  /** GPipe: (p-1)/(m+p-1) of the step is idle. */
  @Reference(id = "bubble_gpipe", symbols = {"p", "n_mb"})
  public static double gpipe(double stages, double microBatches) {
    return (stages - 1) / (microBatches + stages - 1);
  }

  /** 1F1B: the same idle share as GPipe. */
  @Reference(id = "bubble_1f1b", symbols = {"p", "n_mb"})
  public static double oneForwardOneBackward(double stages, double microBatches) {
    return (stages - 1) / (microBatches + stages - 1);
  }

  /**
   * Interleaved 1F1B with v chunks per device: (p-1)/(v m + p - 1), for m a multiple of p, as
   * Megatron-LM's implementation requires (README, "interleaved pipelining schedule"); the
   * simulation test draws only such m.
   */
  @Reference(id = "bubble_interleaved", symbols = {"p", "n_mb", "v"})
  public static double interleaved(double stages, double microBatches, double chunks) {
    return (stages - 1) / (chunks * microBatches + stages - 1);
  }

  /** Megatron's bubble time over ideal time, (p-1)/(v m) (Narayanan et al. 2021, section 2.2). */
  @Reference(id = "bubble_over_ideal", symbols = {"p", "n_mb", "v"})
  public static double bubbleOverIdeal(double stages, double microBatches, double chunks) {
    return (stages - 1) / (chunks * microBatches);
  }

  /** Micro-batches whose activations the first stage holds at once: m for GPipe, min(p, m) for 1F1B. */
  @Reference(id = "in_flight_1f1b", symbols = {"p", "n_mb"})
  public static double inFlightMicroBatches1F1B(double stages, double microBatches) {
    return Math.min(stages, microBatches);
  }
}
