package org.llmsi.formulas;

/**
 * Collectives on the topologies a training cluster is built from, and the communication roofline:
 * when a parallelism's collective takes longer than the compute it serves.
 *
 * <p>Sources: in-network reduction (NVIDIA SHARP documentation, Introduction: the switch
 * aggregates, removing the need to send data several times between endpoints; NVLink SHARP, NVLS,
 * is the same offload inside an NVSwitch domain, NCCL issue 1031): each rank sends its buffer once
 * and receives the result once. A ring on a torus dimension has a link in each direction and sends
 * half the buffer each way (Google Cloud TPU v5p documentation: 3D torus, bidirectional ICI
 * bandwidth per chip). Hierarchical all-reduce: reduce-scatter inside the node, all-reduce of the
 * 1/g_node shard across nodes on each rail, all-gather inside the node (the rail-optimised layout
 * gives each GPU its own NIC). Compute per token per layer is 72 d^2 FLOP for a training step under
 * the 12 L d^2 parameter model; training is 6 N FLOP per token (the guide's flops_training). ZeRO-3 moves
 * 1.5 times the data-parallel volume (Rajbhandari et al. 2020, section 7.2.2).
 */
public final class CommunicationRoofline {
  private CommunicationRoofline() {}

  /** In-network all-reduce: one latency up, one down, the buffer once over the link. */
  @Reference(id = "innet_allreduce_time", symbols = {"Q", "B_link", "alpha_lat"})
  public static double inNetworkAllReduceTime(double bytes, double linkBytesPerSecond, double latency) {
    return 2 * latency + bytes / linkBytesPerSecond;
  }

  /** Ring all-reduce on a ring with both directions: half the buffer each way, (g-1)/g Q per link. */
  @Reference(id = "ring_allreduce_bidir_time", symbols = {"Q", "g", "B_link", "alpha_lat"})
  public static double bidirectionalRingAllReduceTime(
      double bytes, double ranks, double linkBytesPerSecond, double latency) {
    return Collectives.ringAllReduceTime(bytes / 2, ranks, linkBytesPerSecond, latency);
  }

  /** Hierarchical all-reduce over n_node nodes of g_node GPUs with one NIC per GPU. */
  @Reference(id = "hierarchical_allreduce_time",
      symbols = {"Q", "g_node", "n_node", "B_intra", "B_inter", "alpha_lat"})
  public static double hierarchicalAllReduceTime(double bytes, double perNode, double nodes,
      double intraBandwidth, double interBandwidth, double latency) {
    double intra = Collectives.ringReduceScatterTime(bytes, perNode, intraBandwidth, latency)
        + Collectives.ringAllGatherTime(bytes, perNode, intraBandwidth, latency);
    double inter = Collectives.ringAllReduceTime(bytes / perNode, nodes, interBandwidth, latency);
    return intra + inter;
  }

  /**
   * Tensor parallelism over a training step: per token per layer, four ring all-reduces of d e
   * bytes (two in the forward pass, two in the backward; Shoeybi et al. 2019, section 3) against
   * 72 d^2 / n_tp FLOP (6 FLOP per parameter of the 12 d^2 a layer holds).
   */
  @Reference(id = "tp_comm_compute_ratio", symbols = {"n_tp", "e", "P_peak", "d", "B_link"})
  public static double tensorParallelRatio(double tensorParallel, double bytesPerElement,
      double peak, double width, double linkBandwidth) {
    double comm = 4 * Collectives.ringAllReduceBytesPerRank(width * bytesPerElement, tensorParallel)
        / linkBandwidth;
    double compute = 72 * width * width / tensorParallel / peak;
    return comm / compute;
  }

  /** Data parallelism: gradient all-reduce over the 6 N n_tok FLOP of a GPU's step. */
  @Reference(id = "dp_comm_compute_ratio", symbols = {"n_dp", "e_g", "P_peak", "n_tok", "B_link"})
  public static double dataParallelRatio(double dataParallel, double gradientBytes, double peak,
      double tokensPerGpu, double linkBandwidth) {
    // N cancels: both the bytes and the FLOP are proportional to it.
    double comm = Collectives.ringAllReduceBytesPerRank(gradientBytes, dataParallel) / linkBandwidth;
    double compute = 6 * tokensPerGpu / peak;
    return comm / compute;
  }

  /** FSDP / ZeRO-3: two weight all-gathers and a gradient reduce-scatter, 3 (n-1)/n N e bytes. */
  @Reference(id = "fsdp_comm_compute_ratio", symbols = {"n_dp", "e", "P_peak", "n_tok", "B_link"})
  public static double fullyShardedRatio(double dataParallel, double bytesPerElement, double peak,
      double tokensPerGpu, double linkBandwidth) {
    double comm = 3 * (dataParallel - 1) / dataParallel * bytesPerElement / linkBandwidth;
    double compute = 6 * tokensPerGpu / peak;
    return comm / compute;
  }
  /**
   * The fewest tokens per GPU per optimizer step at which the gradient all-reduce of data
   * parallelism takes no longer than the step's 6 N n_tok FLOP: where {@link #dataParallelRatio}
   * equals one.
   */
  @Reference(id = "dp_min_tokens", symbols = {"n_dp", "e_g", "P_peak", "B_link"})
  public static double dataParallelMinTokens(double dataParallel, double gradientBytes, double peak,
      double linkBandwidth) {
    double commSecondsPerParameter =
        Collectives.ringAllReduceBytesPerRank(gradientBytes, dataParallel) / linkBandwidth;
    double computeSecondsPerParameterToken = 6 / peak;
    return commSecondsPerParameter / computeSecondsPerParameterToken;
  }
}
