package org.llmsi.formulas;

/**
 * Activation memory of one transformer layer stored for the backward pass, in bytes.
 *
 * <p>Source: Korthikanti et al., "Reducing Activation Recomputation in Large Transformer Models",
 * MLSys 2023, section 4 and Table 2: with 16-bit activations and 1-byte dropout masks one layer
 * stores s b d (34 + 5 n_h s / d) bytes; tensor parallelism of degree n_tp shards all but 10 s b d
 * of it (the layer-norm and dropout inputs); sequence parallelism shards those too; selective
 * recomputation drops the 5 n_h s^2 b attention term; full recomputation keeps only the 2 s b d
 * bytes of the layer input. The constants assume that layout, so e is not a parameter.
 */
public final class ActivationMemory {
  private ActivationMemory() {}

  /** One layer, tensor parallelism of degree n_tp without sequence parallelism (n_tp = 1: none). */
  @Reference(id = "activations_tp", symbols = {"s", "b", "d", "n_h", "n_tp"})
  public static double tensorParallel(
      double sequence, double batch, double d, double heads, double tensorParallel) {
    return sequence * batch * d
        * (10 + 24 / tensorParallel + 5 * heads * sequence / (d * tensorParallel));
  }

  /** One layer, tensor plus sequence parallelism: everything divided by n_tp. */
  @Reference(id = "activations_tp_sp", symbols = {"s", "b", "d", "n_h", "n_tp"})
  public static double tensorSequenceParallel(
      double sequence, double batch, double d, double heads, double tensorParallel) {
    return sequence * batch * d / tensorParallel * (34 + 5 * heads * sequence / d);
  }

  /** One layer, tensor parallelism with selective recomputation of the attention core. */
  @Reference(id = "activations_tp_selective", symbols = {"s", "b", "d", "n_tp"})
  public static double tensorParallelSelective(
      double sequence, double batch, double d, double tensorParallel) {
    return sequence * batch * d * (10 + 24 / tensorParallel);
  }

  /** One layer, tensor and sequence parallelism with selective recomputation: 34 s b d / n_tp. */
  @Reference(id = "activations_tp_sp_selective", symbols = {"s", "b", "d", "n_tp"})
  public static double tensorSequenceParallelSelective(
      double sequence, double batch, double d, double tensorParallel) {
    return 34 * sequence * batch * d / tensorParallel;
  }

  /** One layer with full recomputation: only the 16-bit layer input, 2 s b d. */
  @Reference(id = "activations_full_recompute", symbols = {"s", "b", "d"})
  public static double fullRecompute(double sequence, double batch, double d) {
    return 2 * sequence * batch * d;
  }
}
