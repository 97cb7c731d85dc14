package org.llmsi.formulas;

/**
 * Memory of the model states (weights, gradients, optimizer states) in data-parallel training,
 * replicated and sharded with ZeRO stages 1 to 3 / FSDP.
 *
 * <p>Source: Rajbhandari et al., "ZeRO: Memory Optimizations Toward Training Trillion Parameter
 * Models", SC 2020, sections 3.1 and 5.1: with mixed-precision Adam a parameter costs 2 bytes of
 * fp16/bf16 weight, 2 of gradient and K = 12 of optimizer state (fp32 master weight, momentum,
 * variance), 16 bytes in all. Convention: e_w and e_g are the bytes per parameter of the working
 * weights and gradients, k_opt every byte the optimizer keeps per parameter. Megatron-LM keeps an
 * fp32 gradient buffer for accumulation and reduction (Megatron Core "Distributed Optimizer" guide,
 * bytes-per-parameter table). When fp32 gradients are the gradient buffer, e_g = 4 (18 bytes; the
 * distributed optimizer's 6 + 12/d). When an fp32 copy sits beside half-precision gradients, it is
 * kept per shard with the optimizer state, k_opt = 16 (20 bytes; the distributed optimizer's
 * 4 + 16/d). The "16 vs 18 vs 20 bytes per parameter" of the literature is this choice.
 * FSDP's FULL_SHARD is ZeRO stage 3 (Zhao et al. 2023, "PyTorch FSDP", section 3).
 */
public final class TrainingMemory {
  private TrainingMemory() {}

  /** Bytes per parameter of the model states without sharding: e_w + e_g + k_opt. */
  @Reference(id = "bytes_per_parameter", symbols = {"e_w", "e_g", "k_opt"})
  public static double bytesPerParameter(double weightBytes, double gradientBytes, double optimizerBytes) {
    return weightBytes + gradientBytes + optimizerBytes;
  }

  /** Model states per GPU, replicated on every data-parallel rank. */
  @Reference(id = "model_states_bytes", symbols = {"N", "e_w", "e_g", "k_opt"})
  public static double replicated(
      double parameters, double weightBytes, double gradientBytes, double optimizerBytes) {
    return parameters * (weightBytes + gradientBytes + optimizerBytes);
  }

  /** ZeRO stage 1 (P_os): optimizer states sharded over n_dp ranks. */
  @Reference(id = "zero1_bytes", symbols = {"N", "e_w", "e_g", "k_opt", "n_dp"})
  public static double zeroStage1(
      double parameters, double weightBytes, double gradientBytes, double optimizerBytes,
      double dataParallel) {
    return parameters * (weightBytes + gradientBytes + optimizerBytes / dataParallel);
  }

  /** ZeRO stage 2 (P_os+g): optimizer states and gradients sharded. */
  @Reference(id = "zero2_bytes", symbols = {"N", "e_w", "e_g", "k_opt", "n_dp"})
  public static double zeroStage2(
      double parameters, double weightBytes, double gradientBytes, double optimizerBytes,
      double dataParallel) {
    return parameters * (weightBytes + (gradientBytes + optimizerBytes) / dataParallel);
  }

  /** ZeRO stage 3 (P_os+g+p) / FSDP full shard: everything sharded. */
  @Reference(id = "zero3_bytes", symbols = {"N", "e_w", "e_g", "k_opt", "n_dp"})
  public static double zeroStage3(
      double parameters, double weightBytes, double gradientBytes, double optimizerBytes,
      double dataParallel) {
    return parameters * (weightBytes + gradientBytes + optimizerBytes) / dataParallel;
  }
  /**
   * Peak model-state memory per GPU under FSDP full sharding with prefetching: the sharded states,
   * plus the gathered weights of the unit being computed and of the next unit, prefetched (the rate
   * limiter allows at most two all-gathers in flight; Zhao et al. 2023, section 3.4.2), plus the
   * unsharded gradient of the current unit before its reduce-scatter (sections 3 and 3.2.3). Section
   * 3.2.1 bounds the parameter part by the sharded model plus the largest unit.
   */
  @Reference(id = "fsdp_peak_bytes", symbols = {"N", "e_w", "e_g", "k_opt", "n_dp", "N_unit"})
  public static double fsdpPeak(
      double parameters, double weightBytes, double gradientBytes, double optimizerBytes,
      double dataParallel, double unitParameters) {
    double sharded = zeroStage3(parameters, weightBytes, gradientBytes, optimizerBytes, dataParallel);
    double gatheredWeights = 2 * unitParameters * weightBytes; // current unit and the prefetched next
    double unshardedGradient = unitParameters * gradientBytes;
    return sharded + gatheredWeights + unshardedGradient;
  }
  /**
   * The fewest accelerators whose memory holds the model states once they are sharded over all of
   * them (ZeRO stage 3): the smallest whole n with N (e_w + e_g + k_opt) / n at most M_gpu.
   * Rajbhandari et al. 2020, section 5.4: with stage 3, 64 GPUs of 32 GB hold a 128B model.
   */
  @Reference(id = "min_gpus_for_states", symbols = {"N", "e_w", "e_g", "k_opt", "M_gpu"})
  public static double fewestGpusForStates(
      double parameters, double weightBytes, double gradientBytes, double optimizerBytes,
      double gpuBytes) {
    return Math.ceil(replicated(parameters, weightBytes, gradientBytes, optimizerBytes) / gpuBytes);
  }
}
