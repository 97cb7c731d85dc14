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

class CommunicationRooflineTest {

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

  private static double[] columnSums(double[][] in) {
    double[] sum = new double[in[0].length];
    for (double[] row : in) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += row[i];
      }
    }
    return sum;
  }

  @Test
  void inNetworkReductionSendsTheBufferOnceAgainstTheRingsTwoGMinusOneOverG() {
    forAll(1701, 100, vec(count(2, 64), count(1, 32), count(1, 4), logUniform(1e9, 1e12),
        logUniform(1e-7, 1e-4)), v -> {
      int g = (int) v.get(0);
      int chunk = (int) v.get(1);
      double e = v.get(2);
      double[][] in = randomBuffers(g, g * chunk, 1701 + g);
      // the switch: every rank streams its buffer up once, the switch adds, and multicasts the sum
      double[] up = new double[g];
      double[] down = new double[g];
      double[] reduced = new double[g * chunk];
      for (int r = 0; r < g; r++) {
        for (int i = 0; i < g * chunk; i++) {
          reduced[i] += in[r][i];
        }
        up[r] += g * chunk * e;
      }
      double[][] out = new double[g][];
      for (int r = 0; r < g; r++) {
        out[r] = reduced.clone();
        down[r] += g * chunk * e;
      }
      double q = g * chunk * e;
      Run ring = CollectiveSimulation.ringAllReduce(in, chunk, e);
      double[] sum = columnSums(in);
      for (int r = 0; r < g; r++) {
        for (int i = 0; i < sum.length; i++) {
          if (out[r][i] != sum[i] || ring.buffers()[r][i] != sum[i]) {
            return false;
          }
        }
      }
      // one round up, one round down, each moving the whole buffer over one rank's link
      double simulated = 2 * v.get(4) + Math.max(up[0], down[0]) / v.get(3);
      return close(simulated, CommunicationRoofline.inNetworkAllReduceTime(q, v.get(3), v.get(4)), 1e-12)
          && close(up[0] / ring.bytesOnLink()[0], g / (2.0 * (g - 1)), 1e-12);
    });
  }

  @Test
  void bidirectionalRingCarriesHalfOnEachDirectedLink() {
    forAll(1702, 100, vec(count(2, 24), count(1, 20), count(1, 4), logUniform(1e9, 1e12),
        logUniform(1e-7, 1e-4)), v -> {
      int g = (int) v.get(0);
      int chunk = (int) v.get(1);
      double e = v.get(2);
      double[][] in = randomBuffers(g, 2 * g * chunk, 1702 + g);
      double[][] first = new double[g][];
      double[][] second = new double[g][];
      for (int r = 0; r < g; r++) {
        first[r] = java.util.Arrays.copyOfRange(in[r], 0, g * chunk);
        // the second half runs on the ring numbered backwards: logical rank r is physical g-1-r
        second[r] = java.util.Arrays.copyOfRange(in[g - 1 - r], g * chunk, 2 * g * chunk);
      }
      Run clockwise = CollectiveSimulation.ringAllReduce(first, chunk, e);
      Run counter = CollectiveSimulation.ringAllReduce(second, chunk, e);
      double[] sum = columnSums(in);
      for (int r = 0; r < g; r++) {
        for (int i = 0; i < g * chunk; i++) {
          if (clockwise.buffers()[r][i] != sum[i] || counter.buffers()[g - 1 - r][i] != sum[g * chunk + i]) {
            return false;
          }
        }
      }
      // logical link r -> r+1 of the second ring is physical link (g-1-r) -> (g-2-r): the other way
      double q = 2 * g * chunk * e;
      for (int r = 0; r < g; r++) {
        if (!same(clockwise.bytesOnLink()[r], (g - 1.0) / g * q)
            || !same(counter.bytesOnLink()[r], (g - 1.0) / g * q)) {
          return false;
        }
      }
      double simulated = Math.max(clockwise.rounds() * (v.get(4) + clockwise.bytesPerRound() / v.get(3)),
          counter.rounds() * (v.get(4) + counter.bytesPerRound() / v.get(3)));
      return close(simulated,
          CommunicationRoofline.bidirectionalRingAllReduceTime(q, g, v.get(3), v.get(4)), 1e-12);
    });
  }

  @Test
  void hierarchicalAllReduceSimulationSumsAndMatchesTheClosedForm() {
    forAll(1703, 80, vec(count(1, 8), count(1, 8), count(1, 4), count(1, 4),
        logUniform(1e10, 1e12), logUniform(1e9, 1e11), logUniform(1e-7, 1e-4)), v -> {
      int perNode = (int) v.get(0);
      int nodes = (int) v.get(1);
      int sub = (int) v.get(2);
      double e = v.get(3);
      int chunk = nodes * sub; // a node-local chunk splits into one piece per node for the rails
      int n = perNode * chunk;
      double[][] flat = randomBuffers(perNode * nodes, n, 1703 + perNode * 31 + nodes);
      double[][][] buf = new double[nodes][perNode][];
      for (int x = 0; x < nodes; x++) {
        for (int r = 0; r < perNode; r++) {
          buf[x][r] = flat[x * perNode + r].clone();
        }
      }
      double intraBytes = 0; // sent by local rank 0 of node 0 over NVLink
      // 1. ring reduce-scatter inside each node: after it, local r owns reduced chunk (r+1) mod g
      for (int step = 0; step < perNode - 1; step++) {
        for (int x = 0; x < nodes; x++) {
          double[][] sent = new double[perNode][];
          for (int r = 0; r < perNode; r++) {
            int c = Math.floorMod(r - step, perNode);
            sent[r] = java.util.Arrays.copyOfRange(buf[x][r], c * chunk, (c + 1) * chunk);
          }
          for (int r = 0; r < perNode; r++) {
            int from = Math.floorMod(r - 1, perNode);
            int c = Math.floorMod(from - step, perNode);
            for (int i = 0; i < chunk; i++) {
              buf[x][r][c * chunk + i] += sent[from][i];
            }
          }
        }
        intraBytes += chunk * e;
      }
      // 2. on each rail (local rank r), ring all-reduce of its owned chunk across the nodes
      double interBytes = 0;
      int interRounds = 0;
      for (int r = 0; r < perNode; r++) {
        int c = Math.floorMod(r + 1, perNode);
        double[][] rail = new double[nodes][];
        for (int x = 0; x < nodes; x++) {
          rail[x] = java.util.Arrays.copyOfRange(buf[x][r], c * chunk, (c + 1) * chunk);
        }
        Run run = CollectiveSimulation.ringAllReduce(rail, sub, e);
        for (int x = 0; x < nodes; x++) {
          System.arraycopy(run.buffers()[x], 0, buf[x][r], c * chunk, chunk);
        }
        if (r == 0) {
          interBytes = run.bytesOnLink()[0];
          interRounds = run.rounds();
        }
      }
      // 3. ring all-gather inside each node of the owned chunks
      for (int step = 0; step < perNode - 1; step++) {
        for (int x = 0; x < nodes; x++) {
          double[][] sent = new double[perNode][];
          int[] which = new int[perNode];
          for (int r = 0; r < perNode; r++) {
            which[r] = Math.floorMod(r + 1 - step, perNode);
            sent[r] = java.util.Arrays.copyOfRange(buf[x][r], which[r] * chunk, (which[r] + 1) * chunk);
          }
          for (int r = 0; r < perNode; r++) {
            int from = Math.floorMod(r - 1, perNode);
            System.arraycopy(sent[from], 0, buf[x][r], which[from] * chunk, chunk);
          }
        }
        intraBytes += chunk * e;
      }
      double[] sum = columnSums(flat);
      for (int x = 0; x < nodes; x++) {
        for (int r = 0; r < perNode; r++) {
          for (int i = 0; i < n; i++) {
            if (buf[x][r][i] != sum[i]) {
              return false;
            }
          }
        }
      }
      double q = n * e;
      double alpha = v.get(6);
      double simulated = 2 * (perNode - 1) * (alpha + chunk * e / v.get(4))
          + interRounds * (alpha + sub * e / v.get(5));
      return same(intraBytes, 2.0 * (perNode - 1) / perNode * q)
          && same(interBytes + 1, 2.0 * (nodes - 1) / nodes * q / perNode + 1)
          && close(simulated, CommunicationRoofline.hierarchicalAllReduceTime(
              q, perNode, nodes, v.get(4), v.get(5), alpha), 1e-9);
    });
  }

  @Test
  void tensorParallelRatioIsTheStepsAllReducesOverItsFlops() {
    // Chapter 6's tensor-parallel time (4 L ring all-reduces of s b d e) over the training FLOP of a
    // 12 L d^2 model for s b tokens split n_tp ways.
    forAll(1704, vec(count(1, 80), count(1, 8192), count(1, 16), count(64, 32768), count(1, 4),
        count(2, 64), logUniform(1e13, 1e16), logUniform(1e9, 1e12)), v -> {
      double layers = v.get(0);
      double tokens = v.get(1) * v.get(2);
      double d = v.get(3);
      double comm = ParallelismCommunication.tensorParallelTime(
          layers, v.get(1), v.get(2), d, v.get(4), v.get(5), v.get(7), 0);
      double compute = TransformerFlops.trainingPerToken(12 * layers * d * d) * tokens / v.get(5) / v.get(6);
      return close(comm / compute,
          CommunicationRoofline.tensorParallelRatio(v.get(5), v.get(4), v.get(6), d, v.get(7)), 1e-9);
    });
  }

  @Test
  void dataParallelAndFullyShardedRatiosMatchTheirCollectivesOverSixNFlop() {
    forAll(1705, vec(logUniform(1e6, 1e12), count(2, 16384), count(1, 4), logUniform(1e13, 1e16),
        count(1, 1_000_000), logUniform(1e9, 1e12)), v -> {
      double n = v.get(0);
      double ranks = v.get(1);
      double e = v.get(2);
      double compute = TransformerFlops.trainingPerToken(n) * v.get(4) / v.get(3);
      double dp = ParallelismCommunication.dataParallelTime(n, e, ranks, v.get(5), 0);
      double fsdp = 2 * Collectives.ringAllGatherTime(n * e, ranks, v.get(5), 0)
          + Collectives.ringReduceScatterTime(n * e, ranks, v.get(5), 0);
      return close(dp / compute,
              CommunicationRoofline.dataParallelRatio(ranks, e, v.get(3), v.get(4), v.get(5)), 1e-9)
          && close(fsdp / compute,
              CommunicationRoofline.fullyShardedRatio(ranks, e, v.get(3), v.get(4), v.get(5)), 1e-9);
    });
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void zeroThreeMovesOneAndAHalfTimesTheDataParallelVolume() {
    // Rajbhandari et al. 2020 (ZeRO), section 7.2.2: parameter all-gathers in the forward and the
    // backward pass plus the gradient reduce-scatter, 3 Psi in all, 1.5x the baseline DP's 2 Psi.
    for (int n : new int[] {2, 8, 64, 1024}) {
      assertEquals(1.5, CommunicationRoofline.fullyShardedRatio(n, 2, 1e15, 4096, 5e10)
          / CommunicationRoofline.dataParallelRatio(n, 2, 1e15, 4096, 5e10), 1e-12);
    }
  }

  @Test
  void ncclBusBandwidthOfAnInNetworkAllReduceExceedsTheLinkRate() {
    // nccl-tests (doc/PERFORMANCE.md) scales an all-reduce's algorithm bandwidth Q/t by 2(g-1)/g to
    // read as a link rate; a ring then reports the link's own rate, an in-network reduction
    // 2(g-1)/g of it, almost twice the link: the sign of NVLS or SHARP in nccl-tests output.
    double link = Data.gpu("h100_sxm", "nvlink_bw_bidirectional") / 2;
    double q = 1e9;
    int g = 8;
    double ring = Collectives.allReduceBusBandwidth(q, Collectives.ringAllReduceTime(q, g, link, 0), g);
    double innet = Collectives.allReduceBusBandwidth(q,
        CommunicationRoofline.inNetworkAllReduceTime(q, link, 0), g);
    assertEquals(link, ring, 1e-3);
    assertEquals(2.0 * (g - 1) / g * link, innet, 1e-3);
  }
  @Test
  void dataParallelMinTokensIsWhereTheRatioIsOne() {
    // n_dp, e_g, peak, link
    Props.forAll(2201, Props.vec(Props.count(2, 16384), Props.count(1, 4),
        Props.logUniform(1e12, 1e16), Props.logUniform(1e9, 1e12)), v -> {
      double tokens = CommunicationRoofline.dataParallelMinTokens(v.get(0), v.get(1), v.get(2), v.get(3));
      return Props.same(CommunicationRoofline.dataParallelRatio(v.get(0), v.get(1), v.get(2), tokens, v.get(3)), 1)
          && CommunicationRoofline.dataParallelRatio(v.get(0), v.get(1), v.get(2), 2 * tokens, v.get(3)) < 1;
    });
  }
}
