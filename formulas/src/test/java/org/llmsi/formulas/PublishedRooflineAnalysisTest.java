package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A published per-layer roofline analysis of a decode step, reproduced from the model
 * configuration. LLM-Viewer is the tool of Yuan et al., "LLM Inference Unveiled: Survey and
 * Roofline Model Insights" (arXiv:2402.16363); its README says it times each layer under the
 * roofline and obtains the network's performance by aggregating the layers, the per-kernel model
 * of the inference chapter. Its pull request #14 (hahnyuan/LLM-Viewer, "Tensor parallelism
 * support", merged, description) prints the analysis of one decode step of Llama 3.1 405B on an
 * H100 at tensor-parallel degree 8 with 4-bit weights, activations and KV cache, batch 1 and a
 * 32,769-token sequence:
 *
 * <pre>
 * layer_name,OPs,Access,arithmetic_intensity,performance,bound,load_weight,load_act,store_act,load_kv_cache,store_kv_cache,inference_time
 * q_proj,67.1M,16.8MB,4.0,12.3T,memory,16.8MB,8.2KB,1.0KB,0.00B,0.00B,5.5us
 * k_proj,4.2M,1.1MB,4.0,12.2T,memory,1.0MB,8.2KB,0.00B,0.00B,64.0B,344.0ns
 * v_proj,4.2M,1.1MB,4.0,12.2T,memory,1.0MB,8.2KB,0.00B,0.00B,64.0B,344.0ns
 * out_proj,67.1M,16.8MB,4.0,12.3T,memory,16.8MB,1.0KB,8.2KB,0.00B,0.00B,5.5us
 * gate_proj,218M,54.5MB,4.0,12.3T,memory,54.5MB,8.2KB,3.3KB,0.00B,0.00B,17.8us
 * </pre>
 *
 * The H100's bandwidth in LLM-Viewer is 3,072 GB/s (hardwares/hardware_params.py,
 * "nvidia_H100_SXM": bandwith 3072e9). The reproduction builds each row from the tensor shapes of
 * the guide's Llama 3.1 405B configuration (models data file), not from LLM-Viewer's code.
 */
class PublishedRooflineAnalysisTest {

  static final double BANDWIDTH = 3072e9;
  static final double HALF_BYTE = 0.5; // 4-bit weights, activations and cache
  static final int TP = 8;

  record Row(double ops, double access, double intensity, double seconds) {}

  /** One matmul of the decode step on one GPU: weights in x out, one token. */
  static Row matmul(double in, double out, boolean writesKvCache) {
    double weights = in * out * HALF_BYTE;
    double activations = (in + (writesKvCache ? 0 : out)) * HALF_BYTE;
    double cacheWrite = writesKvCache ? out * HALF_BYTE : 0;
    double ops = 2 * in * out;
    double access = weights + activations + cacheWrite;
    return new Row(ops, access, ops / access, access / BANDWIDTH);
  }

  /** Rounds as LLM-Viewer prints: three significant digits. */
  static double printed(double x) {
    return Double.parseDouble(String.format("%.3g", x));
  }

  @Test
  void reproducesTheQkvOutputAndGateRowsOfLlama31405bOnH100() {
    ModelShapes.Config c = ModelShapes.Config.fromData("llama_3_1_405b");
    double d = c.d();
    double q = (double) c.heads() * c.headDim() / TP;
    double kv = (double) c.kvHeads() * c.headDim() / TP;
    double ffn = (double) c.ffn() / TP;

    Row qProj = matmul(d, q, false);
    Row kProj = matmul(d, kv, true);
    Row outProj = matmul(q, d, false);
    Row gate = matmul(d, ffn, false);

    assertEquals(67.1e6, printed(qProj.ops()));
    assertEquals(16.8e6, printed(qProj.access()), 0.05e6);
    assertEquals(4.0, qProj.intensity(), 0.05);
    assertEquals(5.5e-6, qProj.seconds(), 0.05e-6);
    assertEquals(4.2e6, kProj.ops(), 0.05e6);
    assertEquals(1.1e6, kProj.access(), 0.05e6);
    assertEquals(344.0e-9, kProj.seconds(), 0.5e-9);
    assertEquals(67.1e6, printed(outProj.ops()));
    assertEquals(5.5e-6, outProj.seconds(), 0.05e-6);
    assertEquals(218e6, printed(gate.ops()));
    assertEquals(54.5e6, printed(gate.access()));
    assertEquals(17.8e-6, gate.seconds(), 0.05e-6);
    // the intensity of a one-token matmul with 4-bit weights: 2 FLOP per 0.5 byte
    assertEquals(4.0, gate.intensity(), 0.01);
  }

  /**
   * The same rows from the closed form of the inference chapter: every matmul of a decode step
   * under one roofline with its weight bytes, memory-bound at batch 1 at 2 / e FLOP per byte.
   * Summing the memory-bound matmuls is the closed form's weight term (activations aside).
   */
  @Test
  void closedFormGivesTheWeightTermOfTheRows() {
    ModelShapes.Config c = ModelShapes.Config.fromData("llama_3_1_405b");
    double d = c.d();
    double q = (double) c.heads() * c.headDim() / TP;
    double ffn = (double) c.ffn() / TP;
    double peak = 1979e12 / 2; // any peak well above 2 FLOP/B x bandwidth leaves batch 1 memory-bound
    double qWeights = d * q;
    double gateWeights = d * ffn;
    assertEquals(matmul(d, q, false).seconds(),
        InferenceLatency.matmulTime(qWeights, 1, 1, HALF_BYTE, peak, BANDWIDTH), 0.01e-6);
    assertEquals(matmul(d, ffn, false).seconds(),
        InferenceLatency.matmulTime(gateWeights, 1, 1, HALF_BYTE, peak, BANDWIDTH), 0.01e-6);
    assertTrue(Roofline.criticalBatch(peak, BANDWIDTH, HALF_BYTE) > 1);
  }
}
