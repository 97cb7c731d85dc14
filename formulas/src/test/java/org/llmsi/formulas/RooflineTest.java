package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.same;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;

class RooflineTest {

  @Test
  void attainablePerformanceIsContinuousAtTheRidgeAndNeverAboveEitherRoof() {
    forAll(1201, vec(logUniform(1e12, 1e16), logUniform(1e11, 1e13), logUniform(1e-3, 1e5)), v -> {
      double peak = v.get(0);
      double bw = v.get(1);
      double ridge = Roofline.ridgePoint(peak, bw);
      double perf = Roofline.attainablePerformance(peak, bw, v.get(2));
      return close(Roofline.attainablePerformance(peak, bw, ridge), peak, 1e-12)
          && perf <= peak && perf <= v.get(2) * bw
          && (perf == peak || perf == v.get(2) * bw)
          && Roofline.attainablePerformance(peak, bw, 2 * v.get(2)) >= perf
          && same(ridge * bw, peak);
    });
  }

  @Test
  void timeIsTheLargerOfComputeAndMemoryTimeAndMatchesAttainablePerformance() {
    forAll(1202, vec(logUniform(1, 1e15), logUniform(1, 1e12), logUniform(1e12, 1e16),
        logUniform(1e11, 1e13)), v -> {
          double t = Roofline.time(v.get(0), v.get(1), v.get(2), v.get(3));
          double intensity = Roofline.arithmeticIntensity(v.get(0), v.get(1));
          return t >= v.get(0) / v.get(2) && t >= v.get(1) / v.get(3)
              && same(t, v.get(0) / Roofline.attainablePerformance(v.get(2), v.get(3), intensity));
        });
  }

  @Test
  void matrixIntensitiesFromByteAndFlopCounts() {
    forAll(1203, vec(count(1, 8192), count(1, 8192), count(1, 8192), count(1, 4)), v -> {
      double m = v.get(0);
      double n = v.get(1);
      double k = v.get(2);
      double e = v.get(3);
      double gemm = Roofline.gemmIntensity(m, n, k, e);
      return same(gemm, Roofline.arithmeticIntensity(2 * m * n * k, (m * k + k * n + m * n) * e))
          && same(Roofline.gemvIntensity(m, n, e), Roofline.gemmIntensity(m, 1, n, e))
          && same(Roofline.dotIntensity(n, e), Roofline.gemmIntensity(1, 1, n, e))
          && gemm < 2 * Math.min(m, Math.min(n, k)) / e
          && Roofline.gemvIntensity(m, n, e) < 2 / e
          && Roofline.dotIntensity(n, e) < 1 / e;
    });
  }

  @Test
  void criticalBatchPutsTheWeightBoundMatmulOnTheRidge() {
    // For d x d weights and b << d, intensity 2 b d^2 / ((d^2 + 2 b d) e) tends to 2b/e.
    forAll(1204, vec(logUniform(1e12, 1e16), logUniform(1e11, 1e13), count(1, 4)), v -> {
      double b = Roofline.criticalBatch(v.get(0), v.get(1), v.get(2));
      double d = 1e12;
      return close(Roofline.gemmIntensity(b, d, d, v.get(2)), Roofline.ridgePoint(v.get(0), v.get(1)), 1e-6);
    });
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void nvidiaPerformanceGuideTableOne() {
    // NVIDIA Deep Learning Performance, "GPU Performance Background User's Guide", Understanding
    // Performance, Table 1 (FP16): linear layer 4096 outputs, 1024 inputs, batch 512: 315 FLOPS/B;
    // same with batch 1: 1 FLOPS/B; V100 ridge: 125 TFLOPS / 900 GB/s = 138.9 FLOPS/B.
    assertEquals(315, Math.round(Roofline.gemmIntensity(4096, 512, 1024, 2)));
    assertEquals(1, Math.round(Roofline.gemvIntensity(4096, 1024, 2)));
    assertEquals(138.9, Math.round(Roofline.ridgePoint(125e12, 900e9) * 10) / 10.0);
  }

  @Test
  void ridgePointsOfTheDataFileUseDensePeaks() {
    // H100 SXM: 989.4 TFLOP/s dense over 3.35 TB/s is 295 FLOP/B; the sparse headline would
    // claim 591 - twice the intensity a dense kernel really needs.
    double dense = Roofline.ridgePoint(Data.gpu("h100_sxm", "bf16_dense"), Data.gpu("h100_sxm", "hbm_bw"));
    double sparse = Roofline.ridgePoint(Data.gpu("h100_sxm", "bf16_sparse"), Data.gpu("h100_sxm", "hbm_bw"));
    assertEquals(295, Math.round(dense));
    assertEquals(2, sparse / dense, 1e-3);
  }
}
