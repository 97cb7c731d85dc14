package org.llmsi.formulas;

import org.llmsi.formulas.simulation.CollectiveSimulation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.same;
import static org.llmsi.formulas.Props.vec;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.llmsi.formulas.simulation.CollectiveSimulation.Run;
import org.llmsi.formulas.Props.Vec;
import org.quicktheories.core.Gen;

class CollectivesTest {

  // g, elements per chunk, bytes per element, B_link, alpha
  private static final Gen<Vec> RINGS = vec(count(1, 24), count(1, 40), count(1, 4),
      logUniform(1e9, 1e12), logUniform(1e-7, 1e-4));

  private static double[][] randomBuffers(int g, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] b = new double[g][n];
    for (double[] row : b) {
      for (int i = 0; i < n; i++) {
        row[i] = random.nextInt(-1000, 1000); // integers: sums are exact in any order
      }
    }
    return b;
  }

  /** Simulated time: every round costs one latency plus the round's bytes over the link. */
  private static double time(Run run, double bandwidth, double alpha) {
    return run.rounds() * (alpha + run.bytesPerRound() / bandwidth);
  }

  @Test
  void ringAllReduceSimulationReducesAndMatchesBytesAndTime() {
    forAll(501, 150, RINGS, v -> {
      int g = (int) v.get(0);
      int chunk = (int) v.get(1);
      double e = v.get(2);
      double[][] in = randomBuffers(g, g * chunk, 501 + g);
      Run run = CollectiveSimulation.ringAllReduce(in, chunk, e);
      double bytes = g * chunk * e; // Q: the full buffer each rank holds
      for (int i = 0; i < g * chunk; i++) {
        double sum = 0;
        for (double[] row : in) {
          sum += row[i];
        }
        for (double[] row : run.buffers()) {
          if (row[i] != sum) {
            return false;
          }
        }
      }
      for (double onLink : run.bytesOnLink()) {
        if (!same(onLink, Collectives.ringAllReduceBytesPerRank(bytes, g))) {
          return false;
        }
      }
      return same(time(run, v.get(3), v.get(4)),
          Collectives.ringAllReduceTime(bytes, g, v.get(3), v.get(4)))
          || (g == 1 && Collectives.ringAllReduceTime(bytes, g, v.get(3), v.get(4)) == 0);
    });
  }

  @Test
  void ringAllGatherSimulationGathersAndMatchesTime() {
    forAll(502, 150, RINGS, v -> {
      int g = (int) v.get(0);
      int chunk = (int) v.get(1);
      double[][] full = randomBuffers(1, g * chunk, 502 + g);
      double[][] in = new double[g][g * chunk];
      for (int r = 0; r < g; r++) {
        System.arraycopy(full[0], r * chunk, in[r], r * chunk, chunk);
      }
      Run run = CollectiveSimulation.ringAllGather(in, chunk, v.get(2));
      for (double[] row : run.buffers()) {
        if (!java.util.Arrays.equals(row, full[0])) {
          return false;
        }
      }
      double bytes = g * chunk * v.get(2);
      double closed = Collectives.ringAllGatherTime(bytes, g, v.get(3), v.get(4));
      return (g == 1 ? closed == 0 : same(time(run, v.get(3), v.get(4)), closed))
          && closed == Collectives.ringReduceScatterTime(bytes, g, v.get(3), v.get(4));
    });
  }

  @Test
  void reduceScatterPlusAllGatherIsTheRingAllReduce() {
    forAll(503, RINGS, v -> same(
        Collectives.ringReduceScatterTime(v.get(1), v.get(0), v.get(3), v.get(4))
            + Collectives.ringAllGatherTime(v.get(1), v.get(0), v.get(3), v.get(4)),
        Collectives.ringAllReduceTime(v.get(1), v.get(0), v.get(3), v.get(4)))
        || v.get(0) == 1);
  }

  @Test
  void allToAllSimulationTransposesAndMatchesBytesAndTime() {
    forAll(504, 150, RINGS, v -> {
      int g = (int) v.get(0);
      int chunk = (int) v.get(1);
      double e = v.get(2);
      double[][] in = randomBuffers(g, g * chunk, 504 + g);
      Run run = CollectiveSimulation.allToAll(in, chunk, e);
      for (int r = 0; r < g; r++) {
        for (int from = 0; from < g; from++) {
          for (int i = 0; i < chunk; i++) {
            if (run.buffers()[r][from * chunk + i] != in[from][r * chunk + i]) {
              return false;
            }
          }
        }
      }
      double bytes = g * chunk * e;
      double closed = Collectives.allToAllTime(bytes, g, v.get(3), v.get(4));
      return same(run.bytesOnLink()[0] + bytes / g, bytes)
          && (g == 1 ? closed == 0 : same(time(run, v.get(3), v.get(4)), closed));
    });
  }

  @Test
  void treeSimulationTakesTwoLogGRoundsOfTheWholeBuffer() {
    // Any g, not only powers of two: between them the tree needs the next whole round.
    forAll(505, 150, vec(count(1, 70), count(1, 64), logUniform(1e9, 1e12), logUniform(1e-7, 1e-4)),
        v -> {
          int g = (int) v.get(0);
          int n = (int) v.get(1);
          double[][] in = randomBuffers(g, n, 505 + g);
          Run run = CollectiveSimulation.treeAllReduce(in, 2);
          for (int i = 0; i < n; i++) {
            double sum = 0;
            for (double[] row : in) {
              sum += row[i];
            }
            for (double[] row : run.buffers()) {
              if (row[i] != sum) {
                return false;
              }
            }
          }
          double closed = Collectives.treeAllReduceTime(2.0 * n, g, v.get(2), v.get(3));
          return g == 1 ? closed == 0 : same(time(run, v.get(2), v.get(3)), closed);
        });
  }

  @Test
  void ringAllReduceApproachesTwiceTheBufferOverBandwidthAsTheRingGrows() {
    forAll(506, vec(logUniform(1, 1e12), logUniform(1e9, 1e12)), v -> {
      double limit = 2 * v.get(0) / v.get(1);
      double big = Collectives.ringAllReduceTime(v.get(0), 1e7, v.get(1), 0);
      double smaller = Collectives.ringAllReduceTime(v.get(0), 8, v.get(1), 0);
      return close(big, limit, 1e-6) && big <= limit && smaller < big
          && Collectives.ringAllReduceBytesPerRank(v.get(0), 2) == v.get(0);
    });
  }

  @Test
  void costsGrowWithBytesLatencyAndRanks() {
    forAll(507, vec(count(2, 1024), logUniform(1, 1e10), logUniform(1e9, 1e12), logUniform(1e-7, 1e-4)),
        v -> {
          double g = v.get(0);
          double q = v.get(1);
          double b = v.get(2);
          double a = v.get(3);
          return Collectives.ringAllReduceTime(2 * q, g, b, a) > Collectives.ringAllReduceTime(q, g, b, a)
              && Collectives.ringAllReduceTime(q, g + 1, b, a) > Collectives.ringAllReduceTime(q, g, b, a)
              && Collectives.ringAllReduceTime(q, g, b, 2 * a) > Collectives.ringAllReduceTime(q, g, b, a)
              && Collectives.ringAllReduceTime(q, g, 2 * b, a) < Collectives.ringAllReduceTime(q, g, b, a)
              && Collectives.allToAllTime(q, g, b, 2 * a) > Collectives.allToAllTime(q, g, b, a)
              && Collectives.treeAllReduceTime(q, g, b, 2 * a) > Collectives.treeAllReduceTime(q, g, b, a)
              && Collectives.ringAllGatherTime(q, g, b, 2 * a) > Collectives.ringAllGatherTime(q, g, b, a)
              && Collectives.ringReduceScatterTime(q, g, b, 2 * a) > Collectives.ringReduceScatterTime(q, g, b, a);
        });
  }

  @Test
  void busBandwidthOfALatencyFreeRingIsTheLinkBandwidth() {
    // nccl-tests defines busbw so that it is comparable to the hardware's link bandwidth.
    forAll(508, vec(count(2, 1024), logUniform(1, 1e12), logUniform(1e9, 1e12)), v -> {
      double t = Collectives.ringAllReduceTime(v.get(1), v.get(0), v.get(2), 0);
      return same(Collectives.allReduceBusBandwidth(v.get(1), t, v.get(0)), v.get(2));
    });
  }

  @Test
  void treeBeatsRingOnlyForSmallMessages() {
    // Latency-bound: the tree's 2 log2 g latencies beat the ring's 2(g-1); bandwidth-bound: the
    // ring's 2(g-1)/g Q beats the tree's 2 log2 g Q.
    double g = 64;
    double b = 100e9;
    double a = 5e-6;
    assertEquals(true, Collectives.treeAllReduceTime(8, g, b, a) < Collectives.ringAllReduceTime(8, g, b, a));
    assertEquals(true, Collectives.treeAllReduceTime(1e9, g, b, a) > Collectives.ringAllReduceTime(1e9, g, b, a));
  }

  // ---- Published figures -------------------------------------------------------------------
  // The sources of this topic print cost formulas, not numeric examples; these tests pin the
  // printed factors at one instance each (the instances are ours).

  @Test
  void ncclTestsBusBandwidthFactors() {
    // NVIDIA nccl-tests, doc/PERFORMANCE.md: busbw = algbw x 2(n-1)/n for all-reduce, and
    // x (n-1)/n for all-gather and reduce-scatter; at n = 8 that is 1.75 and 0.875.
    double q = 1e9;
    double t = 1;
    assertEquals(1.75 * q / t, Collectives.allReduceBusBandwidth(q, t, 8), 1e-6);
    double ag = Collectives.ringAllGatherTime(q, 8, 1e9, 0);
    assertEquals(0.875, ag * 1e9 / q, 1e-12);
  }

  @Test
  void patarasukYuanLowerBoundForAllReduce() {
    // Patarasuk & Yuan 2009: any all-reduce must send at least 2(p-1)/p N bytes per process
    // and the ring attains it; at p = 4 and N = 1 MB that is 1.5 MB.
    assertEquals(1.5e6, Collectives.ringAllReduceBytesPerRank(1e6, 4), 1e-6);
  }
}
