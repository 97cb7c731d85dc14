package org.llmsi.formulas;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent derivation of parameter and KV-cache counts: the list of weight tensors a model
 * configuration defines, named as in a Hugging Face checkpoint, with their shapes. Counting is a
 * sum over shapes, written without the closed forms of {@link TransformerParameters}.
 */
final class ModelShapes {
  private ModelShapes() {}

  /** A model configuration; experts = 0 means a dense FFN. */
  record Config(
      int layers, int d, int heads, int kvHeads, int headDim, int ffn, int ffnMatrices, int vocab,
      boolean tied, int experts, int expertsPerToken, boolean biases, int learnedPositions) {

    static Config llama(int layers, int d, int heads, int kvHeads, int headDim, int ffn,
        int vocab, boolean tied) {
      return new Config(layers, d, heads, kvHeads, headDim, ffn, 3, vocab, tied, 0, 0, false, 0);
    }

    static Config fromData(String key) {
      boolean moe = Data.has(Data.MODELS, key, "n_experts");
      return new Config(
          (int) Data.model(key, "n_layers"), (int) Data.model(key, "d_model"),
          (int) Data.model(key, "n_heads"), (int) Data.model(key, "n_kv_heads"),
          (int) Data.model(key, "d_head"), (int) Data.model(key, "d_ff"),
          (int) Data.model(key, "ffn_matrices"), (int) Data.model(key, "vocab"),
          Data.model(key, "tied_embeddings") == 1,
          moe ? (int) Data.model(key, "n_experts") : 0,
          moe ? (int) Data.model(key, "experts_per_token") : 0, false, 0);
    }

    Config withBiasesAndPositions(int positions) {
      return new Config(layers, d, heads, kvHeads, headDim, ffn, ffnMatrices, vocab, tied,
          experts, expertsPerToken, true, positions);
    }
  }

  /** One weight tensor; expert is the routed-expert index or -1; lookup marks the input embedding. */
  record Tensor(String name, long[] shape, int expert, boolean lookup) {
    long size() {
      long n = 1;
      for (long s : shape) {
        n *= s;
      }
      return n;
    }
  }

  static List<Tensor> tensors(Config c) {
    List<Tensor> t = new ArrayList<>();
    t.add(new Tensor("embed_tokens", new long[] {c.vocab(), c.d()}, -1, true));
    if (c.learnedPositions() > 0) {
      t.add(new Tensor("embed_positions", new long[] {c.learnedPositions(), c.d()}, -1, true));
    }
    for (int l = 0; l < c.layers(); l++) {
      String p = "layers." + l + ".";
      norm(t, c, p + "input_layernorm");
      linear(t, c, p + "self_attn.q_proj", c.heads() * c.headDim(), c.d(), -1);
      linear(t, c, p + "self_attn.k_proj", c.kvHeads() * c.headDim(), c.d(), -1);
      linear(t, c, p + "self_attn.v_proj", c.kvHeads() * c.headDim(), c.d(), -1);
      linear(t, c, p + "self_attn.o_proj", c.d(), c.heads() * c.headDim(), -1);
      norm(t, c, p + "post_attention_layernorm");
      if (c.experts() == 0) {
        ffn(t, c, p + "mlp.", -1);
      } else {
        t.add(new Tensor(p + "mlp.gate", new long[] {c.experts(), c.d()}, -1, false));
        for (int e = 0; e < c.experts(); e++) {
          ffn(t, c, p + "mlp.experts." + e + ".", e);
        }
      }
    }
    norm(t, c, "norm");
    if (!c.tied()) {
      t.add(new Tensor("lm_head", new long[] {c.vocab(), c.d()}, -1, false));
    }
    return t;
  }

  private static void ffn(List<Tensor> t, Config c, String p, int expert) {
    if (c.ffnMatrices() == 3) {
      linear(t, c, p + "gate_proj", c.ffn(), c.d(), expert);
    }
    linear(t, c, p + "up_proj", c.ffn(), c.d(), expert);
    linear(t, c, p + "down_proj", c.d(), c.ffn(), expert);
  }

  private static void linear(List<Tensor> t, Config c, String name, long out, long in, int expert) {
    t.add(new Tensor(name + ".weight", new long[] {out, in}, expert, false));
    if (c.biases()) {
      t.add(new Tensor(name + ".bias", new long[] {out}, expert, false));
    }
  }

  private static void norm(List<Tensor> t, Config c, String name) {
    t.add(new Tensor(name + ".weight", new long[] {c.d()}, -1, false));
    if (c.biases()) {
      t.add(new Tensor(name + ".bias", new long[] {c.d()}, -1, false));
    }
  }

  /** Every stored parameter. */
  static long total(Config c) {
    return tensors(c).stream().mapToLong(Tensor::size).sum();
  }

  /**
   * Parameters a token uses: every tensor, the embedding lookups included (the guide's rule for N
   * in FLOP counts, as published totals count), but only the first experts-per-token experts
   * (which ones a router picks does not change the count). For a dense model this is the total.
   */
  static long active(Config c) {
    int used = c.experts() == 0 ? Integer.MAX_VALUE : c.expertsPerToken();
    return tensors(c).stream()
        .filter(x -> x.expert() < used)
        .mapToLong(Tensor::size).sum();
  }

  /**
   * KV-cache elements of b sequences of s tokens, built as the cache a decoder allocates: per
   * layer a key and a value tensor of shape [b, kv heads, s, head dim].
   */
  static long kvCacheElements(Config c, int sequence, int batch) {
    long total = 0;
    for (int l = 0; l < c.layers(); l++) {
      long[] keyShape = {batch, c.kvHeads(), sequence, c.headDim()};
      long[] valueShape = {batch, c.kvHeads(), sequence, c.headDim()};
      total += new Tensor("k", keyShape, -1, false).size() + new Tensor("v", valueShape, -1, false).size();
    }
    return total;
  }
}
