package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;

class PrefixCacheTiersTest {

  /**
   * Against the prefill model of the inference chapter: recomputing a prefix of s tokens is a
   * prefill, timed by {@link InferenceLatency#timeToFirstToken}. Whenever that prefill is
   * compute-bound, a tier exactly at the break-even bandwidth reloads the prefix in exactly the
   * prefill's time, a faster tier in less and a slower one in more, at every prefix length.
   */
  @Test
  void atTheBreakEvenBandwidthReloadTakesAsLongAsAComputeBoundPrefill() {
    forAll(2659, vec(logUniform(1e8, 2e12), logUniform(1e4, 4e6), logUniform(1e14, 5e15),
        count(1, 131072), logUniform(1.01, 100)), v -> {
          double n = v.get(0);
          double mTok = v.get(1);
          double peak = v.get(2);
          double s = v.get(3);
          double factor = v.get(4);
          double hbm = 1e30; // weights' read time negligible: the prefill is compute-bound
          double prefill = InferenceLatency.timeToFirstToken(n, s, 1, 2, peak, hbm);
          double even = PrefixCacheTiers.breakEvenBandwidth(mTok, peak, n);
          return close(PrefixCacheTiers.reloadTime(s, mTok, even), prefill, 1e-9)
              && PrefixCacheTiers.reloadTime(s, mTok, even * factor) < prefill
              && PrefixCacheTiers.reloadTime(s, mTok, even / factor) > prefill;
        });
  }

  /**
   * Tensor parallelism does not move the break-even: each of n_tp GPUs reloads its 1/n_tp of the
   * cache over its own link and recomputes with its 1/n_tp of the weights at its own peak.
   */
  @Test
  void breakEvenIsTheSamePerGpuUnderTensorParallelism() {
    forAll(2663, vec(logUniform(1e8, 2e12), logUniform(1e4, 4e6), logUniform(1e14, 5e15),
        count(1, 8)), v -> close(
            PrefixCacheTiers.breakEvenBandwidth(v.get(1) / v.get(3), v.get(2), v.get(0) / v.get(3)),
            PrefixCacheTiers.breakEvenBandwidth(v.get(1), v.get(2), v.get(0)), 1e-12));
  }

  @Test
  void reloadTimeAddsUpLayerByLayer() {
    // A layer-by-layer reload (as layer-wise streaming does it) moves the same bytes.
    double layers = 80;
    double perLayer = 2 * 8 * 128 * 2; // keys and values of 8 KV heads of 128, BF16
    double s = 8192;
    double tier = 64e9;
    double sum = 0;
    for (int l = 0; l < layers; l++) {
      sum += s * perLayer / tier;
    }
    assertEquals(sum, PrefixCacheTiers.reloadTime(s, layers * perLayer, tier), 1e-12);
  }
}
