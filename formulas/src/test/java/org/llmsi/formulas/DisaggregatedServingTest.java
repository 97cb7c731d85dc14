package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;

class DisaggregatedServingTest {

  /**
   * Against a simulation: requests arrive every 1/R seconds; each one's KV cache, walked layer by
   * layer (keys and values of every KV head), leaves the prefill pool when it arrives. The bytes
   * sent in a long window over the window's length is the bandwidth the link must sustain.
   */
  @Test
  void transferBandwidthMatchesBytesSentPerSecondInASimulatedStream() {
    forAll(2621, 60, vec(count(1, 50), count(1, 8192), count(1, 128), count(1, 16), count(1, 2)),
        v -> {
          int perSecond = (int) v.get(0);
          int prompt = (int) v.get(1);
          int layers = (int) v.get(2);
          int kvHeads = (int) v.get(3);
          double e = v.get(4);
          int headDim = 128;
          double bytesPerRequest = 0;
          for (int layer = 0; layer < layers; layer++) {
            for (int head = 0; head < kvHeads; head++) {
              bytesPerRequest += 2.0 * prompt * headDim * e; // keys and values of this head
            }
          }
          double window = 20; // seconds
          double sent = 0;
          for (long k = 0; (double) k / perSecond < window; k++) {
            sent += bytesPerRequest;
          }
          double mTok = KvCache.bytesPerToken(layers, kvHeads, headDim, e);
          return close(sent / window,
              DisaggregatedServing.transferBandwidth(perSecond, prompt, mTok), 1e-9);
        });
  }

  /**
   * Against a simulation of both pools: a stream of identical requests, each needing s / R_pre
   * GPU-seconds of prefill and n_out / R_tok GPU-seconds of decode. Over a long window the busy
   * GPU-seconds of each pool, divided by the window, is the number of GPUs it keeps busy; their
   * ratio is the pool ratio, whatever the arrival rate.
   */
  @Test
  void poolRatioMatchesTheBusyGpuSecondsOfTwoSimulatedPools() {
    forAll(2633, vec(count(1, 100), count(1, 32768), count(1, 4096), logUniform(100, 1e6),
        logUniform(10, 1e5)), v -> {
          int perSecond = (int) v.get(0);
          double prompt = v.get(1);
          double out = v.get(2);
          double prefillRate = v.get(3);
          double decodeRate = v.get(4);
          double window = 10;
          double prefillBusy = 0;
          double decodeBusy = 0;
          for (long k = 0; (double) k / perSecond < window; k++) {
            prefillBusy += prompt / prefillRate;
            decodeBusy += out / decodeRate;
          }
          double prefillGpus = prefillBusy / window;
          double decodeGpus = decodeBusy / window;
          return close(prefillGpus / decodeGpus,
              DisaggregatedServing.poolRatio(prompt, decodeRate, out, prefillRate), 1e-9);
        });
  }

  @Test
  void longerPromptsNeedMorePrefillAndLongerAnswersMoreDecode() {
    forAll(2647, vec(logUniform(1, 1e5), logUniform(1, 1e6), logUniform(1, 1e5), logUniform(1, 1e6)),
        v -> close(DisaggregatedServing.poolRatio(2 * v.get(0), v.get(1), v.get(2), v.get(3)),
            2 * DisaggregatedServing.poolRatio(v.get(0), v.get(1), v.get(2), v.get(3)), 1e-12)
            && close(DisaggregatedServing.poolRatio(v.get(0), v.get(1), 2 * v.get(2), v.get(3)),
            DisaggregatedServing.poolRatio(v.get(0), v.get(1), v.get(2), v.get(3)) / 2, 1e-12));
  }

  /**
   * DistServe (Zhong et al., OSDI 2024), section 3.3: a 512-token OPT-66B request carries about
   * "1.13GB" of KV cache; at 10 requests per second that is "11.3GB data per second ... or
   * equivalently 90Gbps". OPT-66B's shape from its config.json, FP16 cache. The paper's GB are
   * binary: 1.208e9 bytes is 1.125 GiB, and 11.3 GiB/s times 8 is 90.4 Gibit/s.
   */
  @Test
  void reproducesDistServesTransferEstimate() {
    double mTok = KvCache.bytesPerToken(Data.model("opt_66b", "n_layers"),
        Data.model("opt_66b", "n_kv_heads"), Data.model("opt_66b", "d_head"), 2);
    double prompt = Data.paper("distserve_kv_transfer", "prompt_tokens");
    double rate = Data.paper("distserve_kv_transfer", "rate");
    assertEquals(Data.paper("distserve_kv_transfer", "kv_bytes"), prompt * mTok, 0.005 * 0x1p30);
    double bandwidth = DisaggregatedServing.transferBandwidth(rate, prompt, mTok);
    // Exactly 11.25 GiB/s: the paper multiplied its rounded 1.13 by 10, so its 11.3 is 0.4 % high.
    assertEquals(11.25 * 0x1p30, bandwidth, 1e-6);
    assertEquals(Data.paper("distserve_kv_transfer", "bandwidth"), bandwidth, 0.006 * 11.3 * 0x1p30);
    assertEquals(Data.paper("distserve_kv_transfer", "bandwidth_bits"), 8 * bandwidth, 0.5 * 0x1p30);
  }
}
