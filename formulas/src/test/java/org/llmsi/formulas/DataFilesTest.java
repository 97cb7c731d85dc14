package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape and internal consistency of site-src/data/models.yaml and gpus.yaml. */
class DataFilesTest {

  private static void assertShape(Map<String, Map<String, Object>> file, String name) {
    for (Map.Entry<String, Map<String, Object>> entry : file.entrySet()) {
      String key = entry.getKey();
      assertTrue(key.matches("[a-z0-9_]+"), name + ": key " + key);
      assertTrue(entry.getValue().get("name") instanceof String, name + ": " + key + " has no name");
      for (Map.Entry<String, Object> field : entry.getValue().entrySet()) {
        if (field.getKey().equals("name")) {
          continue;
        }
        String where = name + ": " + key + "." + field.getKey();
        Map<?, ?> v = (Map<?, ?>) field.getValue();
        assertTrue(v.get("value") instanceof Number, where + " value must be a number");
        assertTrue(v.get("source") instanceof String src && src.length() > 15, where + " needs a precise source");
        v.keySet().forEach(k ->
            assertTrue(List.of("value", "unit", "source").contains(k), where + ": unexpected " + k));
        if (v.containsKey("unit")) {
          Data.unitFactor(v.get("unit").toString()); // throws on a unit outside the allowed set
        }
      }
    }
  }

  @Test
  void everyValueHasAnAllowedUnitAndASource() {
    assertShape(Data.MODELS, "models.yaml");
    assertShape(Data.GPUS, "gpus.yaml");
  }

  @Test
  void requiredModelsAndAcceleratorsArePresent() {
    for (String m : List.of("llama_2_7b", "llama_2_13b", "llama_2_70b", "llama_3_8b", "llama_3_70b",
        "llama_3_1_8b", "llama_3_1_70b", "llama_3_1_405b", "mistral_7b", "mixtral_8x7b",
        "gpt_3_175b", "opt_13b", "deepseek_v3")) {
      assertTrue(Data.MODELS.containsKey(m), m);
      for (String f : List.of("n_layers", "d_model", "n_heads", "d_ff", "vocab", "tied_embeddings",
          "max_context")) {
        assertTrue(Data.has(Data.MODELS, m, f), m + "." + f);
      }
    }
    for (String g : List.of("a100_40gb_sxm", "a100_80gb_sxm", "h100_sxm", "h200_sxm", "b200_hgx",
        "mi300x", "tpu_v5e", "tpu_v5p")) {
      for (String f : List.of("bf16_dense", "hbm_bw", "hbm_bytes")) {
        assertTrue(Data.has(Data.GPUS, g, f), g + "." + f);
      }
    }
  }

  @Test
  void modelConfigurationsAreConsistent() {
    for (String m : Data.keys(Data.MODELS)) {
      if (!Data.has(Data.MODELS, m, "n_kv_heads")) {
        continue; // MLA: no KV heads
      }
      double heads = Data.model(m, "n_heads");
      double kv = Data.model(m, "n_kv_heads");
      assertEquals(0, heads % kv, m + ": n_kv must divide n_h");
      if (m.equals("palm_540b")) {
        // PaLM 540B's attention is narrower than its model: 48 heads of 256 (Table 1 and its
        // caption) make 12,288 against d_model = 18,432. The attention FLOPs take the former.
        assertEquals(12288, heads * Data.model(m, "d_head"), m);
        assertEquals(18432, Data.model(m, "d_model"), m);
        continue;
      }
      assertEquals(Data.model(m, "d_model"), heads * Data.model(m, "d_head"), m + ": n_h d_head = d");
      if (Data.has(Data.MODELS, m, "experts_per_token")) {
        assertTrue(Data.model(m, "experts_per_token") <= Data.model(m, "n_experts"), m);
      }
    }
  }

  @Test
  void sparsePeaksAreTwiceTheDensePeaks() {
    // Vendors' "with sparsity" figures assume 2:4 structured sparsity: exactly twice dense, up to
    // the datasheet's rounding (H200 prints 1,979 sparse against 989.4 dense in the H100 paper).
    for (String g : Data.keys(Data.GPUS)) {
      for (String precision : List.of("bf16", "fp8")) {
        if (Data.has(Data.GPUS, g, precision + "_sparse")) {
          double ratio = Data.gpu(g, precision + "_sparse") / Data.gpu(g, precision + "_dense");
          assertEquals(2, ratio, 2e-3, g + " " + precision);
        }
      }
    }
  }

  @Test
  void decimalAndBinaryPrefixesAreDifferentUnits() {
    // Google's TPU v5p page printed 2765 GBps; a later revision prints 2575 GiBps: the same rate.
    assertEquals(2575, Math.round(Data.gpu("tpu_v5p", "hbm_bw") / 0x1p30));
    assertEquals(0x1p30, Data.unitFactor("GiB"));
    assertEquals(1e9, Data.unitFactor("GB"));
    assertEquals(1e12, Data.unitFactor("TFLOP/s"));
  }
}
