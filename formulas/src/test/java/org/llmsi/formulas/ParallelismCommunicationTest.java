package org.llmsi.formulas;

import org.llmsi.formulas.simulation.CollectiveSimulation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.same;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;
import org.llmsi.formulas.Props.Vec;
import org.quicktheories.core.Gen;

class ParallelismCommunicationTest {

  // L, s, b, d, e, degree
  private static final Gen<Vec> STEPS = vec(count(1, 128), count(1, 32768), count(1, 64),
      count(64, 32768), count(1, 4), count(1, 64));

  @Test
  void sequenceParallelismMovesTheSameBytesAsTensorParallelism() {
    forAll(1501, STEPS, v -> same(
        ParallelismCommunication.tensorSequenceParallelBytes(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5)),
        ParallelismCommunication.tensorParallelBytes(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5)))
        || v.get(5) == 1);
  }

  @Test
  void tensorParallelBytesAreFourRingAllReducesPerLayerAndVanishOnOneGpu() {
    forAll(1502, STEPS, v -> {
      double activation = v.get(1) * v.get(2) * v.get(3) * v.get(4);
      double bytes = ParallelismCommunication.tensorParallelBytes(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5));
      return same(bytes, 4 * v.get(0) * Collectives.ringAllReduceBytesPerRank(activation, v.get(5)))
          || (v.get(5) == 1 && bytes == 0);
    });
  }

  @Test
  void tensorParallelTimeIsFourRingAllReducesPerLayer() {
    forAll(1503, vec(count(1, 128), count(1, 8192), count(1, 16), count(64, 16384), count(2, 16),
        logUniform(1e10, 1e12), logUniform(1e-7, 1e-4)), v -> same(
            ParallelismCommunication.tensorParallelTime(v.get(0), v.get(1), v.get(2), v.get(3), 2, v.get(4), v.get(5), v.get(6)),
            4 * v.get(0) * Collectives.ringAllReduceTime(v.get(1) * v.get(2) * v.get(3) * 2, v.get(4), v.get(5), v.get(6))));
  }

  @Test
  void dataParallelGradientsApproachTwiceTheModelAndTimeIsTheirAllReduce() {
    forAll(1504, vec(logUniform(1e6, 1e12), count(1, 4), count(1, 100_000), logUniform(1e10, 1e12),
        logUniform(1e-7, 1e-4)), v -> {
          double bytes = ParallelismCommunication.dataParallelBytes(v.get(0), v.get(1), v.get(2));
          return bytes < 2 * v.get(0) * v.get(1)
              && close(ParallelismCommunication.dataParallelBytes(v.get(0), v.get(1), 1e9), 2 * v.get(0) * v.get(1), 1e-8)
              && same(ParallelismCommunication.dataParallelTime(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4)),
                  Collectives.ringAllReduceTime(v.get(0) * v.get(1), v.get(2), v.get(3), v.get(4)))
              && (v.get(2) > 1 || bytes == 0);
        });
  }

  @Test
  void pipelineAndExpertTrafficScaleWithTheirCounts() {
    forAll(1505, STEPS, v -> {
      double pp = ParallelismCommunication.pipelineBytes(v.get(5), v.get(1), v.get(2), v.get(3), v.get(4));
      double ep = ParallelismCommunication.expertParallelBytes(v.get(0), v.get(1), v.get(2), 2, v.get(3), v.get(4), v.get(5));
      double tokens = v.get(1) * v.get(2) * v.get(3) * v.get(4);
      return same(pp, 2 * v.get(5) * tokens)
          && same(ParallelismCommunication.expertParallelBytes(v.get(0), v.get(1), v.get(2), 4, v.get(3), v.get(4), v.get(5)), 2 * ep)
          && (v.get(5) == 1 ? ep == 0 : same(ep, 4 * v.get(0) * Collectives.allToAllTime(2 * tokens, v.get(5), 1, 0)));
    });
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void megatronTwoAllReducesForwardTwoBackwardPerLayer() {
    // Shoeybi et al. 2019, section 3 and Figure 4: "two all-reduce operations in the forward
    // path and two in the backward path" per transformer layer. Korthikanti et al. 2023,
    // section 4.2.2: with sequence parallelism "four all-gather and four reduce-scatter", the
    // same bandwidth. At t = 8: each all-reduce moves 2 x 7/8 of the activation per GPU.
    double perLayer = ParallelismCommunication.tensorParallelBytes(1, 1, 1, 1, 1, 8);
    assertEquals(4 * 2 * 7.0 / 8, perLayer, 1e-12);
    assertEquals(perLayer, ParallelismCommunication.tensorSequenceParallelBytes(1, 1, 1, 1, 1, 8), 1e-12);
  }
  // ---- Hybrid sharding (HSDP) --------------------------------------------------------------

  @Test
  void hsdpCrossNodeBytesAreARingAllReduceOfTheShardAcrossNodes() {
    // g_node, n_node, shard elements per node rank (a multiple of n_node), e_g
    forAll(1511, 120, vec(count(1, 16), count(2, 12), count(1, 16), count(1, 4)), v -> {
      int perNode = (int) v.get(0);
      int nodes = (int) v.get(1);
      int chunk = (int) v.get(2);
      double e = v.get(3);
      double shardElements = (double) nodes * chunk;
      double parameters = shardElements * perNode;
      double[][] in = new double[nodes][nodes * chunk];
      for (int r = 0; r < nodes; r++) {
        for (int i = 0; i < in[r].length; i++) {
          in[r][i] = r + 0.5 * i;
        }
      }
      CollectiveSimulation.Run run = CollectiveSimulation.ringAllReduce(in, chunk, e);
      double formula = ParallelismCommunication.hybridShardingCrossNodeBytes(parameters, e, perNode, nodes);
      for (double onLink : run.bytesOnLink()) {
        if (!same(onLink, formula)) {
          return false;
        }
      }
      return true;
    });
  }

  @Test
  void hsdpAgainstZhaoSectionThreeTwoTwo() {
    // Zhao et al. 2023, section 3.2.2: for an M-byte model on W GPUs in hosts of G, cross-host
    // traffic per GPU is 2M(W-1)/(GW) for hybrid sharding and 2M(W-1)/W for full replication.
    // With one GPU per node the formula is full replication exactly; with G > 1 it is the exact
    // ring count 2M(W-G)/(GW), never above the paper's 2M(W-1)/(GW), and equal to it up to (W-G)/(W-1).
    forAll(1512, vec(logUniform(1e6, 1e12), count(1, 4), count(1, 16), count(1, 512)), v -> {
      double n = v.get(0);
      double e = v.get(1);
      double g = v.get(2);
      double nodes = v.get(3);
      double m = n * e;
      double w = g * nodes;
      double hsdp = ParallelismCommunication.hybridShardingCrossNodeBytes(n, e, g, nodes);
      double paper = 2 * m * (w - 1) / (g * w);
      return same(ParallelismCommunication.hybridShardingCrossNodeBytes(n, e, 1, nodes),
              2 * m * (nodes - 1) / nodes)
          && same(ParallelismCommunication.hybridShardingCrossNodeBytes(n, e, 1, nodes),
              ParallelismCommunication.dataParallelBytes(n, e, nodes))
          && hsdp <= paper * (1 + 1e-12)
          && (w == 1 || close(hsdp, paper * (w - g) / (w - 1), 1e-9));
    });
  }
}
