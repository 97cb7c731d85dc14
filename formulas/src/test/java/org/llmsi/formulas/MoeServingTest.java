package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.vec;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mixture-of-experts serving: the expected experts a batch touches against a simulated router, the
 * all-to-all bytes against a count of what leaves a rank, and DeepSeek-V3's published sizes
 * against a walk over the tensor shapes its configuration defines.
 */
class MoeServingTest {

  // ---- Simulation --------------------------------------------------------------------------

  /**
   * Routes b tokens, each to k distinct experts of n drawn uniformly (a partial Fisher-Yates
   * shuffle), and counts the experts that received a token and those that stayed idle.
   */
  @Test
  void simulatedRoutingTouchesThePredictedNumberOfExperts() {
    SplittableRandom random = new SplittableRandom(1411);
    int[][] cases = {{256, 8, 1}, {256, 8, 16}, {256, 8, 64}, {256, 8, 256}, {8, 2, 4}, {8, 2, 16},
        {64, 6, 10}, {128, 1, 100}, {16, 16, 3}};
    for (int[] c : cases) {
      int n = c[0];
      int k = c[1];
      int b = c[2];
      int trials = 4000;
      double sum = 0;
      double sumSq = 0;
      int idleExpertZero = 0;
      for (int t = 0; t < trials; t++) {
        boolean[] hit = new boolean[n];
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
          perm[i] = i;
        }
        for (int token = 0; token < b; token++) {
          for (int j = 0; j < k; j++) { // the first k of a fresh partial shuffle are a uniform k-subset
            int r = j + random.nextInt(n - j);
            int tmp = perm[j];
            perm[j] = perm[r];
            perm[r] = tmp;
            hit[perm[j]] = true;
          }
        }
        int active = 0;
        for (boolean h : hit) {
          active += h ? 1 : 0;
        }
        idleExpertZero += hit[0] ? 0 : 1;
        sum += active;
        sumSq += (double) active * active;
      }
      double mean = sum / trials;
      double stderr = Math.sqrt(Math.max(0, sumSq / trials - mean * mean) / trials);
      double expected = MoeServing.expectedActiveExperts(n, k, b);
      String where = "seed 1411 n=" + n + " k=" + k + " b=" + b;
      assertTrue(Math.abs(mean - expected) <= 4 * stderr + 1e-9, where + ": " + mean + " vs " + expected);
      double p = MoeServing.idleProbability(n, k, b);
      double share = idleExpertZero / (double) trials;
      assertTrue(Math.abs(share - p) <= 4 * Math.sqrt(p * (1 - p) / trials) + 1e-3, where + ": idle " + share + " vs " + p);
    }
  }

  /**
   * Spreads n_ep * m experts over n_ep ranks (m per rank), routes the b tokens that rank 0 owns to k
   * distinct experts each, and counts the copies that leave rank 0: their expectation times d e
   * is the all-to-all formula.
   */
  @Test
  void simulatedDispatchSendsThePredictedBytes() {
    SplittableRandom random = new SplittableRandom(1412);
    int[][] cases = {{8, 32, 2, 64}, {320, 1, 8, 32}, {64, 4, 8, 16}, {2, 4, 2, 100}};
    for (int[] c : cases) {
      int ranks = c[0];
      int perRank = c[1];
      int k = c[2];
      int b = c[3];
      int n = ranks * perRank;
      int trials = 2000;
      double remote = 0;
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int t = 0; t < trials; t++) {
        for (int token = 0; token < b; token++) {
          for (int j = 0; j < k; j++) {
            int r = j + random.nextInt(n - j);
            int tmp = perm[j];
            perm[j] = perm[r];
            perm[r] = tmp;
            if (perm[j] / perRank != 0) {
              remote++;
            }
          }
        }
      }
      double d = 7168;
      double e = 1;
      double simulated = remote / trials * d * e;
      double expected = MoeServing.allToAllBytes(b, k, d, e, ranks);
      assertTrue(close(simulated, expected, 0.02), "seed 1412 " + java.util.Arrays.toString(c) + ": " + simulated + " vs " + expected);
    }
  }

  // ---- Properties --------------------------------------------------------------------------

  @Test
  void activeExpertsGrowWithTheBatchAndAreBounded() {
    forAll(1413, vec(count(1, 512), count(1, 16), count(1, 8192)), v -> {
      double n = v.get(0);
      double k = Math.min(v.get(1), n);
      double b = v.get(2);
      double act = MoeServing.expectedActiveExperts(n, k, b);
      return act >= k - 1e-9 && act <= Math.min(n, b * k) + 1e-9
          && MoeServing.expectedActiveExperts(n, k, b + 1) >= act - 1e-9
          && close(MoeServing.expectedActiveExperts(n, k, 1), k, 1e-12)
          && close(act + n * MoeServing.idleProbability(n, k, b), n, 1e-12);
    });
  }

  /** With every expert busy the tokens per expert are b k / n, and the MoE critical batch puts them at the dense critical batch. */
  @Test
  void expertsReachTheRidgeAtTheMoeCriticalBatch() {
    forAll(1414, vec(count(2, 512), count(1, 16), logUniform(1e14, 1e16), logUniform(1e12, 1e13)), v -> {
      double n = v.get(0);
      double k = Math.min(v.get(1), n);
      double b = MoeServing.criticalBatch(n, k, 1, v.get(2), v.get(3));
      double perExpert = MoeServing.tokensPerExpert(b, k, n);
      // An expert GEMM over t tokens does 2 t FLOP per weight byte (e = 1 B): that is the ridge point.
      return close(2 * perExpert / 1, v.get(2) / v.get(3), 1e-12);
    });
  }

  @Test
  void weightBytesRunFromTheActiveSizeToTheTotalSize() {
    forAll(1415, vec(logUniform(1e8, 1e11), count(1, 100), count(1, 256), logUniform(1e6, 1e9)), v -> {
      double always = v.get(0);
      double layers = v.get(1);
      double n = v.get(2);
      double perExpert = v.get(3);
      double all = MoeServing.decodeWeightBytes(always, layers, n, perExpert, 1);
      double one = MoeServing.decodeWeightBytes(always, layers, 1, perExpert, 1);
      return close(all, always + layers * n * perExpert, 1e-12) && one <= all
          && close(MoeServing.decodeWeightBytes(always, layers, n, perExpert, 2), 2 * all, 1e-12);
    });
  }

  // ---- DeepSeek-V3: published sizes against its tensor shapes -------------------------------

  /**
   * Walks the tensors of DeepSeek-V3 as its reference implementation defines them
   * (deepseek-ai/DeepSeek-V3, inference/model.py: MLA with wq_a, q_norm, wq_b, wkv_a, kv_norm,
   * wkv_b, wo; SwiGLU MLP and experts with w1, w2, w3; a gate of n_routed_experts x dim with a bias;
   * two RMSNorms per block; embedding, final norm and head) with the sizes of the guide's model
   * data (its config.json), and checks the published 671B total and 37B active (report, section
   * 4.2). The input embedding is a lookup, not a matrix multiply, so it is not active (the
   * convention of the transformer-design chapter); counted with it the walk gives 37.55B.
   */
  @Test
  void deepSeekV3ShapesGiveThePublishedTotalAndActiveSizes() {
    String m = "deepseek_v3";
    double d = Data.model(m, "d_model");
    double heads = Data.model(m, "n_heads");
    double qRank = Data.model(m, "q_lora_rank");
    double kvRank = Data.model(m, "kv_lora_rank");
    double nope = Data.model(m, "qk_nope_head_dim");
    double rope = Data.model(m, "qk_rope_head_dim");
    double vDim = Data.model(m, "v_head_dim");
    double layers = Data.model(m, "n_layers");
    double dense = Data.model(m, "first_dense_layers");
    double dff = Data.model(m, "d_ff");
    double dffExpert = Data.model(m, "d_ff_expert");
    double experts = Data.model(m, "n_experts");
    double shared = Data.model(m, "n_shared_experts");
    double k = Data.model(m, "experts_per_token");
    double vocab = Data.model(m, "vocab");

    double attention = d * qRank + qRank + qRank * heads * (nope + rope)
        + d * (kvRank + rope) + kvRank + kvRank * heads * (nope + vDim) + heads * vDim * d;
    double norms = 2 * d;
    double mlp = 3 * d * dff;
    double expert = 3 * d * dffExpert;
    double gate = experts * d + experts;
    double moeLayers = layers - dense;
    double embedding = vocab * d;
    double head = vocab * d;

    double total = layers * (attention + norms) + dense * mlp
        + moeLayers * (experts * expert + shared * expert + gate) + embedding + d + head;
    double active = layers * (attention + norms) + dense * mlp
        + moeLayers * ((k + shared) * expert + gate) + d + head;

    assertEquals(Data.model(m, "params_total_published"), Math.round(total / 1e9) * 1e9, 0.5);
    assertEquals(Data.model(m, "params_active_published"), Math.round(active / 1e9) * 1e9, 0.5);
    assertEquals(37.55e9, active + embedding, 0.01e9);

    // The chapter's split from the published total: always-read part plus k experts per MoE layer.
    double alwaysFromPublished = Data.model(m, "params_total_published") - moeLayers * experts * expert;
    double alwaysFromShapes = total - moeLayers * experts * expert;
    assertTrue(close(alwaysFromPublished, alwaysFromShapes, 0.01), alwaysFromPublished + " vs " + alwaysFromShapes);
    double bytesAtOne = MoeServing.decodeWeightBytes(alwaysFromShapes, moeLayers,
        MoeServing.expectedActiveExperts(experts, k, 1), expert, 1);
    assertEquals(active + embedding, bytesAtOne, 1); // one token reads the active set (and one embedding row, here the table)
  }

  /**
   * The report's decoding deployment (section 3.4.2): experts' batches usually within 256 tokens
   * and memory-bound. 256 tokens in FP8 give 512 FLOP per byte, under an H100's FP8 ridge point.
   */
  @Test
  void deepSeekDecodeExpertsAreMemoryBoundAtTheirReportedBatch() {
    double tokens = Data.paper("deepseek_v3_serving", "decode_tokens_per_expert");
    double ridge = Data.gpu("h100_sxm", "fp8_dense") / Data.gpu("h100_sxm", "hbm_bw");
    assertTrue(2 * tokens / 1 < ridge);
    double needed = MoeServing.criticalBatch(Data.model("deepseek_v3", "n_experts"),
        Data.model("deepseek_v3", "experts_per_token"), 1, Data.gpu("h100_sxm", "fp8_dense"), Data.gpu("h100_sxm", "hbm_bw"));
    assertTrue(needed > tokens * Data.model("deepseek_v3", "n_experts") / Data.model("deepseek_v3", "experts_per_token"));
  }
}
