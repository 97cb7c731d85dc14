package org.llmsi.formulas;

import org.llmsi.formulas.simulation.CollectiveSimulation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.vec;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An independent derivation of the per-kernel decode step: a walk over a model configuration,
 * layer by layer and kernel by kernel (QKV projection, attention over the cache, output
 * projection, all-reduce, MLP gate, up and down projections, all-reduce; then the output head),
 * each kernel timed under its own roofline from the tensor shapes of {@link ModelShapes}, the
 * all-reduces by the step-by-step ring of {@link CollectiveSimulation}, and the times summed.
 * It shares no code with {@link InferenceLatency}'s closed forms.
 */
class DecodeKernelWalkTest {

  /** A GPU as the walk sees it: effective compute and bandwidth, link and per-step latency. */
  record Gpu(double peak, double attentionPeak, double bw, double link, double alpha) {}

  /** One kernel of the walk. */
  record Kernel(String name, double flops, double bytes, double commSeconds) {}

  /**
   * The kernels of one decode step on one GPU of an n_tp-way tensor-parallel group: b sequences
   * of s cached tokens, sq query tokens each, weights of e bytes, cache of ekv bytes.
   * With activations true the walk also counts each matmul's input and output activations.
   */
  static List<Kernel> walk(ModelShapes.Config c, int b, int s, int sq, double e, double ekv, int tp,
      Gpu gpu, boolean activations) {
    List<Kernel> k = new ArrayList<>();
    double tokens = (double) b * sq;
    double qHeads = (double) c.heads() / tp;
    double kvHeads = Math.ceil((double) c.kvHeads() / tp);
    for (int l = 0; l < c.layers(); l++) {
      matmul(k, "qkv", c.d(), (qHeads + 2 * kvHeads) * c.headDim(), tokens, e, activations);
      // attention: each query head scores sq queries against s keys and mixes s values
      double flops = 0;
      for (int h = 0; h < qHeads; h++) {
        flops += tokens * s * c.headDim() * 2 /* QK^T */ + tokens * s * c.headDim() * 2 /* PV */;
      }
      double cache = b * kvHeads * 2 /* K and V */ * s * c.headDim() * ekv;
      k.add(new Kernel("attention", flops, cache, 0));
      matmul(k, "o_proj", qHeads * c.headDim(), c.d(), tokens, e, activations);
      allReduce(k, tokens * c.d() * 2, tp, gpu);
      if (c.ffnMatrices() == 3) {
        matmul(k, "gate_proj", c.d(), (double) c.ffn() / tp, tokens, e, activations);
      }
      matmul(k, "up_proj", c.d(), (double) c.ffn() / tp, tokens, e, activations);
      matmul(k, "down_proj", (double) c.ffn() / tp, c.d(), tokens, e, activations);
      allReduce(k, tokens * c.d() * 2, tp, gpu);
    }
    matmul(k, "lm_head", c.d(), (double) c.vocab() / tp, tokens, e, activations);
    return k;
  }

  private static void matmul(List<Kernel> k, String name, double in, double out, double tokens,
      double e, boolean activations) {
    double bytes = in * out * e + (activations ? tokens * (in + out) * 2 : 0);
    k.add(new Kernel(name, 2 * tokens * in * out, bytes, 0));
  }

  /** A ring all-reduce simulated step by step on tp ranks; its time is rounds x alpha + link bytes. */
  private static void allReduce(List<Kernel> k, double bytes, int tp, Gpu gpu) {
    if (tp == 1) {
      return;
    }
    double[][] input = new double[tp][tp];
    for (int r = 0; r < tp; r++) {
      for (int i = 0; i < tp; i++) {
        input[r][i] = r + i;
      }
    }
    CollectiveSimulation.Run run = CollectiveSimulation.ringAllReduce(input, 1, bytes / tp);
    double busiest = 0;
    for (double x : run.bytesOnLink()) {
      busiest = Math.max(busiest, x);
    }
    k.add(new Kernel("all-reduce", 0, 0, run.rounds() * gpu.alpha() + busiest / gpu.link()));
  }

  /** Each kernel under its own roofline, summed. */
  static double sumOfKernels(List<Kernel> ks, Gpu gpu) {
    double t = 0;
    for (Kernel x : ks) {
      double peak = x.name().equals("attention") ? gpu.attentionPeak() : gpu.peak();
      t += Math.max(x.flops() / peak, x.bytes() / gpu.bw()) + x.commSeconds();
    }
    return t;
  }

  static double closedForm(ModelShapes.Config c, int b, int s, int sq, double e, double ekv, int tp, Gpu gpu) {
    double n = matmulWeights(c) / tp;
    double kv = ModelShapes.kvCacheElements(c, s, b) * ekv / tp;
    double mm = InferenceLatency.matmulTime(n, b, sq, e, gpu.peak(), gpu.bw());
    double attn = InferenceLatency.attentionTime(sq, c.heads(), c.kvHeads(), kv, ekv, gpu.attentionPeak(), gpu.bw());
    double comm = InferenceLatency.tensorParallelAllReduceTime(c.layers(), b, sq, c.d(), 2, tp, gpu.link(), gpu.alpha());
    return InferenceLatency.timePerOutputToken(mm, attn, comm);
  }

  /** The weights a token multiplies with: every matrix but the embedding lookup (norm vectors are not matmuls). */
  static double matmulWeights(ModelShapes.Config c) {
    return ModelShapes.tensors(c).stream()
        .filter(x -> x.shape().length == 2 && !x.lookup())
        .mapToLong(ModelShapes.Tensor::size).sum();
  }

  static Gpu h100(double tensorEfficiency, double bandwidthEfficiency) {
    double bf16 = Data.gpu("h100_sxm", "bf16_dense") * tensorEfficiency;
    return new Gpu(bf16, bf16, Data.gpu("h100_sxm", "hbm_bw") * bandwidthEfficiency,
        Data.gpu("h100_sxm", "nvlink_bw_bidirectional") / 2, 1e-6);
  }

  /** Without activation traffic the walk and the closed forms agree to rounding, for any batch. */
  @Test
  void closedFormEqualsTheKernelWalkOverLlamaConfigs() {
    String[] models = {"llama_3_8b", "llama_3_70b", "llama_2_70b", "llama_3_1_405b"};
    forAll(3101, 60, vec(count(0, models.length - 1), count(1, 1024), count(1, 32768), count(1, 5),
        count(0, 3), count(1, 2)), v -> {
          ModelShapes.Config c = ModelShapes.Config.fromData(models[(int) v.get(0)]);
          int b = (int) v.get(1), s = (int) v.get(2), sq = (int) v.get(3);
          int tp = 1 << (int) v.get(4); // 1, 2, 4, 8: at most the 8 KV heads
          double e = v.get(5);
          Gpu gpu = h100(0.5, 1);
          double walked = sumOfKernels(walk(c, b, s, sq, e, 2, tp, gpu, false), gpu);
          return close(walked, closedForm(c, b, s, sq, e, 2, tp, gpu), 1e-9);
        });
  }

  /** With activations read and written by every matmul, the closed form stays within 3 %. */
  @Test
  void activationTrafficTheClosedFormLeavesOutIsSmall() {
    ModelShapes.Config c = ModelShapes.Config.fromData("llama_3_70b");
    Gpu gpu = h100(0.5, 0.6);
    for (int b : new int[] {1, 64, 192, 512}) {
      for (int s : new int[] {1024, 8192}) {
        double walked = sumOfKernels(walk(c, b, s, 1, 1, 2, 4, gpu, true), gpu);
        double closed = closedForm(c, b, s, 1, 1, 2, 4, gpu);
        assertTrue(walked >= closed * (1 - 1e-12) && walked <= 1.03 * closed, b + " x " + s + ": " + walked + " vs " + closed);
      }
    }
  }

  /**
   * What the walk shows kernel by kernel: past the critical batch every matmul is compute-bound,
   * attention is memory-bound at every batch, and one max over the step's totals understates the
   * step, by up to two times where the two balance.
   */
  @Test
  void matmulsTurnComputeBoundAttentionDoesNotAndOneMaxUnderstates() {
    ModelShapes.Config c = ModelShapes.Config.fromData("llama_3_70b");
    Gpu gpu = h100(1, 1);
    double crit = Roofline.criticalBatch(gpu.peak(), gpu.bw(), 2);
    for (int b : new int[] {(int) Math.floor(crit), (int) Math.ceil(crit)}) {
      for (Kernel x : walk(c, b, 1024, 1, 2, 2, 4, gpu, false)) {
        boolean computeBound = x.flops() / gpu.peak() > x.bytes() / gpu.bw();
        if (x.name().equals("attention")) {
          assertTrue(!computeBound, "attention at batch " + b);
        } else if (x.commSeconds() == 0) {
          assertEquals(b > crit, computeBound, x.name() + " at batch " + b);
        }
      }
    }
    forAll(3102, 200, vec(count(1, 4096), count(128, 131072)), v -> {
      int b = (int) v.get(0), s = (int) v.get(1);
      List<Kernel> ks = walk(c, b, s, 1, 2, 2, 1, gpu, false);
      double flops = 0, bytes = 0;
      for (Kernel x : ks) {
        flops += x.flops();
        bytes += x.bytes();
      }
      double oneMax = Math.max(flops / gpu.peak(), bytes / gpu.bw());
      double sum = sumOfKernels(ks, gpu);
      return sum >= oneMax * (1 - 1e-12) && sum <= 2 * oneMax
          && close(oneMax, InferenceLatency.oneMaxStepTime(matmulWeights(c), b, 1, 2, c.heads(),
              c.kvHeads(), ModelShapes.kvCacheElements(c, s, b) * 2.0, 2, gpu.peak(), gpu.bw()), 1e-9);
    });
  }

  /** The walk of a real step: Llama 3 70B, BF16, TP4, 1k context on H100s, batch 512. */
  @Test
  void llama3SeventyBAtBatch512() {
    ModelShapes.Config c = ModelShapes.Config.fromData("llama_3_70b");
    Gpu gpu = h100(1, 1);
    List<Kernel> ks = walk(c, 512, 1024, 1, 2, 2, 4, gpu, false);
    double sum = sumOfKernels(ks, gpu);
    double flops = 0, bytes = 0;
    for (Kernel x : ks) {
      flops += x.flops();
      bytes += x.bytes();
    }
    double oneMax = Math.max(flops / gpu.peak(), bytes / gpu.bw());
    // without the all-reduces the sum is a third above the one max; the all-reduces add to that
    assertTrue(sum / oneMax > 1.3, "sum " + sum + " one max " + oneMax);
  }
}
