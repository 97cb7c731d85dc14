package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.same;
import static org.llmsi.formulas.Props.uniform;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;

class TrainingTimeTest {

  private static final double DAY = 86400;

  @Test
  void timeTimesDeliveredFlopsIsTheComputeAndMfuInvertsIt() {
    forAll(901, vec(logUniform(1e6, 1e13), logUniform(1e3, 1e8), count(1, 100_000),
        logUniform(1e12, 1e16), uniform(0.01, 1)), v -> {
          double n = v.get(0);
          double rate = v.get(1);
          double gpus = v.get(2);
          double peak = v.get(3);
          double mfu = TrainingTime.modelFlopsUtilisation(n, rate, gpus, peak);
          double compute = 6 * n * rate * 1000; // 1000 s of training at that rate
          return same(TrainingTime.time(compute, gpus, peak, mfu), 1000)
              && same(TrainingTime.hardwareFlopsUtilisationFullRecompute(n, rate, gpus, peak), mfu * 4 / 3)
              && TrainingTime.time(compute, gpus, peak, v.get(4)) > TrainingTime.time(compute, 2 * gpus, peak, v.get(4))
              && TrainingTime.modelFlopsUtilisationWithAttention(n, 1, 1, 1, rate, gpus, peak) > mfu;
        });
  }

  @Test
  void aSparsePeakHalvesTheReportedUtilisation() {
    double dense = Data.gpu("h100_sxm", "bf16_dense");
    double sparse = Data.gpu("h100_sxm", "bf16_sparse");
    double mfuDense = TrainingTime.modelFlopsUtilisation(70e9, 1000, 1, dense);
    double mfuSparse = TrainingTime.modelFlopsUtilisation(70e9, 1000, 1, sparse);
    assertEquals(2, mfuDense / mfuSparse, 1e-3);
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void megatronEndToEndTrainingTimes() {
    // Narayanan et al. 2021, section 5.1: time = 8 T P / (n X) with activation recomputation.
    // GPT-3: P = 175B, T = 300B, n = 1024 A100s, X = 140 TFLOP/s: 34 days. 1T model (Table 1:
    // 1008B parameters), T = 450B, n = 3072, X = 163 TFLOP/s: 84 days.
    assertEquals(34, Math.round(TrainingTime.time(8 * 175e9 * 300e9, 1024, 140e12, 1) / DAY));
    assertEquals(84, Math.round(TrainingTime.time(8 * 1008e9 * 450e9, 3072, 163e12, 1) / DAY));
  }

  @Test
  void palmModelFlopsUtilisation() {
    // Chowdhery et al. 2022, section 4.1 and Appendix B: PaLM 540B (540.35B parameters, Table 1;
    // L = 118, H = 48, Q = 256, T = 2048) at 238.3K tokens/s on 6144 TPU v4 chips of 275 TFLOP/s
    // peak: MFU 46.2 %. The 6N-only definition gives 45.7 %: PaLM counts the attention term.
    double n = Data.model("palm_540b", "params_published");
    double layers = Data.model("palm_540b", "n_layers");
    double attentionWidth = Data.model("palm_540b", "n_heads") * Data.model("palm_540b", "d_head");
    double withAttention = TrainingTime.modelFlopsUtilisationWithAttention(
        n, layers, 2048, attentionWidth, 238.3e3, 6144, 275e12);
    assertEquals(46.2, Math.round(withAttention * 1000) / 10.0);
    assertEquals(45.7,
        Math.round(TrainingTime.modelFlopsUtilisation(n, 238.3e3, 6144, 275e12) * 1000) / 10.0);
    // The attention term takes the attention width H Q = 12,288, not the model width 18,432:
    // with the model width the same throughput would read 46.5 %, which PaLM does not print.
    double withModelWidth = TrainingTime.modelFlopsUtilisationWithAttention(
        n, layers, 2048, Data.model("palm_540b", "d_model"), 238.3e3, 6144, 275e12);
    assertEquals(46.5, Math.round(withModelWidth * 1000) / 10.0);
  }

  @Test
  void mptSevenBillionBenchmarkMfuUnderTwoConventions() {
    // MosaicML llm-foundry, scripts/train/benchmarking/README.md, "H100 80GB BF16": MPT-7B
    // (6,667,247,616 parameters; 32 layers of width 4096) at 4096-token sequences on 8 H100s,
    // 8611 tokens/s per GPU, MFU 40.42 counting the attention term (collect_results.py divides by
    // 1.979e15 / 2 per GPU). The same throughput is 34.8 % of peak under 6N alone.
    double peak = 1.979e15 / 2;
    double withAttention = TrainingTime.modelFlopsUtilisationWithAttention(
        6667247616.0, 32, 4096, 4096, 8611, 1, peak);
    assertEquals(40.42, Math.round(withAttention * 10000) / 100.0);
    assertEquals(34.8,
        Math.round(TrainingTime.modelFlopsUtilisation(6667247616.0, 8611, 1, peak) * 1000) / 10.0);
  }
  // ---- Global batch, accumulation and tokens per step --------------------------------------

  @Test
  void llamaThreeTableFourTokensPerBatch() {
    // Dubey et al. 2024, Table 4: 8,192 GPUs with DP 64, 32 sequences per DP group, 8,192
    // tokens; 16,384 GPUs with DP 128 and 16 sequences: "16M" tokens per batch, 2^24 in both.
    assertEquals(Math.scalb(1.0, 24), TrainingTime.tokensPerStep(64, 32, 1, 8192));
    assertEquals(Math.scalb(1.0, 24), TrainingTime.tokensPerStep(128, 16, 1, 8192));
    assertEquals(Math.scalb(1.0, 24), TrainingTime.tokensPerStep(64, 1, 32, 8192));
  }

  @Test
  void accumulationStepsRebuildTheGlobalBatch() {
    // n_dp, b, n_acc, s
    Props.forAll(2101, Props.vec(Props.count(1, 4096), Props.count(1, 64), Props.count(1, 256),
        Props.count(1, 131072)), v -> {
      double dp = v.get(0);
      double b = v.get(1);
      double acc = v.get(2);
      double s = v.get(3);
      double global = dp * b * acc;
      double tokens = TrainingTime.tokensPerStep(dp, b, acc, s);
      // Count the micro-batches one by one: every replica runs acc of them.
      double counted = 0;
      for (int step = 0; step < acc; step++) {
        counted += dp * b * s;
      }
      return Props.same(TrainingTime.accumulationSteps(global, dp, b), acc)
          && Props.same(tokens, counted) && Props.same(tokens, global * s);
    });
  }
}
