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
  void decodeIsTheRooflineOfOneStep() {
    forAll(1401, vec(logUniform(1e8, 1e12), count(1, 1024), count(1, 4), logUniform(1, 1e11),
        logUniform(1e13, 1e16), logUniform(1e11, 1e13)), v -> {
          double tpot = InferenceLatency.timePerOutputToken(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5));
          double roofline = Roofline.time(2 * v.get(0) * v.get(1), v.get(0) * v.get(2) + v.get(3), v.get(4), v.get(5));
          return same(tpot, roofline)
              && same(InferenceLatency.decodeThroughput(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5)),
                  v.get(1) / tpot)
              && InferenceLatency.timePerOutputToken(v.get(0), v.get(1) + 1, v.get(2), v.get(3), v.get(4), v.get(5)) >= tpot
              // more sequences never lower throughput (it saturates at P_peak / 2N once compute-bound)
              && InferenceLatency.decodeThroughput(v.get(0), v.get(1) + 1, v.get(2), v.get(3), v.get(4), v.get(5))
                  >= (1 - 1e-12) * InferenceLatency.decodeThroughput(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5));
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
  void atTheCrossoverBatchComputeTimeEqualsMemoryTime() {
    forAll(1403, vec(logUniform(1e8, 1e12), count(1, 4), logUniform(1e13, 1e16),
        logUniform(1e11, 1e13), logUniform(1e-6, 0.9)), v -> {
          double n = v.get(0);
          double e = v.get(1);
          double peak = v.get(2);
          double bw = v.get(3);
          double kvPerSequence = v.get(4) * 2 * n * bw / peak; // inside the meaningful domain
          double b = InferenceLatency.crossoverBatch(n, e, kvPerSequence, peak, bw);
          return b > 0
              && close(2 * n * b / peak, (n * e + b * kvPerSequence) / bw, 1e-9)
              && b >= Roofline.criticalBatch(peak, bw, e)
              && close(InferenceLatency.crossoverBatch(n, e, 0, peak, bw), Roofline.criticalBatch(peak, bw, e), 1e-12);
        });
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
    double tpot = InferenceLatency.timePerOutputToken(n, 1, 2, 0,
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
    double bound = InferenceLatency.timePerOutputToken(540e9, 1, 1, 0, 64 * 275e12, 64 * 1.2e12);
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
