package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.same;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;

/**
 * Decode attention of multi-head latent attention ({@link InferenceLatency#latentAttentionTime})
 * against a walk over its matrix products, against the GQA kernel it reduces to, and against the
 * published analysis of DeepSeek's FlashMLA kernel.
 */
class LatentAttentionTest {

  /**
   * Walk the absorbed kernel sequence by sequence, layer by layer and head by head: each head
   * multiplies its s_q x (d_c + d_rope) query by the transposed s x (d_c + d_rope) latent-and-RoPE
   * keys, then its s_q x s probabilities by the s x d_c latent values; the cache of a sequence and
   * layer is read once, whatever the head count. Count FLOPs and bytes, then take the roofline.
   */
  @Test
  void closedFormMatchesAWalkOverTheKernelsMatrixProducts() {
    forAll(1601, 200, vec(count(1, 4), count(1, 128), count(64, 1024), count(0, 128), count(1, 8),
        count(1, 50_000), count(1, 6), count(1, 4), logUniform(1e12, 1e16), logUniform(1e11, 1e13)),
        v -> {
          int sq = (int) v.get(0), heads = (int) v.get(1), dc = (int) v.get(2), dr = (int) v.get(3);
          int layers = (int) v.get(4), batch = (int) v.get(6);
          double s = v.get(5), e = v.get(7), peak = v.get(8), bw = v.get(9);
          double flops = 0;
          double bytes = 0;
          for (int seq = 0; seq < batch; seq++) {
            for (int l = 0; l < layers; l++) {
              bytes += s * (dc + dr) * e;            // latent and RoPE key, read once
              for (int h = 0; h < heads; h++) {
                flops += 2.0 * sq * s * (dc + dr);   // scores: q K^T over the key width
                flops += 2.0 * sq * s * dc;          // values: P times the latent
              }
            }
          }
          double walk = Math.max(flops / peak, bytes / bw);
          return same(InferenceLatency.latentAttentionTime(sq, heads, dc, dr, layers, s, batch, e,
              peak, bw), walk);
        });
  }

  /**
   * Without a RoPE part, the absorbed kernel does the arithmetic of a one-KV-head (MQA) cache
   * whose keys and values are both the d_c-wide latent, and reads half its bytes: the latent is
   * stored once instead of as separate keys and values.
   */
  @Test
  void withoutRopeItIsAnMqaKernelThatReadsHalfTheBytes() {
    forAll(1603, vec(count(1, 4), count(1, 128), count(64, 1024), count(1, 160), count(1, 100_000),
        count(1, 256), count(1, 4)), v -> {
          double sq = v.get(0), heads = v.get(1), dc = v.get(2), layers = v.get(3), s = v.get(4);
          double batch = v.get(5), e = v.get(6);
          double mqaBytes = 2 * layers * dc * s * batch * e;
          double huge = 1e300;
          double mlaCompute = InferenceLatency.latentAttentionTime(sq, heads, dc, 0, layers, s, batch,
              e, 1e15, huge);
          double mqaCompute = InferenceLatency.attentionTime(sq, heads, 1, mqaBytes, e, 1e15, huge);
          double mlaMemory = InferenceLatency.latentAttentionTime(sq, heads, dc, 0, layers, s, batch,
              e, huge, 1e12);
          double mqaMemory = InferenceLatency.attentionTime(sq, heads, 1, mqaBytes, e, huge, 1e12);
          return same(mlaCompute, mqaCompute) && same(2 * mlaMemory, mqaMemory);
        });
  }

  /**
   * FlashMLA's deep dive approximates the kernel's intensity as 2 h_q s_q FLOP per byte and puts
   * the crossover at h_q s_q = 128 on a throttled H800 (865 TFLOPS, 3.35 TB/s). With the exact
   * widths (d_k = 576, d_v = 512, the README's MQA mode; DeepSeek-V3's config gives the same
   * through kv_lora_rank and qk_rope_head_dim) the intensity is (d_k + d_v)/d_k = 1.89 per head and
   * query rather than 2, so the exact crossover sits at about 137 heads, within 7 % of the published
   * 128. With FlashMLA's own measured rates, 660 TFLOPS and 3000 GB/s, DeepSeek-V3's 128 heads put
   * the kernel on the compute side, as the deep dive says.
   */
  @Test
  void flashMlaPublishedAnalysisAndDeepSeekV3Shape() {
    double dc = Data.model("deepseek_v3", "kv_lora_rank");
    double dr = Data.model("deepseek_v3", "qk_rope_head_dim");
    double heads = Data.model("deepseek_v3", "n_heads");
    assertEquals(Data.paper("flashmla", "head_dim_k"), dc + dr);
    assertEquals(Data.paper("flashmla", "head_dim_v"), dc);

    double e = 2, s = 4096, layers = 1, batch = 1;
    double bytes = s * (dc + dr) * e;
    double perHeadIntensity = InferenceLatency.latentAttentionTime(1, 1, dc, dr, layers, s, batch, e,
        1, 1e300) / (bytes / 1);
    // the FLOPs of one head over its bytes: (d_k + d_v) / d_k per byte of BF16 pairs
    assertEquals((2 * dc + dr) / (dc + dr), perHeadIntensity, 1e-9);

    double ridge = Data.paper("flashmla", "throttled_flops") / Data.paper("flashmla", "h800_bw");
    double exactCrossover = ridge / perHeadIntensity;
    double published = Data.paper("flashmla", "crossover_heads");
    assertTrue(Math.abs(exactCrossover / published - 1) < 0.07,
        "exact crossover " + exactCrossover + " vs published " + published);
    // the deep dive's own approximation reproduces its printed 128 (to rounding)
    assertEquals(published, ridge / 2, 1.5);

    double peak = Data.paper("flashmla", "decode_flops"), bw = Data.paper("flashmla", "decode_bw");
    double t = InferenceLatency.latentAttentionTime(1, heads, dc, dr, layers, s, batch, e, peak, bw);
    assertTrue(t > bytes / bw, "128 heads at FlashMLA's measured rates are compute-bound");
    double tTp8 = InferenceLatency.latentAttentionTime(1, heads / 8, dc, dr, layers, s, batch, e,
        peak, bw);
    assertEquals(bytes / bw, tTp8, 1e-12 * tTp8);
  }
}
