package org.llmsi.formulas;

/**
 * Checkpointing a long training job that is interrupted at random: how often to checkpoint and what
 * fraction of the run checkpoints, lost work and restarts cost.
 *
 * <p>First-order model (J. W. Young, "A first order approximation to the optimum checkpoint
 * interval", Communications of the ACM 17(9), 1974): the job computes for tau, then blocks for
 * t_ckpt to write a checkpoint; interruptions arrive at random with mean spacing MTBF, and each one
 * loses on average half an interval of work plus the restart. Valid while t_ckpt and tau are small
 * against the MTBF.
 */
public final class Reliability {
  private Reliability() {}

  /** Young's interval sqrt(2 t_ckpt MTBF), the minimum of {@link #checkpointOverhead}. */
  @Reference(id = "young_interval", symbols = {"t_ckpt", "mtbf"})
  public static double youngInterval(double checkpointSeconds, double mtbfSeconds) {
    return Math.sqrt(2 * checkpointSeconds * mtbfSeconds);
  }

  /**
   * Fraction of the run lost: writing checkpoints (t_ckpt per interval tau), half an interval of
   * recomputed work per interruption, and the restart per interruption.
   */
  @Reference(id = "checkpoint_overhead", symbols = {"t_ckpt", "tau_ckpt", "mtbf", "t_restart"})
  public static double checkpointOverhead(
      double checkpointSeconds, double intervalSeconds, double mtbfSeconds, double restartSeconds) {
    double writing = checkpointSeconds / intervalSeconds;
    double perInterruption = intervalSeconds / 2 + restartSeconds;
    return writing + perInterruption / mtbfSeconds;
  }
}
