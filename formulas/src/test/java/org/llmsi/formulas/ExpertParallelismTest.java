package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.uniform;
import static org.llmsi.formulas.Props.vec;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpertParallelismTest {

  /** Exact E[(X - c)+] for X ~ Binomial(n, q), summed over the probability mass function. */
  private static double expectedOverflow(int n, double q, double capacity) {
    double sum = 0;
    double logPmf0 = n * Math.log1p(-q);
    double logPmf = logPmf0;
    for (int x = 0; x <= n; x++) {
      if (x > 0) {
        logPmf += Math.log((double) (n - x + 1) / x) + Math.log(q) - Math.log1p(-q);
      }
      if (x > capacity) {
        sum += (x - capacity) * Math.exp(logPmf);
      }
    }
    return sum;
  }

  /** Routes n tokens to k distinct experts out of E uniformly; returns the load of each expert. */
  private static int[] route(int n, int k, int experts, SplittableRandom random) {
    int[] load = new int[experts];
    int[] pick = new int[experts];
    for (int i = 0; i < experts; i++) {
      pick[i] = i;
    }
    for (int t = 0; t < n; t++) {
      for (int j = 0; j < k; j++) { // partial Fisher-Yates: k distinct experts
        int r = j + random.nextInt(experts - j);
        int swap = pick[j];
        pick[j] = pick[r];
        pick[r] = swap;
        load[pick[j]]++;
      }
    }
    return load;
  }

  @Test
  void capacityAtFactorOneIsTheFairShareOfTheAssignments() {
    forAll(1601, vec(uniform(1, 4), count(1, 16), count(1, 100_000), count(1, 256)), v -> {
      double total = v.get(3) * ExpertParallelism.capacity(1, v.get(1), v.get(2), v.get(3));
      return close(total, v.get(1) * v.get(2), 1e-12)
          && close(ExpertParallelism.capacity(v.get(0), v.get(1), v.get(2), v.get(3)),
              v.get(0) * total / v.get(3), 1e-12);
    });
  }

  @Test
  void scarfBoundIsAboveTheExactBinomialOverflowAndTightAtFactorOne() {
    forAll(1602, 150, vec(uniform(1, 2), count(1, 8), count(64, 20_000), count(8, 256)), v -> {
      int k = (int) Math.min(v.get(1), v.get(3) / 2);
      int n = (int) v.get(2);
      int experts = (int) v.get(3);
      double factor = v.get(0);
      double q = (double) k / experts;
      double capacity = ExpertParallelism.capacity(factor, k, n, experts);
      double exact = expectedOverflow(n, q, Math.floor(capacity)) / (n * q);
      double bound = ExpertParallelism.dropFractionBound(factor, k, n, experts);
      // the buffer holds floor(C) tokens; the bound is written for C itself, so compare with the
      // exact overflow over C, which is at most the overflow over floor(C)
      double exactAtC = expectedOverflow(n, q, capacity) / (n * q);
      // with no headroom the bound is sigma / (2 mu) against about 0.4 sigma / mu: within 1.5x
      double exactAtOne = expectedOverflow(n, q, n * q) / (n * q);
      boolean tightAtOne = n * q < 16
          || ExpertParallelism.dropFractionBound(1, k, n, experts) <= 1.5 * exactAtOne;
      return exactAtC <= bound * (1 + 1e-9) && exact >= exactAtC && tightAtOne;
    });
  }

  @Test
  void monteCarloRoutingMatchesTheBinomialLoadAndItsSpread() {
    SplittableRandom random = new SplittableRandom(1603);
    int[][] shapes = {{4096, 8, 256}, {2048, 2, 8}, {16384, 1, 64}};
    for (int[] shape : shapes) {
      int n = shape[0];
      int k = shape[1];
      int experts = shape[2];
      double q = (double) k / experts;
      double capacity = ExpertParallelism.capacity(1.25, k, n, experts);
      double dropped = 0;
      double sumSquares = 0;
      int trials = 200;
      for (int trial = 0; trial < trials; trial++) {
        for (int load : route(n, k, experts, random)) {
          dropped += Math.max(0, load - Math.floor(capacity));
          sumSquares += Math.pow(load - n * q, 2);
        }
      }
      double simulatedDrop = dropped / (trials * (double) n * k);
      double exactDrop = experts * expectedOverflow(n, q, Math.floor(capacity)) / (n * (double) k);
      assertEquals(exactDrop, simulatedDrop, 0.1 * exactDrop + 2e-5, "drop " + n + "/" + k + "/" + experts);
      double cv = Math.sqrt(sumSquares / (trials * experts)) / (n * q);
      assertEquals(ExpertParallelism.loadCoefficientOfVariation(k, n, experts), cv, 0.03 * cv);
      assertTrue(simulatedDrop <= ExpertParallelism.dropFractionBound(1.25, k, n, experts));
    }
  }

  @Test
  void bytesPerTokenMatchACountOfRemoteAssignments() {
    forAll(1604, 60, vec(count(1, 8), count(2, 64), count(1, 4), count(1, 4)), v -> {
      int k = (int) v.get(0);
      int ep = (int) v.get(1);
      int experts = ep * 4; // four experts per rank
      int d = 16;
      SplittableRandom random = new SplittableRandom(1604 + ep);
      int tokens = 20_000;
      double bytes = 0;
      int[] pick = new int[experts];
      for (int i = 0; i < experts; i++) {
        pick[i] = i;
      }
      for (int t = 0; t < tokens; t++) {
        int home = t % ep; // tokens spread over the ranks
        for (int j = 0; j < k; j++) {
          int r = j + random.nextInt(experts - j);
          int swap = pick[j];
          pick[j] = pick[r];
          pick[r] = swap;
          if (pick[j] % ep != home) { // expert lives on another rank: dispatch out, combine back
            bytes += d * (v.get(2) + v.get(3));
          }
        }
      }
      double expected = ExpertParallelism.bytesPerToken(k, d, v.get(2), v.get(3), ep);
      return Math.abs(bytes / tokens - expected) <= 0.03 * expected;
    });
  }

  @Test
  void statesPerGpuMatchAWalkOverEveryShardOnEveryGpu() {
    forAll(1605, 100, vec(count(1, 4), count(1, 3), count(1, 3), count(1, 4), count(1, 3)), v -> {
      int ep = 1 << (int) v.get(0);          // 2..16
      int tp = 1 << ((int) v.get(1) - 1);    // 1..4
      int stages = (int) v.get(2);
      int layersPerStage = (int) v.get(3);
      int replicas = (int) v.get(4);
      int perStage = ep * tp * replicas;               // GPUs of one stage
      int gpus = perStage * stages;
      int experts = 2 * ep;
      double expertSize = 1000;
      double densePerLayer = 7000;
      double ew = 2;
      double eg = 4;
      double kopt = 12;
      double[] bytes = new double[gpus];
      for (int s = 0; s < stages; s++) {
        for (int local = 0; local < perStage; local++) {
          int gpu = s * perStage + local;
          for (int layer = 0; layer < layersPerStage; layer++) {
            for (int x = 0; x < experts; x++) {
              if (x % ep == local % ep) { // this GPU's EP rank holds expert x
                // every one of the perStage / ep holders of this expert keeps a slice of its optimizer
                bytes[gpu] += expertSize * (ew + eg) + expertSize * kopt / (perStage / ep);
              }
            }
            // dense weights split over the TP group; perStage / tp replicas share the optimizer
            double slice = densePerLayer / tp;
            bytes[gpu] += slice * (ew + eg) + slice * kopt / (perStage / tp);
          }
        }
      }
      double expertParams = experts * expertSize * layersPerStage * stages;
      double denseParams = densePerLayer * layersPerStage * stages;
      double formula = ExpertParallelism.statesPerGpu(
          expertParams, denseParams, ep, tp, stages, ew, eg, kopt, gpus);
      for (double b : bytes) {
        if (!close(b, formula, 1e-12)) {
          return false;
        }
      }
      return true;
    });
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void switchTransformersEquationThreeIsTheTopOneCase() {
    // Fedus et al. 2022, section 2.2, Equation 3: expert capacity = (tokens per batch / number of
    // experts) x capacity factor, top-1 routing. Table 1 runs 128 experts at factors 1.0 to 2.0.
    for (double factor : new double[] {1.0, 1.25, 2.0}) {
      assertEquals(4096.0 / 128 * factor, ExpertParallelism.capacity(factor, 1, 4096, 128), 1e-12);
    }
  }

  @Test
  void deepSeekV3NodeLimitedRoutingReachesThirteenExpertsForTheCostOfFourNodes() {
    // DeepSeek-V3 report, section 3.2.2: NVLink 160 GB/s is roughly 3.2 times IB 50 GB/s; with at
    // most 4 nodes per token each token can reach 3.2 experts per node, a maximum of 13.
    double nvlink = Data.value(Data.NETWORK, "deepseek_v3_cluster", "nvlink_bw");
    double ib = Data.value(Data.NETWORK, "deepseek_v3_cluster", "ib_bw");
    double nodes = Data.value(Data.NETWORK, "deepseek_v3_cluster", "nodes_per_token");
    assertEquals(Data.value(Data.NETWORK, "deepseek_v3_cluster", "experts_per_node"), nvlink / ib, 1e-12);
    double kMax = ExpertParallelism.maxExpertsAtSameCost(nodes, nvlink, ib);
    assertEquals(12.8, kMax, 1e-12);
    assertEquals(Data.value(Data.NETWORK, "deepseek_v3_cluster", "max_experts_same_cost"),
        Math.round(kMax));
    assertTrue(Data.model("deepseek_v3", "experts_per_token") < kMax);
  }

  @Test
  void deepSeekV3RoutedExpertsHoldAlmostAllOfItsParameters() {
    // config.json: 61 layers, the first 3 dense, 256 routed experts of width 2048 on d = 7168;
    // the report's abstract: 671B parameters in total.
    double layers = Data.model("deepseek_v3", "n_layers") - Data.model("deepseek_v3", "first_dense_layers");
    double perExpert = TransformerParameters.ffn(Data.model("deepseek_v3", "d_model"),
        Data.model("deepseek_v3", "d_ff_expert"), Data.model("deepseek_v3", "ffn_matrices"));
    double routed = layers * Data.model("deepseek_v3", "n_experts") * perExpert;
    double total = Data.model("deepseek_v3", "params_total_published");
    assertEquals(256, Data.model("deepseek_v3", "n_experts"));
    assertEquals(8, Data.model("deepseek_v3", "experts_per_token"));
    assertTrue(routed < total && routed > 0.95 * total, "routed experts " + routed);
  }
}
