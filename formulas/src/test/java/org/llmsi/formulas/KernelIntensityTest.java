package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.same;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;

class KernelIntensityTest {

  @Test
  void attentionIntensityFromCountingFlopsAndBytesPerKvHead() {
    // Independent count with an explicit head width: QK^T and PV are 2 s_q s d_head FLOP each per
    // query head; Q, O per query head and K, V per KV head move once.
    forAll(1301, vec(count(1, 8192), count(1, 131072), count(1, 128), count(1, 16), count(8, 256),
        count(1, 4)), v -> {
          double heads = v.get(2);
          double kvHeads = Math.max(1, Math.floor(heads / v.get(3)));
          double sq = v.get(0);
          double s = v.get(1);
          double dh = v.get(4);
          double e = v.get(5);
          double flops = heads * 2 * (2 * sq * s * dh);
          double bytes = (heads * 2 * sq * dh + kvHeads * 2 * s * dh) * e;
          return same(KernelIntensity.attention(sq, s, heads, kvHeads, e), flops / bytes);
        });
  }

  @Test
  void decodeAttentionIsBoundedByTwiceTheGroupOverElementSize() {
    forAll(1302, vec(count(1, 131072), count(1, 128), count(1, 16), count(1, 4)), v -> {
      double heads = v.get(1);
      double kvHeads = Math.max(1, Math.floor(heads / v.get(2)));
      double e = v.get(3);
      double decode = KernelIntensity.attention(1, v.get(0), heads, kvHeads, e);
      double mha = KernelIntensity.attention(1, v.get(0), heads, heads, e);
      return decode < 2 * heads / kvHeads / e && mha < 2 / e && decode >= mha
          && KernelIntensity.attention(2, v.get(0), heads, kvHeads, e) > decode;
    });
  }

  @Test
  void elementwiseIntensityFallsWithMoreInputsAndWiderElements() {
    forAll(1303, vec(count(1, 100), count(1, 8), count(1, 8)), v ->
        KernelIntensity.elementwise(v.get(0), v.get(1) + 1, v.get(2)) < KernelIntensity.elementwise(v.get(0), v.get(1), v.get(2))
            && KernelIntensity.elementwise(v.get(0), v.get(1), 2 * v.get(2)) < KernelIntensity.elementwise(v.get(0), v.get(1), v.get(2))
            && same(KernelIntensity.elementwise(2 * v.get(0), v.get(1), v.get(2)),
                2 * KernelIntensity.elementwise(v.get(0), v.get(1), v.get(2))));
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void nvidiaPerformanceGuideElementwiseRows() {
    // NVIDIA "GPU Performance Background User's Guide", Table 1 (FP16): ReLU activation
    // 0.25 FLOPS/B (1 FLOP, 2 bytes read, 2 written); max pooling 3x3 window, unit stride,
    // 2.25 FLOPS/B (9 operations per output, each input read once).
    assertEquals(0.25, KernelIntensity.elementwise(1, 1, 2));
    assertEquals(2.25, KernelIntensity.elementwise(9, 1, 2));
  }

  @Test
  void mhaDecodeAttentionIsBelowOneFlopPerByteInSixteenBit() {
    // With one query token and MHA, intensity 2s/((1+s) e) < 1 FLOP/B at e = 2: far below any
    // GPU's ridge (data file: hundreds of FLOP/B), which is why decode attention is memory-bound.
    double i = KernelIntensity.attention(1, 4096, 32, 32, 2);
    assertEquals(2.0 * 4096 / 4097 / 2, i, 1e-12);
  }
}
