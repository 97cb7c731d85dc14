package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.same;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;
import org.llmsi.formulas.ModelShapes.Config;
import org.llmsi.formulas.Props.Vec;
import org.quicktheories.core.Gen;

class KvCacheTest {

  // L, n_h, group divisor, d_head, s, b, e
  private static final Gen<Vec> CACHES = vec(count(1, 128), count(1, 128), count(1, 16),
      count(1, 256), count(1, 100_000), count(1, 64), count(1, 4));

  private static double kv(Vec v, double kvHeads) {
    return KvCache.bytes(v.get(0), kvHeads, v.get(3), v.get(4), v.get(5), v.get(6));
  }

  private static double kvHeads(Vec v) {
    return Math.max(1, Math.floor(v.get(1) / v.get(2)));
  }

  @Test
  void bytesEqualTheCacheTensorsADecoderAllocates() {
    forAll(201, CACHES, v -> {
      int heads = (int) v.get(1);
      Config c = Config.llama((int) v.get(0), heads * (int) v.get(3), heads, (int) kvHeads(v),
          (int) v.get(3), 1, 1, false);
      long elements = ModelShapes.kvCacheElements(c, (int) v.get(4), (int) v.get(5));
      return kv(v, kvHeads(v)) == elements * v.get(6);
    });
  }

  @Test
  void perTokenTimesTokensIsTheCache() {
    forAll(202, CACHES, v -> same(
        KvCache.bytesPerToken(v.get(0), kvHeads(v), v.get(3), v.get(6)) * v.get(4) * v.get(5),
        kv(v, kvHeads(v))));
  }

  @Test
  void gqaWithAsManyKvHeadsAsHeadsIsMhaAndMqaIsOneHead() {
    forAll(203, CACHES, v -> {
      double mha = kv(v, v.get(1));
      double gqa = kv(v, kvHeads(v));
      double mqa = kv(v, 1);
      // GQA saves exactly the factor n_h / n_kv; using attention heads over-estimates by it.
      return mqa <= gqa && gqa <= mha && same(mha / gqa, v.get(1) / kvHeads(v))
          && same(mha, mqa * v.get(1));
    });
  }

  @Test
  void tensorParallelismDividesTheCacheExactlyWhenItDividesTheKvHeads() {
    forAll(204, vec(count(1, 80), count(0, 4), count(0, 4), count(1, 256), count(1, 8192),
        count(1, 32), count(1, 4)), v -> {
      double nKv = Math.scalb(1.0, (int) v.get(1) + (int) v.get(2)); // n_tp = 2^v2 divides it
      double nTp = Math.scalb(1.0, (int) v.get(2));
      double total = KvCache.bytes(v.get(0), nKv, v.get(3), v.get(4), v.get(5), v.get(6));
      double perGpu = KvCache.bytesPerGpu(v.get(0), nKv, v.get(3), v.get(4), v.get(5), v.get(6), nTp);
      return perGpu * nTp == total;
    });
  }

  @Test
  void moreGpusThanKvHeadsReplicateOneHeadPerGpu() {
    forAll(205, vec(count(1, 80), count(1, 8), count(1, 8), count(1, 256), count(1, 8192)), v -> {
      double nKv = v.get(1);
      double nTp = nKv * (1 + v.get(2)); // strictly more GPUs than KV heads
      double oneHead = KvCache.bytes(v.get(0), 1, v.get(3), v.get(4), 1, 2);
      return KvCache.bytesPerGpu(v.get(0), nKv, v.get(3), v.get(4), 1, 2, nTp) == oneHead;
    });
  }

  @Test
  void noGpuHoldsLessThanItsShareOrMoreThanOneHeadBeyondIt() {
    forAll(207, vec(count(1, 80), count(1, 128), count(1, 64), count(1, 256), count(1, 8192)), v -> {
      double nKv = v.get(1);
      double nTp = v.get(2);
      double total = KvCache.bytes(v.get(0), nKv, v.get(3), v.get(4), 1, 2);
      double oneHead = KvCache.bytes(v.get(0), 1, v.get(3), v.get(4), 1, 2);
      double perGpu = KvCache.bytesPerGpu(v.get(0), nKv, v.get(3), v.get(4), 1, 2, nTp);
      return perGpu * nTp >= total && perGpu < total / nTp + oneHead && perGpu % oneHead == 0;
    });
  }

  @Test
  void twelveKvHeadsOverEightGpusPutTwoOnTheFullest() {
    assertEquals(KvCache.bytes(32, 2, 128, 4096, 1, 2), KvCache.bytesPerGpu(32, 12, 128, 4096, 1, 2, 8));
  }

  @Test
  void slidingWindowCapsTheCacheAtTheWindow() {
    forAll(206, vec(count(1, 80), count(1, 8), count(1, 256), count(1, 100_000), count(1, 100_000)),
        v -> {
          double windowed = KvCache.bytesSlidingWindow(v.get(0), v.get(1), v.get(2), v.get(3),
              v.get(4), 1, 2);
          double full = KvCache.bytes(v.get(0), v.get(1), v.get(2), v.get(3), 1, 2);
          double atWindow = KvCache.bytes(v.get(0), v.get(1), v.get(2), v.get(4), 1, 2);
          return windowed <= full && windowed <= atWindow
              && (windowed == full || windowed == atWindow);
        });
  }

  @Test
  void quantizedElementSizes() {
    forAll(207, vec(count(1, 16), count(0, 4), count(1, 256)), v -> {
      double e = KvCache.quantizedElementBytes(v.get(0), v.get(1), v.get(2));
      return same(e, v.get(0) / 8 + v.get(1) / v.get(2))
          && KvCache.quantizedElementBytes(v.get(0), 0, v.get(2)) == v.get(0) / 8
          && e >= v.get(0) / 8;
    });
    assertEquals(2.0, KvCache.quantizedElementBytes(16, 0, 1)); // bf16 without scales
    // int4 with one fp16 scale per 32 elements: 0.5 + 2/32 bytes
    assertEquals(0.5625, KvCache.quantizedElementBytes(4, 2, 32));
  }

  @Test
  void latentCacheDoesNotDependOnHeads() {
    forAll(208, vec(count(1, 128), count(1, 1024), count(0, 128), count(1, 4)), v -> same(
        KvCache.bytesPerTokenLatent(v.get(0), v.get(1), v.get(2), v.get(3)),
        v.get(0) * (v.get(1) + v.get(2)) * v.get(3)));
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void vllmPaperOpt13bCachePerTokenAndPerRequest() {
    // Kwon et al. 2023 (vLLM), section 3: one token of OPT-13B needs 2 (key and value) x 5120
    // (hidden state) x 40 (layers) x 2 (FP16) = 800 KB, and a 2048-token request up to 1.6 GB.
    // Both are BINARY units: 819,200 B = 800 KiB (819.2 kB) and 2048 tokens = 1.5625 GiB
    // (1.68 GB). The paper's "KB" and "GB" mean KiB and GiB.
    String m = "opt_13b";
    double perToken = KvCache.bytesPerToken(Data.model(m, "n_layers"), Data.model(m, "n_kv_heads"),
        Data.model(m, "d_head"), 2);
    assertEquals(800 * 1024, perToken);
    double request = KvCache.bytes(Data.model(m, "n_layers"), Data.model(m, "n_kv_heads"),
        Data.model(m, "d_head"), Data.model(m, "max_context"), 1, 2);
    assertEquals(1.6, Math.round(request / 0x1p30 * 10) / 10.0);
    assertEquals(1.7, Math.round(request / 1e9 * 10) / 10.0, "the same bytes in decimal GB");
  }

  @Test
  void nvidiaBlogLlama2SevenBCache() {
    // NVIDIA Technical Blog, "Mastering LLM Techniques: Inference Optimization" (2023), KV cache
    // section: Llama 2 7B, 16-bit, batch 1, 4096 tokens: 1 x 4096 x 2 x 32 x 4096 x 2 bytes,
    // "~2 GB". Exactly 2 GiB (2.15 GB).
    String m = "llama_2_7b";
    double bytes = KvCache.bytes(Data.model(m, "n_layers"), Data.model(m, "n_kv_heads"),
        Data.model(m, "d_head"), Data.model(m, "max_context"), 1, 2);
    assertEquals(0x1p31, bytes);
  }

  @Test
  void llama2SeventyBUsesKvHeadsNotAttentionHeads() {
    // Llama 2 paper section 2.2 / Table 1: the 70B model uses GQA; config.json num_key_value_heads
    // = 8 of num_attention_heads = 64. A calculator using heads would claim 8x the cache.
    String m = "llama_2_70b";
    double right = KvCache.bytes(Data.model(m, "n_layers"), Data.model(m, "n_kv_heads"),
        Data.model(m, "d_head"), 4096, 1, 2);
    double wrong = KvCache.bytes(Data.model(m, "n_layers"), Data.model(m, "n_heads"),
        Data.model(m, "d_head"), 4096, 1, 2);
    assertEquals(1_342_177_280, right); // 1.34 GB = 1.25 GiB
    assertEquals(8, wrong / right);
  }

  @Test
  void deepSeekV2TableOneLatentCacheIsFourAndAHalfHeadDims() {
    // DeepSeek-V2 paper, Table 1: MLA caches (d_c + d_h^R) l elements per token, "about 9/2 d_h l"
    // with d_c = 4 d_h and d_h^R = d_h / 2; MHA caches 2 n_h d_h l. DeepSeek-V3 uses the same
    // d_c = 512, d_h^R = 64 with d_h = 128 (config.json kv_lora_rank, qk_rope_head_dim).
    String m = "deepseek_v3";
    double layers = Data.model(m, "n_layers");
    double latent = KvCache.bytesPerTokenLatent(layers, Data.model(m, "kv_lora_rank"),
        Data.model(m, "qk_rope_head_dim"), 1);
    double dHead = Data.model(m, "qk_nope_head_dim");
    assertEquals(4.5 * dHead * layers, latent);
    double mha = KvCache.bytesPerToken(layers, Data.model(m, "n_heads"), dHead, 1);
    assertTrue(mha / latent > 56 && mha / latent < 57, "MLA is ~57x smaller than MHA here");
  }

  @Test
  void mistralSlidingWindowBoundsTheCache() {
    // Mistral 7B paper, section 2: with W = 4096 the rolling buffer cache holds at most W tokens;
    // "on a sequence length of 32k tokens, this reduces the cache memory usage by 8x".
    String m = "mistral_7b";
    double full = KvCache.bytes(Data.model(m, "n_layers"), Data.model(m, "n_kv_heads"),
        Data.model(m, "d_head"), 32768, 1, 2);
    double windowed = KvCache.bytesSlidingWindow(Data.model(m, "n_layers"),
        Data.model(m, "n_kv_heads"), Data.model(m, "d_head"), 32768,
        Data.model(m, "sliding_window"), 1, 2);
    assertEquals(8, full / windowed);
  }

  /**
   * A windowed cache is the plain cache of min(s, w) tokens, and like it is linear in the batch and
   * in bytes per element (tests elsewhere fix b = 1 and e = 2, where a slip would hide).
   */
  @Test
  void slidingWindowIsThePlainCacheOfTheKeptTokensAndLinearInBatchAndPrecision() {
    forAll(1707, vec(count(1, 128), count(1, 64), count(16, 256), count(1, 131072), count(1, 131072),
        count(1, 64), count(1, 4), count(2, 8)), v -> {
      double l = v.get(0), kv = v.get(1), dh = v.get(2), s = v.get(3), w = v.get(4), b = v.get(5),
          e = v.get(6), k = v.get(7);
      double windowed = KvCache.bytesSlidingWindow(l, kv, dh, s, w, b, e);
      return same(windowed, KvCache.bytes(l, kv, dh, Math.min(s, w), b, e))
          && same(KvCache.bytesSlidingWindow(l, kv, dh, s, w, k * b, e), k * windowed)
          && same(KvCache.bytesSlidingWindow(l, kv, dh, s, w, b, k * e), k * windowed);
    });
  }
}
