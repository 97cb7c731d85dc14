package org.llmsi.formulas;

/**
 * Activation memory of one transformer layer stored for the backward pass, in bytes.
 *
 * <p>Two baselines. The FlashAttention-era one ({@code activations_flash_*}) describes a Llama-style
 * layer: RMSNorm, grouped-query attention computed by a fused kernel that keeps only its inputs Q,
 * K, V and its output O (Dao et al. 2022, FlashAttention, section 3.1: the output and the softmax
 * statistics are stored, S and P are recomputed in the backward pass), no dropout, and an MLP of
 * n_ffn matrices (a SwiGLU keeps its gate input, the SiLU output, the up projection and their
 * product: four tensors of width d_ff; a GELU MLP keeps two). Per token it stores e (4 d +
 * 2 (n_h + n_kv) d_head + 2 (n_ffn - 1) d_ff) bytes, where 4d are the inputs and outputs of the two
 * norms, the part tensor parallelism without sequence parallelism leaves replicated. Per-row
 * statistics (each norm's reciprocal RMS, the attention kernel's log-sum-exp) are left out, as
 * Korthikanti et al. leave out the layer norm's mean and variance (section 4). The tests derive
 * it tensor by tensor.
 *
 * <p>The historical baseline ({@code activations_tp*}), a GPT-3-style layer that stores its softmax
 * output and dropout masks. Source: Korthikanti et al., "Reducing Activation Recomputation in Large
 * Transformer Models", MLSys 2023, section 4 and Table 2: with 16-bit activations and 1-byte dropout masks one layer
 * stores s b d (34 + 5 n_h s / d) bytes; tensor parallelism of degree n_tp shards all but 10 s b d
 * of it (the layer-norm and dropout inputs); sequence parallelism shards those too; selective
 * recomputation drops the 5 n_h s^2 b attention term; full recomputation keeps only the 2 s b d
 * bytes of the layer input. The constants assume that layout, so e is not a parameter.
 */
public final class ActivationMemory {
  private ActivationMemory() {}

  /**
   * One Llama-style layer with a fused (FlashAttention) kernel and no dropout, tensor parallelism of
   * degree n_tp without sequence parallelism: the norm inputs and outputs (4 d elements per token)
   * stay replicated, the attention and MLP tensors are split. Assumes n_tp divides n_kv.
   */
  @Reference(
      id = "activations_flash_tp",
      symbols = {"s", "b", "e", "d", "n_h", "n_kv", "d_head", "d_ff", "n_ffn", "n_tp"})
  public static double flashTensorParallel(
      double sequence, double batch, double bytesPerElement, double d, double heads,
      double kvHeads, double headDim, double ffnWidth, double ffnMatrices, double tensorParallel) {
    double replicated = 4 * d;
    double split = 2 * (heads + kvHeads) * headDim + 2 * (ffnMatrices - 1) * ffnWidth;
    return sequence * batch * bytesPerElement * (replicated + split / tensorParallel);
  }

  /** The same layer with sequence parallelism as well: everything divided by n_tp. */
  @Reference(
      id = "activations_flash_tp_sp",
      symbols = {"s", "b", "e", "d", "n_h", "n_kv", "d_head", "d_ff", "n_ffn", "n_tp"})
  public static double flashTensorSequenceParallel(
      double sequence, double batch, double bytesPerElement, double d, double heads,
      double kvHeads, double headDim, double ffnWidth, double ffnMatrices, double tensorParallel) {
    return flashTensorParallel(sequence, batch, bytesPerElement, d, heads, kvHeads, headDim,
        ffnWidth, ffnMatrices, 1) / tensorParallel;
  }

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
  /**
   * Activations of all L layers a GPU holds under recomputation, one micro-batch: every layer keeps
   * c_ckpt tensors of s x b x d (the layer input alone for c_ckpt = 1; Korthikanti et al. 2022,
   * Table 2, last row, counts that input whole on every tensor-parallel rank), and in the backward
   * pass one layer at a time is recomputed and holds its full activations, here with tensor and
   * sequence parallelism ({@link #flashTensorSequenceParallel}).
   */
  @Reference(
      id = "activations_checkpointed",
      symbols = {"L", "c_ckpt", "s", "b", "e", "d", "n_h", "n_kv", "d_head", "d_ff", "n_ffn", "n_tp"})
  public static double checkpointedModel(
      double layers, double checkpointsPerLayer, double sequence, double batch,
      double bytesPerElement, double d, double heads, double kvHeads, double headDim,
      double ffnWidth, double ffnMatrices, double tensorParallel) {
    double checkpoints = layers * checkpointsPerLayer * sequence * batch * d * bytesPerElement;
    double recomputedLayer = flashTensorSequenceParallel(sequence, batch, bytesPerElement, d, heads,
        kvHeads, headDim, ffnWidth, ffnMatrices, tensorParallel);
    return checkpoints + recomputedLayer;
  }

  /**
   * The output logits of one micro-batch, one copy: s b V elements of e bytes. A loss computed in
   * fp32 from bf16 logits holds a 4-byte copy beside the 2-byte one (Hugging Face transformers,
   * {@code loss_utils.py}, {@code ForCausalLMLoss}: "logits = logits.float()").
   */
  @Reference(id = "logits_bytes", symbols = {"s", "b", "V", "e"})
  public static double logits(double sequence, double batch, double vocabulary, double bytesPerElement) {
    return sequence * batch * vocabulary * bytesPerElement;
  }
}
