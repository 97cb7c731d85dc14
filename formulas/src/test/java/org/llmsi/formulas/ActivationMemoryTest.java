package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.same;
import static org.llmsi.formulas.Props.vec;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmsi.formulas.Props.Vec;
import org.quicktheories.core.Gen;

class ActivationMemoryTest {

  // s, b, heads, d_head, n_tp
  private static final Gen<Vec> LAYERS = vec(count(1, 32768), count(1, 64), count(1, 128),
      count(16, 256), count(1, 64));

  /**
   * The per-layer activations listed in Korthikanti et al. 2023, section 4.1, one tensor at a time
   * (bytes, 16-bit values, 1-byte dropout masks), marked by whether tensor parallelism shards it
   * and whether sequence parallelism shards the rest. Returns {tp only, tp + sp}.
   */
  static double[] walk(double s, double b, double d, double a, double t) {
    double sbh = s * b * d;
    double scores = a * s * s * b;
    double[][] tensors = { // bytes, sharded by TP (1) or only by SP (0)
        {2 * sbh, 0}, // layer-norm 1 input
        {2 * sbh, 0}, // input of the QKV projection
        {4 * sbh, 1}, // Q and K for QK^T
        {2 * scores, 1}, // softmax output
        {scores, 1}, // attention dropout mask
        {2 * scores, 1}, // attention dropout output
        {2 * sbh, 1}, // V
        {2 * sbh, 1}, // input of the output projection
        {sbh, 0}, // attention dropout mask after the projection
        {2 * sbh, 0}, // layer-norm 2 input
        {2 * sbh, 0}, // input of the first MLP linear
        {8 * sbh, 1}, // GeLU input (4h wide)
        {8 * sbh, 1}, // input of the second MLP linear
        {sbh, 0}, // MLP dropout mask
    };
    double tp = 0;
    double tpSp = 0;
    for (double[] x : tensors) {
      tp += x[1] == 1 ? x[0] / t : x[0];
      tpSp += x[0] / t;
    }
    return new double[] {tp, tpSp};
  }

  @Test
  void closedFormsEqualTheTensorByTensorCount() {
    forAll(701, LAYERS, v -> {
      double s = v.get(0);
      double b = v.get(1);
      double a = v.get(2);
      double d = a * v.get(3);
      double t = v.get(4);
      double[] w = walk(s, b, d, a, t);
      return same(ActivationMemory.tensorParallel(s, b, d, a, t), w[0])
          && same(ActivationMemory.tensorSequenceParallel(s, b, d, a, t), w[1]);
    });
  }

  @Test
  void sequenceParallelismNeverIncreasesActivationMemory() {
    forAll(702, LAYERS, v -> {
      double d = v.get(2) * v.get(3);
      double t = v.get(4);
      return ActivationMemory.tensorSequenceParallel(v.get(0), v.get(1), d, v.get(2), t)
              <= ActivationMemory.tensorParallel(v.get(0), v.get(1), d, v.get(2), t)
          && ActivationMemory.tensorSequenceParallelSelective(v.get(0), v.get(1), d, t)
              <= ActivationMemory.tensorParallelSelective(v.get(0), v.get(1), d, t);
    });
  }

  @Test
  void tensorAndSequenceParallelismShardEverythingExactly() {
    forAll(703, LAYERS, v -> {
      double d = v.get(2) * v.get(3);
      double t = v.get(4);
      return same(ActivationMemory.tensorSequenceParallel(v.get(0), v.get(1), d, v.get(2), t) * t,
              ActivationMemory.tensorParallel(v.get(0), v.get(1), d, v.get(2), 1))
          && same(ActivationMemory.tensorSequenceParallelSelective(v.get(0), v.get(1), d, t) * t,
              ActivationMemory.tensorParallelSelective(v.get(0), v.get(1), d, 1));
    });
  }

  @Test
  void recomputationOnlyEverSavesMemory() {
    forAll(704, LAYERS, v -> {
      double s = v.get(0);
      double b = v.get(1);
      double d = v.get(2) * v.get(3);
      double t = v.get(4);
      double none = ActivationMemory.tensorParallel(s, b, d, v.get(2), 1);
      return ActivationMemory.tensorParallelSelective(s, b, d, t)
              < ActivationMemory.tensorParallel(s, b, d, v.get(2), t)
          && ActivationMemory.tensorSequenceParallelSelective(s, b, d, t)
              < ActivationMemory.tensorSequenceParallel(s, b, d, v.get(2), t)
          && ActivationMemory.fullRecompute(s, b, d) < none
          && same(none - ActivationMemory.tensorParallelSelective(s, b, d, 1),
              5 * v.get(2) * s * s * b);
    });
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void selectiveRecomputationSavingsForGpt3AndMtNlg() {
    // Korthikanti et al. 2023, section 4.3: for GPT-3 (a = 96, s = 2048, h = 12288) 5as/h = 80
    // and selective recomputation saves 70 % of the activation memory; for MT-NLG (a = 128,
    // s = 2048, h = 20480) 5as/h = 64 and it saves 65 %.
    assertEquals(70, savedPercent(2048, 12288, 96));
    assertEquals(65, savedPercent(2048, 20480, 128));
  }

  private static long savedPercent(double s, double d, double a) {
    double all = ActivationMemory.tensorSequenceParallel(s, 1, d, a, 8);
    double kept = ActivationMemory.tensorSequenceParallelSelective(s, 1, d, 8);
    return Math.round(100 * (1 - kept / all));
  }

  @Test
  void tableTwoTotalsPerLayer() {
    // Korthikanti et al. 2023, Table 2 (per layer): no parallelism sbh(34 + 5as/h); tensor
    // parallel sbh(10 + 24/t + 5as/(ht)); + sequence parallel sbh/t (34 + 5as/h); full
    // recomputation 2sbh. At s = 2048, b = 1, h = 12288, a = 96, t = 8 (their GPT-3 175B setup):
    double sbh = 2048 * 12288.0;
    assertEquals(sbh * (34 + 80), ActivationMemory.tensorParallel(2048, 1, 12288, 96, 1), 1e-3);
    assertEquals(sbh * (10 + 3 + 10), ActivationMemory.tensorParallel(2048, 1, 12288, 96, 8), 1e-3);
    assertEquals(sbh * 114 / 8, ActivationMemory.tensorSequenceParallel(2048, 1, 12288, 96, 8), 1e-3);
    assertEquals(2 * sbh, ActivationMemory.fullRecompute(2048, 1, 12288));
  }

  /**
   * Activations are stored per token of the micro-batch: every term is linear in the batch and,
   * for full recomputation (only the [s, b, d] layer input survives), linear in s and d too. The
   * fixed-size checks above use b = 1, where b and 1/b agree; this scales each input.
   */
  @Test
  void fullRecomputationScalesLinearlyInSequenceBatchAndWidth() {
    forAll(707, vec(count(1, 32768), count(1, 64), count(64, 16384), count(2, 8)), v -> {
      double s = v.get(0), b = v.get(1), d = v.get(2), k = v.get(3);
      double base = ActivationMemory.fullRecompute(s, b, d);
      return same(ActivationMemory.fullRecompute(k * s, b, d), k * base)
          && same(ActivationMemory.fullRecompute(s, k * b, d), k * base)
          && same(ActivationMemory.fullRecompute(s, b, k * d), k * base);
    });
  }

  // ---- The FlashAttention-era baseline -----------------------------------------------------

  /** Kind of a stored tensor: replicated under TP alone, split by TP, or a per-row statistic. */
  private enum Kind { REPLICATED, SPLIT, ROW_STATISTIC }

  private record Stored(String what, double elementsPerToken, double bytesPerElement, Kind kind) {}

  /**
   * What a Llama-style layer keeps for its backward pass, one tensor at a time, per token: each
   * matrix multiply keeps its input, each element-wise function keeps its inputs, the fused
   * attention kernel keeps Q, K, V and its output O and recomputes the scores (FlashAttention,
   * section 3.1), a residual add keeps nothing, and there is no dropout. n_ffn = 3 is a SwiGLU
   * MLP, n_ffn = 2 a GELU one.
   */
  static List<Stored> flashLayer(double e, double d, double heads, double kvHeads, double headDim,
      double ffn, int ffnMatrices) {
    List<Stored> t = new ArrayList<>();
    t.add(new Stored("attention RMSNorm input (residual stream)", d, e, Kind.REPLICATED));
    t.add(new Stored("attention RMSNorm output = input of W_q, W_k, W_v", d, e, Kind.REPLICATED));
    t.add(new Stored("Q after RoPE, kernel input", heads * headDim, e, Kind.SPLIT));
    t.add(new Stored("K after RoPE, kernel input", kvHeads * headDim, e, Kind.SPLIT));
    t.add(new Stored("V, kernel input", kvHeads * headDim, e, Kind.SPLIT));
    t.add(new Stored("attention output O = input of W_o", heads * headDim, e, Kind.SPLIT));
    t.add(new Stored("MLP RMSNorm input (residual stream)", d, e, Kind.REPLICATED));
    t.add(new Stored("MLP RMSNorm output = input of the first MLP matrices", d, e, Kind.REPLICATED));
    if (ffnMatrices == 3) {
      t.add(new Stored("gate projection = SiLU input", ffn, e, Kind.SPLIT));
      t.add(new Stored("SiLU output = product input", ffn, e, Kind.SPLIT));
      t.add(new Stored("up projection = product input", ffn, e, Kind.SPLIT));
      t.add(new Stored("product = input of the down projection", ffn, e, Kind.SPLIT));
    } else {
      t.add(new Stored("first linear = GELU input", ffn, e, Kind.SPLIT));
      t.add(new Stored("GELU output = input of the second linear", ffn, e, Kind.SPLIT));
    }
    t.add(new Stored("reciprocal RMS of each norm (fp32)", 2, 4, Kind.ROW_STATISTIC));
    t.add(new Stored("log-sum-exp per head (fp32)", heads, 4, Kind.ROW_STATISTIC));
    return t;
  }

  /** {tp only, tp + sp, row statistics} in bytes for s b tokens. */
  static double[] flashWalk(double s, double b, double e, double d, double heads, double kvHeads,
      double headDim, double ffn, int ffnMatrices, double t) {
    double tp = 0;
    double tpSp = 0;
    double statistics = 0;
    for (Stored x : flashLayer(e, d, heads, kvHeads, headDim, ffn, ffnMatrices)) {
      double bytes = s * b * x.elementsPerToken() * x.bytesPerElement();
      switch (x.kind()) {
        case REPLICATED -> { tp += bytes; tpSp += bytes / t; }
        case SPLIT -> { tp += bytes / t; tpSp += bytes / t; }
        case ROW_STATISTIC -> statistics += bytes;
      }
    }
    return new double[] {tp, tpSp, statistics};
  }

  // s, b, heads, d_head, kv-head divisor, d_ff, n_ffn, n_tp, e
  private static final Gen<Vec> LLAMA_LAYERS = vec(count(1, 32768), count(1, 64), count(1, 128),
      count(16, 256), count(1, 16), count(64, 65536), count(2, 3), count(1, 64), count(1, 4));

  @Test
  void flashBaselineEqualsTheTensorByTensorCount() {
    forAll(705, LLAMA_LAYERS, v -> {
      double s = v.get(0), b = v.get(1), heads = v.get(2), headDim = v.get(3);
      double kvHeads = Math.max(1, Math.floor(heads / v.get(4)));
      double d = heads * headDim, ffn = v.get(5), t = v.get(7), e = v.get(8);
      int ffnMatrices = (int) v.get(6);
      double[] w = flashWalk(s, b, e, d, heads, kvHeads, headDim, ffn, ffnMatrices, t);
      return same(ActivationMemory.flashTensorParallel(s, b, e, d, heads, kvHeads, headDim, ffn,
              ffnMatrices, t), w[0])
          && same(ActivationMemory.flashTensorSequenceParallel(s, b, e, d, heads, kvHeads, headDim,
              ffn, ffnMatrices, t), w[1]);
    });
  }

  @Test
  void rowStatisticsLeftOutAreUnderOnePercent() {
    // Korthikanti et al. (section 4) leave the layer norm's mean and variance out; the closed form
    // leaves the norms' reciprocal RMS and the kernel's log-sum-exp out the same way.
    forAll(706, LLAMA_LAYERS, v -> {
      double heads = v.get(2), headDim = Math.max(64, v.get(3)), d = Math.max(1024, heads * headDim);
      double[] w = flashWalk(v.get(0), v.get(1), 2, d, heads, heads, headDim, 8 * d / 3, 3, 1);
      return w[2] < 0.01 * w[0];
    });
  }

  @Test
  void withoutSoftmaxAndDropoutTheGptLayerLosesOnlyItsMasks() {
    // A GPT-3-style layer (MHA, n_h d_head = d, a GELU MLP of 4d) run through a fused kernel with
    // no dropout keeps what Korthikanti's selective recomputation keeps, minus the two 1-byte
    // dropout masks after the attention projection and after the MLP: sbd (10 + 24/t) - 2 sbd.
    forAll(708, LAYERS, v -> {
      double s = v.get(0), b = v.get(1), heads = v.get(2), headDim = v.get(3), t = v.get(4);
      double d = heads * headDim;
      return same(ActivationMemory.flashTensorParallel(s, b, 2, d, heads, heads, headDim, 4 * d, 2, t),
          ActivationMemory.tensorParallelSelective(s, b, d, t) - 2 * s * b * d);
    });
  }

  @Test
  void aSwiGluLayerKeepsMoreMlpActivationsThanTheGptConstant() {
    // Llama 3 8B (config): d = 4096, d_ff = 14336 = 3.5 d. Four SwiGLU tensors of 2 bytes keep
    // 28 d bytes per token in the MLP against the 16 d of Korthikanti's GPT layer (8sbh + 8sbh).
    double d = Data.model("llama_3_8b", "d_model");
    double ffn = Data.model("llama_3_8b", "d_ff");
    assertEquals(3.5, ffn / d);
    double mlp = flashLayer(2, d, 32, 8, 128, ffn, 3).stream()
        .filter(x -> x.kind() == Kind.SPLIT && x.elementsPerToken() == ffn)
        .mapToDouble(x -> x.elementsPerToken() * x.bytesPerElement()).sum();
    assertEquals(28 * d, mlp);
  }
  // ---- Logits and configurable checkpoints -------------------------------------------------

  @Test
  void ligerKernelSixteenPointEightGigabyteLogits() {
    // Liger Kernel (Hsu et al. 2024, arXiv:2410.10989), as quoted in the PyTorch blog "Peak
    // Performance, Minimized Memory" (2025): batch 8, sequence 4096, a 256k vocabulary give a
    // 16.8 GB logit tensor. That is 256,000 entries of 2 bytes (bf16); 262,144 would give 17.2 GB
    // and fp32 33.6 GB, so the figure also fixes the convention.
    assertEquals(16.8, Math.round(ActivationMemory.logits(4096, 8, 256_000, 2) / 1e8) / 10.0);
    assertEquals(17.2, Math.round(ActivationMemory.logits(4096, 8, 262_144, 2) / 1e8) / 10.0);
    assertEquals(33.6, Math.round(ActivationMemory.logits(4096, 8, 256_000, 4) / 1e8) / 10.0);
  }

  @Test
  void logitsScaleWithEveryFactorAndAnFp32CopyIsTwiceTheBf16One() {
    forAll(1601, vec(count(1, 131072), count(1, 64), count(1000, 300000)), v -> {
      double bf16 = ActivationMemory.logits(v.get(0), v.get(1), v.get(2), 2);
      return same(ActivationMemory.logits(v.get(0), v.get(1), v.get(2), 4), 2 * bf16)
          && same(ActivationMemory.logits(2 * v.get(0), v.get(1), v.get(2), 2), 2 * bf16)
          && same(ActivationMemory.logits(v.get(0), v.get(1), v.get(2), 2),
              ActivationMemory.logits(v.get(0) * v.get(1), 1, v.get(2), 2));
    });
  }

  @Test
  void checkpointedModelIsLayersOfCheckpointsPlusOneRecomputedLayer() {
    // L, c_ckpt, s, b, heads, d_head, n_tp
    forAll(1602, vec(count(1, 128), count(1, 8), count(1, 32768), count(1, 16), count(1, 128),
        count(16, 256), count(1, 8)), v -> {
      double layers = v.get(0);
      double c = v.get(1);
      double s = v.get(2);
      double b = v.get(3);
      double heads = v.get(4);
      double headDim = v.get(5);
      double tp = v.get(6);
      double d = heads * headDim;
      double kv = Math.max(1, heads / 8);
      double ffn = 3.5 * d;
      double model = ActivationMemory.checkpointedModel(layers, c, s, b, 2, d, heads, kv, headDim,
          ffn, 3, tp);
      double layer = ActivationMemory.flashTensorSequenceParallel(s, b, 2, d, heads, kv, headDim,
          ffn, 3, tp);
      // c_ckpt = 1 in bf16 is Korthikanti's full recomputation (2 s b d per layer) in every layer.
      double korthikanti = layers * ActivationMemory.fullRecompute(s, b, d) + layer;
      double oneMore = ActivationMemory.checkpointedModel(layers, c + 1, s, b, 2, d, heads, kv,
          headDim, ffn, 3, tp);
      return same(ActivationMemory.checkpointedModel(layers, 1, s, b, 2, d, heads, kv, headDim,
              ffn, 3, tp), korthikanti)
          && same(oneMore - model, layers * s * b * d * 2)
          && model >= layer;
    });
  }
}
