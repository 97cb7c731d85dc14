package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.uniform;
import static org.llmsi.formulas.Props.vec;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Target passes, draft runs, total arithmetic and the batch-aware speed-up of speculative
 * decoding: against Leviathan et al.'s published Table 1, against a simulation of generating a
 * response step by step, and against the roofline at the extremes of batch size.
 */
class SpeculationCostTest {

  // ---- Published figures -------------------------------------------------------------------

  /**
   * Leviathan et al. 2023 (arXiv:2211.17192), section 3.5, Table 1, every row, c = c_hat = 0:
   * alpha, gamma, Operations, Speed as printed (two decimals).
   */
  @Test
  void reproducesEveryRowOfLeviathanTable1() {
    double[][] rows = {
        {0.6, 2, 1.53, 1.96},
        {0.7, 3, 1.58, 2.53},
        {0.8, 2, 1.23, 2.44},
        {0.8, 5, 1.63, 3.69},
        {0.9, 2, 1.11, 2.71},
        {0.9, 10, 1.60, 6.86},
    };
    for (double[] r : rows) {
      assertEquals(r[2], round2(SpeculationCost.operationsFactor(r[0], r[1], 0)), 1e-9, "ops " + r[0] + "," + r[1]);
      assertEquals(r[3], round2(SpeculativeDecoding.speedup(r[0], r[1], 0)), 1e-9, "speed " + r[0] + "," + r[1]);
    }
    // The row the chapter prints comes from the data file, so the two cannot drift apart.
    assertEquals(Data.paper("leviathan_2023", "table1_ops"),
        round2(SpeculationCost.operationsFactor(Data.paper("leviathan_2023", "table1_a"),
            Data.paper("leviathan_2023", "table1_gamma"), 0)), 1e-9);
  }

  /** Section 3.6: a bigram draft (alpha about 0.2, c = 0) at gamma = 3 gives 1.25X. */
  @Test
  void reproducesTheBigramDraftOfSection36() {
    double a = Data.paper("leviathan_2023", "bigram_a");
    double gamma = Data.paper("leviathan_2023", "bigram_gamma");
    assertEquals(Data.paper("leviathan_2023", "bigram_speed"), round2(SpeculativeDecoding.speedup(a, gamma, 0)), 1e-9);
  }

  /**
   * DeepSeek-V3 report, section 5.4.3: a one-token draft accepted 85-90 % of the time yields
   * 1.85-1.90 tokens per pass, so the reported 1.8x TPS implies a speculative step of 1.03-1.06
   * plain steps: above one, and below the 1.1 a whole extra transformer block of 61 could cost.
   */
  @Test
  void deepSeekMultiTokenPredictionIsConsistentWithItsAcceptance() {
    double depth = Data.paper("deepseek_v3_mtp", "depth");
    for (String bound : new String[] {"accept_low", "accept_high"}) {
      double a = Data.paper("deepseek_v3_mtp", bound);
      double tokens = SpeculativeDecoding.expectedTokensPerStep(a, depth);
      assertEquals(1 + a, tokens, 1e-12);
      double cost = SpeculationCost.stepCost(tokens, Data.paper("deepseek_v3_mtp", "tps_gain"));
      assertTrue(cost > 1 && cost < 1.1, bound + " implies a step of " + cost);
    }
  }

  /** Spec-Bench (A100, Vicuna-7B): every method's step costs at least a plain step. */
  @Test
  void measuredSpeculativeStepsCostMoreThanAPlainStep() {
    for (String m : new String[] {"eagle", "medusa", "sps", "pld", "lookahead"}) {
      double tokens = Data.paper("spec_bench_a100_vicuna_7b", m + "_tokens");
      double speedup = Data.paper("spec_bench_a100_vicuna_7b", m + "_speedup");
      double cost = SpeculationCost.stepCost(tokens, speedup);
      assertTrue(cost > 1 && cost < 2, m + ": " + cost);
      assertTrue(tokens <= Data.paper("medusa_tree", "depth") + 1, m + " keeps at most a full path plus one");
    }
  }

  // ---- Simulation --------------------------------------------------------------------------

  /**
   * Generates responses of n_out tokens step by step: each of gamma draft tokens is accepted with
   * probability a until the first rejection; a step emits the accepted tokens plus one from the
   * target (Leviathan et al., Algorithm 1, under the i.i.d. assumption of section 3.1). Counts
   * target passes, draft runs and target positions computed, and compares them with the closed
   * forms. The last step of a response may emit more tokens than needed; a long response makes
   * that edge small, and the tolerance covers it plus four standard errors.
   */
  @Test
  void simulatedResponsesNeedThePredictedPassesDraftRunsAndArithmetic() {
    SplittableRandom random = new SplittableRandom(1401);
    for (int trial = 0; trial < 16; trial++) {
      double a = 0.05 + 0.9 * random.nextDouble();
      int gamma = 1 + random.nextInt(8);
      double cHat = random.nextDouble() * 0.2;
      int nOut = 2000;
      int responses = 60;
      double sumPasses = 0;
      double sumSq = 0;
      double drafts = 0;
      double work = 0;
      double produced = 0;
      for (int r = 0; r < responses; r++) {
        int tokens = 0;
        int passes = 0;
        while (tokens < nOut) {
          int accepted = 0;
          while (accepted < gamma && random.nextDouble() < a) {
            accepted++;
          }
          tokens += accepted + 1;
          passes++;
          drafts += gamma;
          work += gamma * cHat + gamma + 1; // gamma draft runs and gamma + 1 target positions
        }
        produced += tokens;
        sumPasses += passes;
        sumSq += (double) passes * passes;
      }
      double mean = sumPasses / responses;
      double stderr = Math.sqrt(Math.max(0, sumSq / responses - mean * mean) / responses);
      double expected = SpeculationCost.targetPasses(nOut, a, gamma);
      String where = "seed 1401 trial " + trial + " a=" + a + " gamma=" + gamma;
      assertTrue(Math.abs(mean - expected) <= 4 * stderr + 1.0, where + ": passes " + mean + " vs " + expected);
      assertTrue(close(drafts / responses, SpeculationCost.draftRuns(nOut, a, gamma), 0.02), where + ": drafts");
      assertTrue(close(work / produced, SpeculationCost.operationsFactor(a, gamma, cHat), 0.01), where + ": ops");
    }
  }

  // ---- Properties --------------------------------------------------------------------------

  @Test
  void speculationNeverSavesArithmeticButSavesPasses() {
    forAll(1402, vec(uniform(0.01, 0.99), count(1, 32), uniform(0, 1), logUniform(1, 1e5)), v -> {
      double a = v.get(0);
      double gamma = v.get(1);
      double ops = SpeculationCost.operationsFactor(a, gamma, v.get(2));
      double passes = SpeculationCost.targetPasses(v.get(3), a, gamma);
      return ops >= 1 - 1e-12
          && passes <= v.get(3) && passes >= v.get(3) / (gamma + 1) - 1e-9
          && close(SpeculationCost.draftRuns(v.get(3), a, gamma), gamma * passes, 1e-12)
          && close(ops, (gamma * v.get(2) + gamma + 1) * passes / v.get(3), 1e-12);
    });
  }

  /** While verification is memory-bound the batch speed-up is Theorem 3.8's; when all is compute-bound it is n_step / (n_ver + gamma c). */
  @Test
  void batchSpeedupMatchesLeviathanWhenMemoryBoundAndLosesWhenComputeBound() {
    forAll(1403, vec(uniform(0.05, 0.95), count(1, 8), uniform(0, 0.3), logUniform(1e9, 1e12),
        logUniform(1e3, 1e9)), v -> {
      double a = v.get(0);
      double gamma = v.get(1);
      double c = v.get(2);
      double n = v.get(3);
      double tokens = SpeculativeDecoding.expectedTokensPerStep(a, gamma);
      double peak = 1e15;
      double bw = 3e12;
      double e = 2;
      // Batch 1: 2 N (gamma + 1) / P is far below N e / B for these peaks.
      double small = SpeculationCost.batchSpeedup(tokens, gamma + 1, gamma, c, n, 1, e, v.get(4), peak, bw);
      double huge = SpeculationCost.batchSpeedup(tokens, gamma + 1, gamma, c, n, 1e9, e, 0, peak, bw);
      return close(small, SpeculativeDecoding.speedup(a, gamma, c), 1e-9)
          && close(huge, tokens / (gamma + 1 + gamma * c), 1e-9);
    });
  }

  /**
   * At the break-even batch a free draft's speed-up is exactly one, and it is below one beyond.
   * The closed form holds between the critical batch over n_ver and the critical batch; a value
   * outside (above the critical batch, negative or infinite) means no break-even, and then the
   * speed-up stays at or above one at every batch.
   */
  @Test
  void breakEvenBatchIsWhereAFreeDraftStopsPaying() {
    forAll(1404, vec(uniform(1, 6), count(2, 64), logUniform(1e9, 1e12), logUniform(1e3, 1e8),
        logUniform(1e14, 1e16), logUniform(1e12, 1e13)), v -> {
      double nVer = v.get(1);
      // Fewer tokens kept than verified (when all are kept, speculation merely breaks even beyond b).
      double tokens = Math.min(v.get(0), nVer - 0.01);
      double crit = Roofline.criticalBatch(v.get(4), v.get(5), 2);
      double b = SpeculationCost.breakevenBatch(tokens, nVer, v.get(2), 2, v.get(3), v.get(4), v.get(5));
      if (!(b > 0) || Double.isInfinite(b) || b > crit) {
        for (double batch : new double[] {1, crit / nVer, crit, 10 * crit, 1e6}) {
          if (SpeculationCost.batchSpeedup(tokens, nVer, 0, 0, v.get(2), batch, 2, v.get(3), v.get(4), v.get(5)) < 1 - 1e-9) {
            return false;
          }
        }
        return true;
      }
      double at = SpeculationCost.batchSpeedup(tokens, nVer, 0, 0, v.get(2), b, 2, v.get(3), v.get(4), v.get(5));
      double beyond = SpeculationCost.batchSpeedup(tokens, nVer, 0, 0, v.get(2), 2 * b, 2, v.get(3), v.get(4), v.get(5));
      return b >= crit / nVer * (1 - 1e-9) && close(at, 1, 1e-9) && beyond < 1;
    });
  }

  /**
   * The batch speed-up of a chain is chapter 10's speed-up with a verification cost r, where r is
   * the verify pass over a plain step, both timed per kernel by {@link InferenceLatency}: matmuls
   * of b (gamma + 1) and of b tokens, plus the same attention over the cache (memory-bound).
   */
  @Test
  void batchSpeedupIsSpeedupWithTheVerifyCostOfThePerKernelStep() {
    forAll(1406, vec(uniform(0.05, 0.95), count(1, 8), uniform(0, 0.3), logUniform(1e9, 1e12),
        logUniform(1, 4096), logUniform(1e3, 1e10), logUniform(1e14, 1e16), logUniform(1e12, 1e13)), v -> {
      double a = v.get(0);
      double gamma = v.get(1);
      double c = v.get(2);
      double n = v.get(3);
      double b = v.get(4);
      double peak = v.get(6);
      double bw = v.get(7);
      double attention = InferenceLatency.attentionTime(1, 1, 1, b * v.get(5), 1e6, peak, bw);
      double plain = InferenceLatency.timePerOutputToken(InferenceLatency.matmulTime(n, b, 1, 2, peak, bw), attention, 0);
      double verify = InferenceLatency.timePerOutputToken(
          InferenceLatency.matmulTime(n, b, gamma + 1, 2, peak, bw), attention, 0);
      double tokens = SpeculativeDecoding.expectedTokensPerStep(a, gamma);
      return close(SpeculationCost.batchSpeedup(tokens, gamma + 1, gamma, c, n, b, 2, v.get(5), peak, bw),
          SpeculativeDecoding.speedupWithVerifyCost(a, gamma, verify / plain, c), 1e-9);
    });
  }

  /**
   * Past the critical batch every matmul is compute-bound, so the speed-up no longer depends on
   * the batch: n_step (2 N / P + m_kv / B) / (2 N n_ver / P + m_kv / B) for a free draft.
   */
  @Test
  void batchSpeedupIsFlatPastTheCriticalBatch() {
    forAll(1407, vec(uniform(1, 6), count(2, 64), logUniform(1e9, 1e12), logUniform(1e3, 1e10),
        logUniform(1e14, 1e16), logUniform(1e12, 1e13), uniform(1, 100)), v -> {
      double nVer = v.get(1);
      double tokens = Math.min(v.get(0), nVer);
      double n = v.get(2);
      double m = v.get(3);
      double peak = v.get(4);
      double bw = v.get(5);
      double crit = Roofline.criticalBatch(peak, bw, 2);
      double flat = tokens * (2 * n / peak + m / bw) / (2 * n * nVer / peak + m / bw);
      return close(SpeculationCost.batchSpeedup(tokens, nVer, 0, 0, n, crit, 2, m, peak, bw), flat, 1e-9)
          && close(SpeculationCost.batchSpeedup(tokens, nVer, 0, 0, n, crit * v.get(6), 2, m, peak, bw), flat, 1e-9);
    });
  }

  /** Without a KV cache the break-even batch is the critical batch times n_step / n_ver. */
  @Test
  void breakEvenWithoutCacheIsTheCriticalBatchScaled() {
    forAll(1405, vec(uniform(1, 6), count(2, 64), logUniform(1e14, 1e16), logUniform(1e12, 1e13)), v -> {
      double nVer = v.get(1);
      double tokens = Math.min(v.get(0), nVer);
      return close(SpeculationCost.breakevenBatch(tokens, nVer, 8e9, 2, 0, v.get(2), v.get(3)),
          Roofline.criticalBatch(v.get(2), v.get(3), 2) * tokens / nVer, 1e-12);
    });
  }

  private static double round2(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
