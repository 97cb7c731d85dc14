package org.llmsi.formulas;

/**
 * Idle time and activation memory of the pipeline schedules a 2026 training stack chooses from,
 * with the backward pass split into B (gradient of the input) and W (gradient of the weights).
 *
 * <p>Times are per micro-batch per stage: t_f the forward, t_b the input-gradient part of the
 * backward, t_w its weight-gradient part (a full backward is t_b + t_w), t_fb one forward chunk and
 * one backward chunk run overlapped (DualPipe). Bubbles are the idle time of one device per step.
 *
 * <p>Sources: DeepSeek-V3 Technical Report (arXiv:2412.19437), section 3.2.1, Table 2, which
 * writes B for the full backward: 1F1B (PP-1)(F+B), ZB1P (PP-1)(F+B-2W), DualPipe
 * (PP/2-1)(F&amp;B+B-3W); activation memory PP, PP, PP+1 micro-batches; parameters 1x, 1x, 2x.
 * Qi, Wan, Huang, Lin, "Zero Bubble Pipeline Parallelism" (ICLR 2024, arXiv:2401.10241), section
 * 2.1 (ZB-H1: same peak memory as 1F1B, a third of its bubble when the three passes take equal
 * time); the authors' repository README (sail-sg/zero-bubble-pipeline-parallelism) tabulates the
 * bubble rate (p-1)/m for 1F1B and (p-1)/(3m) for ZB1P. The interleaved schedule's stash is read
 * off Megatron-LM's order (Narayanan et al. 2021, section 2.2.2) in the tests' simulation.
 */
public final class PipelineSchedules {
  private PipelineSchedules() {}

  /** 1F1B: each device idles (p-1) forward-plus-full-backward slots per step. */
  @Reference(id = "bubble_time_1f1b", symbols = {"p", "t_f", "t_b", "t_w"})
  public static double bubble1F1B(double stages, double forward, double backwardInput,
      double backwardWeights) {
    return (stages - 1) * (forward + backwardInput + backwardWeights);
  }

  /**
   * ZB-H1: the weight-gradient passes that 1F1B runs at once are deferred to fill the drain, so
   * (p-1)(t_f + t_b - t_w) remain idle. Holds while t_w is at most t_f and t_b (the paper takes
   * the three equal); otherwise the warm-up forwards and the chain of B passes are floors, and the
   * tests' simulation idles (p-1) max(t_f + t_b - t_w, t_f, t_b).
   */
  @Reference(id = "bubble_time_zb_h1", symbols = {"p", "t_f", "t_b", "t_w"})
  public static double bubbleZbH1(double stages, double forward, double backwardInput,
      double backwardWeights) {
    return (stages - 1) * (forward + backwardInput - backwardWeights);
  }

  /** DualPipe (DeepSeek-V3, Table 2), with its full backward written as t_b + t_w. */
  @Reference(id = "bubble_time_dualpipe", symbols = {"p", "t_fb", "t_b", "t_w"})
  public static double bubbleDualPipe(double stages, double overlappedForwardBackward,
      double backwardInput, double backwardWeights) {
    double fullBackward = backwardInput + backwardWeights;
    return (stages / 2 - 1) * (overlappedForwardBackward + fullBackward - 3 * backwardWeights);
  }

  /** The idle share of a step: bubble over bubble plus the n_mb micro-batches of work. */
  @Reference(id = "bubble_share", symbols = {"t_bubble", "n_mb", "t_f", "t_b", "t_w"})
  public static double bubbleShare(double bubble, double microBatches, double forward,
      double backwardInput, double backwardWeights) {
    double work = microBatches * (forward + backwardInput + backwardWeights);
    return bubble / (bubble + work);
  }

  /**
   * Interleaved 1F1B: activations the first device holds at its peak, in micro-batches of its
   * whole stage. It runs 2(p-1) + (v-1)p + 1 chunk forwards before its first backward, each chunk
   * a 1/v share of the stage: p + (p-1)/v (n_mb a multiple of p, at least 2p).
   */
  @Reference(id = "in_flight_interleaved", symbols = {"p", "v"})
  public static double inFlightInterleaved(double stages, double chunks) {
    return stages + (stages - 1) / chunks;
  }

  /** DualPipe: p + 1 micro-batches of activations at the peak (DeepSeek-V3, Table 2). */
  @Reference(id = "in_flight_dualpipe", symbols = {"p"})
  public static double inFlightDualPipe(double stages) {
    return stages + 1;
  }
}
