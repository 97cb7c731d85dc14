package org.llmsi.formulas;

/**
 * Bytes each GPU sends per training step under data, tensor, sequence, pipeline and expert
 * parallelism, and the resulting time under the ring model of {@link Collectives}.
 *
 * <p>Sources: data parallelism all-reduces the gradients once per step (Li et al., "PyTorch
 * Distributed", VLDB 2020); Megatron tensor parallelism does two all-reduces of the
 * s b d activations per layer in the forward pass and two in the backward pass (Shoeybi et al.
 * 2019, "Megatron-LM", section 3, Figure 4); sequence parallelism replaces each all-reduce by an
 * all-gather and a reduce-scatter of the same total volume (Korthikanti et al. 2023, section 4.2.2);
 * pipeline parallelism sends one micro-batch activation forward and one gradient backward per
 * stage boundary (Huang et al. 2019, "GPipe", section 2.3); expert parallelism does an all-to-all
 * to dispatch and one to combine per MoE layer and pass (Lepikhin et al. 2021, "GShard";
 * section not confirmed by the second reader, so none is given). e is bytes per element of what is sent.
 */
public final class ParallelismCommunication {
  private ParallelismCommunication() {}

  /** Data parallelism: ring all-reduce of N gradients of e_g bytes: 2 (n_dp-1)/n_dp N e_g. */
  @Reference(id = "dp_bytes_per_step", symbols = {"N", "e_g", "n_dp"})
  public static double dataParallelBytes(double parameters, double gradientBytes, double dataParallel) {
    return 2 * (dataParallel - 1) / dataParallel * parameters * gradientBytes;
  }

  /**
   * Hybrid sharding (HSDP; Zhao et al. 2023, section 3.2.2): states sharded over the g_node GPUs of
   * a node and replicated across n_node nodes. The all-gathers and the reduce-scatter stay inside
   * the node; what crosses nodes is one ring all-reduce, over the n_node replicas, of each GPU's
   * gradient shard of N e_g / g_node bytes.
   */
  @Reference(id = "hsdp_cross_node_bytes", symbols = {"N", "e_g", "g_node", "n_node"})
  public static double hybridShardingCrossNodeBytes(
      double parameters, double gradientBytes, double gpusPerNode, double nodes) {
    double shard = parameters * gradientBytes / gpusPerNode;
    return Collectives.ringAllReduceBytesPerRank(shard, nodes);
  }

  /** Data parallelism: gradient all-reduce time per step, not overlapped with compute. */
  @Reference(id = "dp_time_per_step", symbols = {"N", "e_g", "n_dp", "B_link", "alpha_lat"})
  public static double dataParallelTime(
      double parameters, double gradientBytes, double dataParallel, double linkBytesPerSecond,
      double latency) {
    return Collectives.ringAllReduceTime(
        parameters * gradientBytes, dataParallel, linkBytesPerSecond, latency);
  }

  /** Tensor parallelism: 4 ring all-reduces of s b d e bytes per layer per step. */
  @Reference(id = "tp_bytes_per_step", symbols = {"L", "s", "b", "d", "e", "n_tp"})
  public static double tensorParallelBytes(
      double layers, double sequence, double batch, double d, double bytesPerElement,
      double tensorParallel) {
    return 4 * layers * 2 * (tensorParallel - 1) / tensorParallel
        * sequence * batch * d * bytesPerElement;
  }

  /**
   * Tensor plus sequence parallelism: 4 all-gathers and 4 reduce-scatters of s b d e bytes per
   * layer per step - the same volume as plain tensor parallelism.
   */
  @Reference(id = "tp_sp_bytes_per_step", symbols = {"L", "s", "b", "d", "e", "n_tp"})
  public static double tensorSequenceParallelBytes(
      double layers, double sequence, double batch, double d, double bytesPerElement,
      double tensorParallel) {
    double perCollective = (tensorParallel - 1) / tensorParallel * sequence * batch * d * bytesPerElement;
    return layers * (4 * perCollective + 4 * perCollective);
  }

  /** Tensor parallelism: time of the step's all-reduces, 4 L of them. */
  @Reference(id = "tp_time_per_step", symbols = {"L", "s", "b", "d", "e", "n_tp", "B_link", "alpha_lat"})
  public static double tensorParallelTime(
      double layers, double sequence, double batch, double d, double bytesPerElement,
      double tensorParallel, double linkBytesPerSecond, double latency) {
    return 4 * layers * Collectives.ringAllReduceTime(
        sequence * batch * d * bytesPerElement, tensorParallel, linkBytesPerSecond, latency);
  }

  /**
   * Pipeline parallelism: bytes one stage boundary carries per step, m micro-batches of b
   * sequences, an activation forward and a gradient backward each: 2 m s b d e.
   */
  @Reference(id = "pp_bytes_per_step", symbols = {"n_mb", "s", "b", "d", "e"})
  public static double pipelineBytes(
      double microBatches, double sequence, double microBatchSize, double d, double bytesPerElement) {
    return 2 * microBatches * sequence * microBatchSize * d * bytesPerElement;
  }

  /**
   * Expert parallelism: each MoE layer sends every token's hidden state to k_exp experts and back,
   * in the forward and the backward pass (4 all-to-alls); a rank keeps the 1/n_ep share that
   * stays local: 4 L_moe (n_ep-1)/n_ep s b k_exp d e.
   */
  @Reference(id = "ep_bytes_per_step", symbols = {"L_moe", "s", "b", "k_exp", "d", "e", "n_ep"})
  public static double expertParallelBytes(
      double moeLayers, double sequence, double batch, double expertsPerToken, double d,
      double bytesPerElement, double expertParallel) {
    return 4 * moeLayers * (expertParallel - 1) / expertParallel
        * sequence * batch * expertsPerToken * d * bytesPerElement;
  }
}
