package org.llmsi.formulas;

/**
 * Time of collective operations on g ranks under the latency-bandwidth (alpha-beta) model: a
 * message of n bytes over a link costs alpha_lat + n / B_link.
 *
 * <p>Source: R. Thakur, R. Rabenseifner, W. Gropp, "Optimization of Collective Communication
 * Operations in MPICH", IJHPCA 19(1), 2005 (ring all-gather, reduce-scatter and
 * all-reduce as reduce-scatter + all-gather; binomial-tree reduce and broadcast; pairwise
 * all-to-all); P. Patarasuk, X. Yuan, "Bandwidth optimal all-reduce algorithms for clusters of
 * workstations", JPDC 69(2), 2009 (the ring's 2(g-1)/g bytes per rank is optimal). Q is the size
 * of the full buffer each rank holds (all-reduce, all-to-all) or ends with (all-gather), or starts
 * with (reduce-scatter). B_link is the per-direction bandwidth of one rank's link, not the
 * bidirectional figure datasheets print. Reduction arithmetic is not timed.
 */
public final class Collectives {
  private Collectives() {}

  /** Bytes each rank sends in a ring all-reduce: 2 (g-1)/g Q. */
  @Reference(id = "ring_allreduce_bytes", symbols = {"Q", "g"})
  public static double ringAllReduceBytesPerRank(double bytes, double ranks) {
    return 2 * (ranks - 1) / ranks * bytes;
  }

  /** Ring all-reduce: 2(g-1) steps, each moving Q/g bytes per link. */
  @Reference(id = "ring_allreduce_time", symbols = {"Q", "g", "B_link", "alpha_lat"})
  public static double ringAllReduceTime(
      double bytes, double ranks, double linkBytesPerSecond, double latency) {
    return 2 * (ranks - 1) * latency + 2 * (ranks - 1) / ranks * bytes / linkBytesPerSecond;
  }

  /** Ring all-gather: (g-1) steps of Q/g bytes. */
  @Reference(id = "ring_allgather_time", symbols = {"Q", "g", "B_link", "alpha_lat"})
  public static double ringAllGatherTime(
      double bytes, double ranks, double linkBytesPerSecond, double latency) {
    return (ranks - 1) * latency + (ranks - 1) / ranks * bytes / linkBytesPerSecond;
  }

  /** Ring reduce-scatter: (g-1) steps of Q/g bytes, the mirror image of all-gather. */
  @Reference(id = "ring_reducescatter_time", symbols = {"Q", "g", "B_link", "alpha_lat"})
  public static double ringReduceScatterTime(
      double bytes, double ranks, double linkBytesPerSecond, double latency) {
    return (ranks - 1) * latency + (ranks - 1) / ranks * bytes / linkBytesPerSecond;
  }

  /**
   * All-reduce as a binomial-tree reduce then broadcast, unpipelined: 2 ceil(log2 g) (alpha + Q/B).
   * Each phase takes ceil(log2 g) rounds, log2 g when g is a power of two; a rank whose partner
   * lies beyond the last rank sits a round out. Latency-optimal, but it moves the whole buffer
   * every round, so the ring wins for large messages.
   */
  @Reference(id = "tree_allreduce_time", symbols = {"Q", "g", "B_link", "alpha_lat"})
  public static double treeAllReduceTime(
      double bytes, double ranks, double linkBytesPerSecond, double latency) {
    double rounds = 0;
    for (double span = 1; span < ranks; span *= 2) { // ceil(log2 g) without floating-point log
      rounds++;
    }
    return 2 * rounds * (latency + bytes / linkBytesPerSecond);
  }

  /** Pairwise all-to-all: each rank sends a Q/g slice to each of the g-1 others. */
  @Reference(id = "alltoall_time", symbols = {"Q", "g", "B_link", "alpha_lat"})
  public static double allToAllTime(
      double bytes, double ranks, double linkBytesPerSecond, double latency) {
    return (ranks - 1) * latency + (ranks - 1) / ranks * bytes / linkBytesPerSecond;
  }

  /**
   * The "bus bandwidth" NCCL's tests report for an all-reduce: algorithm bandwidth Q/t scaled by
   * 2(g-1)/g, so it compares with the link's bandwidth (NVIDIA nccl-tests, doc/PERFORMANCE.md).
   */
  @Reference(id = "allreduce_bus_bandwidth", symbols = {"Q", "t", "g"})
  public static double allReduceBusBandwidth(double bytes, double seconds, double ranks) {
    return bytes / seconds * 2 * (ranks - 1) / ranks;
  }
}
