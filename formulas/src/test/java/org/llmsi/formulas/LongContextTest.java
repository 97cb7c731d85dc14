package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.same;
import static org.llmsi.formulas.Props.uniform;
import static org.llmsi.formulas.Props.vec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Long-context serving against derivations that do not share the closed forms: a block scheduler
 * that hands equal blocks to SMs, a split softmax that really writes its partial results and merges
 * them with their log-sum-exp, caches that evict token by token, and a port of Meta's
 * {@code apply_scaling} loop.
 */
class LongContextTest {

  // ---- Split-KV decode attention -------------------------------------------------------------

  /**
   * Schedules equal blocks on SMs, one block per SM at a time, each SM taking the next block when
   * it is free; returns the busy share of SM time until the last block ends.
   */
  static double simulatedBusyShare(int blocks, int sms) {
    long[] freeAt = new long[sms];
    long end = 0;
    for (int k = 0; k < blocks; k++) {
      int best = 0;
      for (int m = 1; m < sms; m++) {
        if (freeAt[m] < freeAt[best]) {
          best = m;
        }
      }
      freeAt[best] += 1; // every block takes one time unit
      end = Math.max(end, freeAt[best]);
    }
    return (double) blocks / ((double) sms * end);
  }

  @Test
  void busyShareMatchesABlockScheduler() {
    forAll(1601, 200, vec(count(1, 16), count(1, 16), count(1, 64), count(1, 200)), v -> {
      int b = (int) v.get(0);
      int kv = (int) v.get(1);
      int split = (int) v.get(2);
      int sms = (int) v.get(3);
      int blocks = (int) LongContext.ctas(b, kv, split);
      return blocks == b * kv * split
          && same(LongContext.smBusy(b, kv, split, sms), simulatedBusyShare(blocks, sms));
    });
  }

  @Test
  void minimalSplitIsTheFirstThatLeavesNoSmIdleInTheFirstWave() {
    forAll(1602, 300, vec(count(1, 64), count(1, 16), count(1, 1024)), v -> {
      int b = (int) v.get(0);
      int kv = (int) v.get(1);
      int sms = (int) v.get(2);
      int search = 1;
      while ((long) b * kv * search < sms) {
        search++;
      }
      return LongContext.minSplit(sms, b, kv) == search
          && LongContext.smBusy(b, kv, search, sms) >= 0.5 // at most one partial wave of two
          && (search == 1 || LongContext.ctas(b, kv, search - 1) < sms);
    });
  }

  /**
   * Attention of one query over s keys computed whole, and in n_split chunks whose partial outputs
   * and log-sum-exps are written to buffers and merged as Flash-Decoding does; the merged output
   * must equal the whole one, and the buffers hold n_split (d_head + 1) values per query head.
   */
  @Test
  void splitSoftmaxWithLogSumExpEqualsTheWholeAndWritesTheCountedValues() {
    forAll(1603, 200, vec(count(1, 600), count(1, 40), count(1, 32), count(1, 8)), v -> {
      int s = (int) v.get(0);
      int splits = Math.min((int) v.get(1), s);
      int d = (int) v.get(2);
      int heads = (int) v.get(3);
      SplittableRandom rnd = new SplittableRandom(s * 31L + splits * 7L + d);
      long valuesWritten = 0;
      for (int h = 0; h < heads; h++) {
        double[] q = gaussian(rnd, d);
        double[][] keys = new double[s][];
        double[][] values = new double[s][];
        for (int t = 0; t < s; t++) {
          keys[t] = gaussian(rnd, d);
          values[t] = gaussian(rnd, d);
        }
        double[] whole = attend(q, keys, values, 0, s);
        List<double[]> partialOut = new ArrayList<>();
        List<Double> partialLse = new ArrayList<>();
        for (int c = 0; c < splits; c++) {
          int from = (int) ((long) s * c / splits);
          int to = (int) ((long) s * (c + 1) / splits);
          partialOut.add(attend(q, keys, values, from, to));
          partialLse.add(logSumExp(q, keys, from, to));
          valuesWritten += d + 1;
        }
        double max = partialLse.stream().mapToDouble(x -> x).max().orElseThrow();
        double norm = 0;
        double[] merged = new double[d];
        for (int c = 0; c < splits; c++) {
          double w = Math.exp(partialLse.get(c) - max);
          norm += w;
          for (int j = 0; j < d; j++) {
            merged[j] += w * partialOut.get(c)[j];
          }
        }
        for (int j = 0; j < d; j++) {
          if (!close(merged[j] / norm, whole[j], 1e-9) && Math.abs(merged[j] / norm - whole[j]) > 1e-12) {
            return false;
          }
        }
      }
      // Written once by the split kernel and read once by the reduction, 4-byte values.
      double traffic = 2.0 * valuesWritten * 4;
      return same(LongContext.reductionBytes(1, heads, splits, d, 4), traffic);
    });
  }

  private static double[] gaussian(SplittableRandom rnd, int d) {
    double[] x = new double[d];
    for (int j = 0; j < d; j++) {
      x[j] = rnd.nextDouble(-1, 1);
    }
    return x;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += a[j] * b[j];
    }
    return sum;
  }

  private static double logSumExp(double[] q, double[][] keys, int from, int to) {
    double max = Double.NEGATIVE_INFINITY;
    for (int t = from; t < to; t++) {
      max = Math.max(max, dot(q, keys[t]));
    }
    double sum = 0;
    for (int t = from; t < to; t++) {
      sum += Math.exp(dot(q, keys[t]) - max);
    }
    return max + Math.log(sum);
  }

  private static double[] attend(double[] q, double[][] keys, double[][] values, int from, int to) {
    double lse = logSumExp(q, keys, from, to);
    double[] out = new double[q.length];
    for (int t = from; t < to; t++) {
      double p = Math.exp(dot(q, keys[t]) - lse);
      for (int j = 0; j < out.length; j++) {
        out[j] += p * values[t][j];
      }
    }
    return out;
  }

  @Test
  void splittingNeverLowersTheBusyShareBelowTheUnsplitLaunchWhenItFitsOneWave() {
    forAll(1604, vec(count(1, 8), count(1, 8), count(1, 132)), v -> {
      int b = (int) v.get(0);
      int kv = (int) v.get(1);
      int sms = (int) v.get(2);
      double unsplit = LongContext.smBusy(b, kv, 1, sms);
      int split = (int) LongContext.minSplit(sms, b, kv);
      return b * kv > sms || LongContext.smBusy(b, kv, split, sms) >= unsplit;
    });
  }

  /** The blog: at batch 1 FlashAttention (parallel over batch only) uses under 1 % of an A100. */
  @Test
  void reproducesFlashDecodingsUnderOnePercentOfAnA100() {
    double sms = Data.paper("flash_decoding", "a100_sms");
    assertEquals(Data.gpu("a100_40gb_sxm", "sm_count"), sms);
    double share = LongContext.smBusy(1, 1, 1, sms);
    assertTrue(share < Data.paper("flash_decoding", "batch1_share_bound"), "share " + share);
    // Its micro-benchmark's two KV heads at batch 1 still leave 106 of 108 SMs idle.
    double kv = Data.paper("flash_decoding", "bench_kv_heads");
    assertEquals(2.0 / 108, LongContext.smBusy(1, kv, 1, sms), 1e-15);
  }

  /** FlashAttention-2's heuristic comment: 48 blocks on 108 SMs, efficiency 0.89 and 0.67. */
  @Test
  void reproducesFlashAttentionsSplitEfficiencyExample() {
    double blocks = Data.paper("flash_attn_split_heuristic", "example_blocks");
    double sms = Data.paper("flash_attn_split_heuristic", "example_sms");
    assertEquals(Data.paper("flash_attn_split_heuristic", "example_eff_2"),
        LongContext.smBusy(1, blocks, 2, sms), 0.005);
    assertEquals(Data.paper("flash_attn_split_heuristic", "example_eff_3"),
        LongContext.smBusy(1, blocks, 3, sms), 0.005);
  }

  @Test
  void llama31At128kOnAnH100NeedsSeventeenSplitsPerKvHead() {
    double sms = Data.gpu("h100_sxm", "sm_count");
    double kv = Data.model("llama_3_1_8b", "n_kv_heads");
    assertEquals(17, LongContext.minSplit(sms, 1, kv));
    assertEquals(8.0 / 132, LongContext.smBusy(1, kv, 1, sms), 1e-15);
    // 17 splits are 136 blocks: a second wave of four, so 16 (one wave of 128) is the better pick.
    assertEquals(136.0 / 264, LongContext.smBusy(1, kv, 17, sms), 1e-15);
    assertEquals(128.0 / 132, LongContext.smBusy(1, kv, 16, sms), 1e-15);
  }

  // ---- Token budgets ------------------------------------------------------------------------

  /** A StreamingLLM cache: the first n_sink tokens and a window of the latest, evicting between. */
  @Test
  void sinkPlusWindowCacheHoldsTheBudgetedTokensAndTheFormulaReadsThem() {
    forAll(1605, 200, vec(count(1, 3000), count(0, 8), count(1, 512)), v -> {
      int s = (int) v.get(0);
      int sinks = (int) v.get(1);
      int window = (int) v.get(2);
      TreeSet<Integer> cache = new TreeSet<>();
      for (int t = 0; t < s; t++) {
        cache.add(t);
        while (cache.size() > sinks + window) {
          cache.remove(cache.higher(sinks - 1)); // the oldest token that is not a sink
        }
      }
      double layers = 2;
      double kvHeads = 3;
      double d = 16;
      double bytes = cache.size() * layers * kvHeads * 2 * d * 2;
      boolean sinksKept = s < sinks || cache.headSet(sinks).size() == sinks;
      return sinksKept
          && same(LongContext.budgetReadBytes(1, layers, kvHeads, d, sinks + window, s, 2), bytes);
    });
  }

  /**
   * Quest, page by page: keys are appended to pages of p tokens, each page keeps its element-wise
   * minimum and maximum key, a step reads every page's two vectors and then the k_tok tokens of
   * the pages it selects.
   */
  @Test
  void questReadsEveryPagesBoundsThenTheSelectedTokens() {
    forAll(1606, 200, vec(count(1, 5000), count(1, 64), count(1, 6000), count(16, 128)), v -> {
      int s = (int) v.get(0);
      int page = (int) v.get(1);
      int budget = (int) v.get(2);
      int d = (int) v.get(3);
      List<Integer> pageSizes = new ArrayList<>();
      for (int t = 0; t < s; t++) {
        if (pageSizes.isEmpty() || pageSizes.get(pageSizes.size() - 1) == page) {
          pageSizes.add(0);
        }
        pageSizes.set(pageSizes.size() - 1, pageSizes.get(pageSizes.size() - 1) + 1);
      }
      long valuesRead = 2L * d * pageSizes.size(); // min and max key per page
      int selected = 0;
      for (int size : pageSizes) { // select whole pages, then part of the last one, up to the budget
        int take = Math.min(size, budget - selected);
        selected += take;
      }
      valuesRead += 2L * d * selected; // keys and values of the selected tokens
      return same(LongContext.questReadBytes(1, 1, 1, d, s, page, budget, 2), valuesRead * 2.0);
    });
  }

  @Test
  void budgetReadsScaleWithBatchLayersAndHeadsAndNeverExceedTheFullCache() {
    forAll(1607, vec(count(1, 64), count(1, 128), count(1, 16), count(1, 1_000_000), count(1, 1_000_000)),
        v -> {
          double full = LongContext.budgetReadBytes(v.get(0), v.get(1), v.get(2), 128, v.get(3), v.get(3), 2);
          double kept = LongContext.budgetReadBytes(v.get(0), v.get(1), v.get(2), 128, v.get(4), v.get(3), 2);
          return kept <= full
              && same(full, KvCache.bytesPerToken(v.get(1), v.get(2), 128, 2) * v.get(3) * v.get(0));
        });
  }

  /** H2O's 20 % budget reads a fifth of the KV bytes of the full cache, at any length. */
  @Test
  void reproducesH2osTwentyPercentBudgetAsAFifthOfTheBytes() {
    double share = Data.paper("h2o", "budget_share");
    assertEquals(0.2, share, 1e-12);
    double s = 131072;
    double ratio = LongContext.budgetReadBytes(1, 32, 8, 128, share * s, s, 2)
        / LongContext.budgetReadBytes(1, 32, 8, 128, s, s, 2);
    assertEquals(0.2, ratio, 1e-12);
  }

  /** Quest's passkey setting on Llama 3.1 8B: pages of 16, budget 4,096, 100,000 tokens. */
  @Test
  void questsPasskeySettingReadsAboutATenthOfTheCache() {
    double s = Data.paper("quest", "passkey_length");
    double page = Data.paper("quest", "page_tokens");
    double budget = Data.paper("quest", "budget_max");
    double quest = LongContext.questReadBytes(1, 32, 8, 128, s, page, budget, 2);
    double full = LongContext.budgetReadBytes(1, 32, 8, 128, s, s, 2);
    assertEquals((6250 + 4096) / 100000.0, quest / full, 1e-12);
  }

  // ---- RoPE scaling -------------------------------------------------------------------------

  /** Meta's apply_scaling, as in meta-llama/llama-models, on one frequency. */
  static double metaApplyScaling(double freq, double scaleFactor, double lowFreqFactor,
      double highFreqFactor, double oldContextLen) {
    double lowFreqWavelen = oldContextLen / lowFreqFactor;
    double highFreqWavelen = oldContextLen / highFreqFactor;
    double wavelen = 2 * Math.PI / freq;
    if (wavelen < highFreqWavelen) {
      return freq;
    } else if (wavelen > lowFreqWavelen) {
      return freq / scaleFactor;
    } else {
      double smooth = (oldContextLen / wavelen - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
      return (1 - smooth) * freq / scaleFactor + smooth * freq;
    }
  }

  @Test
  void stretchIsTheRatioOfMetasOldToNewFrequency() {
    forAll(1608, vec(logUniform(100, 1e7), count(0, 127), count(8, 128), count(256, 131072),
        uniform(0.25, 2), uniform(2.5, 32), uniform(1, 64)), v -> {
          double headDim = 2 * v.get(2);
          double pair = Math.min(v.get(1), v.get(2) - 1);
          double freq = Math.pow(v.get(0), -2 * pair / headDim); // precompute_freqs_cis
          double lambda = LongContext.wavelength(v.get(0), pair, headDim);
          double scaled = metaApplyScaling(freq, v.get(6), v.get(4), v.get(5), v.get(3));
          double stretch = LongContext.llama3Stretch(lambda, v.get(3), v.get(4), v.get(5), v.get(6));
          return close(lambda, 2 * Math.PI / freq, 1e-12)
              && close(stretch, freq / scaled, 1e-9)
              && stretch >= 1 - 1e-12 && stretch <= v.get(6) * (1 + 1e-12);
        });
  }

  @Test
  void stretchIsContinuousAndGrowsWithTheWavelength() {
    forAll(1609, vec(logUniform(1, 1e9), uniform(0, 0.05), count(256, 131072), uniform(0.25, 2),
        uniform(2.5, 32), uniform(1, 64)), v -> {
          double lambda = v.get(0);
          double longer = lambda * (1 + v.get(1));
          double a = LongContext.llama3Stretch(lambda, v.get(2), v.get(3), v.get(4), v.get(5));
          double b = LongContext.llama3Stretch(longer, v.get(2), v.get(3), v.get(4), v.get(5));
          return b >= a * (1 - 1e-12) && b <= a * (1 + v.get(1)) * (1 + 1e-9) * v.get(5);
        });
  }

  /**
   * Llama 3.1 8B's configuration: wavelengths over 8,192 / 1 tokens stretch eight times, under
   * 8,192 / 4 = 2,048 are kept; of its 64 channel pairs 29 are kept, 6 blended, 29 stretched.
   */
  @Test
  void reproducesLlama31BandsFromItsConfiguration() {
    double theta = Data.model("llama_3_1_8b", "rope_theta");
    double d = Data.model("llama_3_1_8b", "d_head");
    double orig = Data.model("llama_3_1_8b", "rope_original_context");
    double low = Data.model("llama_3_1_8b", "rope_low_freq_factor");
    double high = Data.model("llama_3_1_8b", "rope_high_freq_factor");
    double factor = Data.model("llama_3_1_8b", "rope_scaling_factor");
    assertEquals(8192, orig / low);
    assertEquals(2048, orig / high);
    int kept = 0;
    int blended = 0;
    int stretched = 0;
    for (int i = 0; i < d / 2; i++) {
      double freq = Math.pow(theta, -2.0 * i / d);
      double ratio = freq / metaApplyScaling(freq, factor, low, high, orig);
      double g = LongContext.llama3Stretch(LongContext.wavelength(theta, i, d), orig, low, high, factor);
      assertEquals(ratio, g, 1e-9 * g);
      if (g == 1) {
        kept++;
      } else if (g == factor) {
        stretched++;
      } else {
        blended++;
      }
    }
    assertEquals(29, kept);
    assertEquals(6, blended);
    assertEquals(29, stretched);
  }
}
