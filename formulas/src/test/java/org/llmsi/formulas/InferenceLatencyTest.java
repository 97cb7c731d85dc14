package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.same;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;

class InferenceLatencyTest {

  @Test
  void eachKernelClassIsItsOwnRooflineAndTheStepIsTheirSum() {
    forAll(1401, vec(logUniform(1e8, 1e12), count(1, 1024), count(1, 8), count(1, 4), logUniform(1, 1e11),
        logUniform(1e13, 1e16), logUniform(1e11, 1e13), count(1, 16), logUniform(1e-6, 1e-2)), v -> {
          double n = v.get(0), b = v.get(1), sq = v.get(2), e = v.get(3), kv = v.get(4);
          double peak = v.get(5), bw = v.get(6), group = v.get(7), comm = v.get(8);
          double mm = InferenceLatency.matmulTime(n, b, sq, e, peak, bw);
          double attn = InferenceLatency.attentionTime(sq, 8 * group, 8, kv, 2, peak, bw);
          double step = InferenceLatency.timePerOutputToken(mm, attn, comm);
          return same(mm, Roofline.time(2 * n * b * sq, n * e, peak, bw))
              // attention: 4 s_q s d_head FLOP per query head over 2 s d_head e_kv bytes per KV head
              && same(attn, Roofline.time(2 * sq * group * kv / 2, kv, peak, bw))
              && same(step, mm + attn + comm)
              && same(InferenceLatency.decodeThroughput(b, step), b / step)
              // one more sequence never shortens a step
              && InferenceLatency.matmulTime(n, b + 1, sq, e, peak, bw) >= mm;
        });
  }

  /**
   * The matmuls turn compute-bound exactly at the critical batch (over the query tokens per
   * sequence), and the context does not enter: the KV cache is another kernel's bytes.
   */
  @Test
  void matmulsTurnComputeBoundAtTheCriticalBatchWhateverTheContext() {
    forAll(1403, vec(logUniform(1e8, 1e12), count(1, 4), logUniform(1e13, 1e16),
        logUniform(1e11, 1e13), count(1, 8)), v -> {
          double n = v.get(0), e = v.get(1), peak = v.get(2), bw = v.get(3), sq = v.get(4);
          double crit = Roofline.criticalBatch(peak, bw, e) / sq;
          double below = crit * 0.99, above = crit * 1.01;
          return same(InferenceLatency.matmulTime(n, below, sq, e, peak, bw), n * e / bw)
              && same(InferenceLatency.matmulTime(n, above, sq, e, peak, bw), 2 * n * above * sq / peak);
        });
  }

  /**
   * Attention's intensity is 2 s_q g / e_kv FLOP per byte at every batch: below the ridge the
   * kernel is memory-bound for any batch and any context, so it never turns compute-bound by
   * batching. Eight query heads per KV head in BF16 decode give 8 FLOP/B.
   */
  @Test
  void attentionStaysMemoryBoundAtEveryBatch() {
    double peak = Data.gpu("h100_sxm", "bf16_dense"), bw = Data.gpu("h100_sxm", "hbm_bw");
    forAll(1405, vec(count(1, 100_000), count(1, 131_072), count(1, 8), count(1, 5)), v -> {
      double b = v.get(0), s = v.get(1), g = v.get(2), sq = v.get(3);
      double kvBytes = b * s * 2 * 128 * 2; // one KV head per layer, BF16
      double t = InferenceLatency.attentionTime(sq, g, 1, kvBytes, 2, peak, bw);
      return same(t, kvBytes / bw);
    });
    assertEquals(8, 2 * 1 * 8 / 2.0);
    assertTrue(2 * 5 * 8 / 2.0 < peak / bw); // verifying five tokens: 40 FLOP/B, still below the ridge
  }

  /**
   * The one-max timing is a lower bound on the per-kernel sum and at most a factor two below it,
   * with the factor two reached when the matmuls' compute time equals the attention's memory time.
   */
  @Test
  void oneMaxOverTheStepTotalsUnderstatesBetweenOneAndTwoTimes() {
    forAll(1406, vec(logUniform(1e8, 1e12), count(1, 4096), count(1, 8), count(1, 4), logUniform(1, 1e12),
        logUniform(1e13, 1e16), logUniform(1e11, 1e13), count(1, 128), count(1, 128)), v -> {
          double n = v.get(0), b = v.get(1), sq = v.get(2), e = v.get(3), kv = v.get(4);
          double peak = v.get(5), bw = v.get(6), h = v.get(7), hkv = v.get(8);
          double sum = InferenceLatency.matmulTime(n, b, sq, e, peak, bw)
              + InferenceLatency.attentionTime(sq, h, hkv, kv, 2, peak, bw);
          double oneMax = InferenceLatency.oneMaxStepTime(n, b, sq, e, h, hkv, kv, 2, peak, bw);
          return sum >= oneMax * (1 - 1e-12) && sum <= 2 * oneMax * (1 + 1e-12);
        });
    // Balance: compute-bound matmuls whose time equals a memory-bound attention's time.
    double peak = 1e15, bw = 1e12, n = 1e7, e = 2, b = 100_000; // matmuls: 2 ms compute, 0.02 ms memory
    double kv = 2e-3 * bw; // 2 ms of cache, 2 us of attention compute
    double sum = InferenceLatency.matmulTime(n, b, 1, e, peak, bw) + InferenceLatency.attentionTime(1, 8, 8, kv, 2, peak, bw);
    double oneMax = InferenceLatency.oneMaxStepTime(n, b, 1, e, 8, 8, kv, 2, peak, bw);
    assertTrue(sum / oneMax > 1.95);
  }

  @Test
  void tensorParallelAllReducesAreTwoRingAllReducesPerLayer() {
    forAll(1407, vec(count(1, 126), count(1, 512), count(1, 8), count(1024, 16384), count(2, 16),
        logUniform(1e10, 1e12), logUniform(1e-7, 1e-5)), v -> {
          double layers = v.get(0), b = v.get(1), sq = v.get(2), d = v.get(3), g = v.get(4);
          double link = v.get(5), alpha = v.get(6);
          double t = InferenceLatency.tensorParallelAllReduceTime(layers, b, sq, d, 2, g, link, alpha);
          return same(t, 2 * layers * (2 * (g - 1) * alpha + 2 * (g - 1) / g * b * sq * d * 2 / link))
              && InferenceLatency.tensorParallelAllReduceTime(layers, b, sq, d, 2, 1, link, alpha) == 0;
        });
  }

  @Test
  void prefillIsTheRooflineOfAllPromptTokens() {
    forAll(1402, vec(logUniform(1e8, 1e12), count(1, 32768), count(1, 64), count(1, 4),
        logUniform(1e13, 1e16), logUniform(1e11, 1e13)), v -> same(
            InferenceLatency.timeToFirstToken(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5)),
            Roofline.time(2 * v.get(0) * v.get(1) * v.get(2), v.get(0) * v.get(3), v.get(4), v.get(5))));
  }

  @Test
  void requestLatencyCountsOneDecodeStepPerTokenAfterTheFirst() {
    forAll(1404, vec(logUniform(1e-3, 10), logUniform(1e-4, 1), count(1, 10_000)), v ->
        same(InferenceLatency.requestLatency(v.get(0), v.get(1), v.get(2)), v.get(0) + (v.get(2) - 1) * v.get(1))
            && InferenceLatency.requestLatency(v.get(0), v.get(1), 1) == v.get(0));
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void llama2SeventyBDecodeOnH100IsMemoryBoundAtBatchOne() {
    // From the data files only (no published latency): Llama-2-70B in bf16 on one H100 SXM
    // (hypothetically: 138 GB does not fit in 80 GB) - weights alone take 41 ms per token, the
    // compute 0.14 ms. Decode at batch 1 is memory-bound by a factor ~300 (the ridge point).
    double n = TransformerParameters.dense(80, 8192, 64, 8, 128, 28672, 3, 32000, 0);
    double tpot = InferenceLatency.matmulTime(n, 1, 1, 2,
        Data.gpu("h100_sxm", "bf16_dense"), Data.gpu("h100_sxm", "hbm_bw"));
    assertEquals(41, Math.round(tpot * 1e3));
    assertTrue(n * 2 / Data.gpu("h100_sxm", "hbm_bw") > 250 * (2 * n / Data.gpu("h100_sxm", "bf16_dense")));
  }

  @Test
  void popeEtAlPalmDecodeLowerBound() {
    // Pope et al. 2023, abstract: PaLM 540B reaches a low-batch latency of 29 ms per token with
    // int8 weights. The memory bound on a 64-chip TPU v4 slice (Google Cloud TPU v4 documentation:
    // 275 TFLOP/s bf16, 1200 GB/s HBM per chip): 540 GB of int8 weights over 64 x 1.2 TB/s is
    // 7 ms; the measured 29 ms lies above the bound, as it must.
    double bound = InferenceLatency.matmulTime(540e9, 1, 1, 1, 64 * 275e12, 64 * 1.2e12);
    assertEquals(7, Math.round(bound * 1e3));
    assertTrue(bound < 29e-3);
  }

  /**
   * When prefill is compute-bound (bandwidth made irrelevant), its FLOPs are 2 N per prompt token,
   * so the time is linear in the prompt length and in the number of prompts.
   */
  @Test
  void computeBoundPrefillScalesWithPromptTokens() {
    forAll(2707, vec(logUniform(1e8, 1e12), count(1, 32768), count(1, 64), count(2, 8)), v -> {
      double n = v.get(0), s = v.get(1), b = v.get(2), k = v.get(3);
      double peak = 1e15;
      double infiniteBandwidth = Double.MAX_VALUE;
      double t = InferenceLatency.timeToFirstToken(n, s, b, 2, peak, infiniteBandwidth);
      return same(t, 2 * n * s * b / peak)
          && same(InferenceLatency.timeToFirstToken(n, s, k * b, 2, peak, infiniteBandwidth), k * t)
          && same(InferenceLatency.timeToFirstToken(n, k * s, b, 2, peak, infiniteBandwidth), k * t);
    });
  }

  /**
   * With unbounded compute, prefill is the one pass over the weights: N e bytes over the bandwidth,
   * so it scales with bytes per weight (4-bit weights read a quarter of 16-bit ones).
   */
  @Test
  void bandwidthBoundPrefillReadsEveryWeightOnce() {
    forAll(2708, vec(logUniform(1e8, 1e12), count(1, 4), logUniform(1e11, 1e13), count(2, 8)), v -> {
      double n = v.get(0), e = v.get(1), bw = v.get(2), k = v.get(3);
      double t = InferenceLatency.timeToFirstToken(n, 1, 1, e, Double.MAX_VALUE, bw);
      return same(t, n * e / bw)
          && same(InferenceLatency.timeToFirstToken(n, 1, 1, k * e, Double.MAX_VALUE, bw), k * t);
    });
  }
}
