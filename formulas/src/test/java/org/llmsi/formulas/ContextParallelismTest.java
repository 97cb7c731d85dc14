package org.llmsi.formulas;

import org.llmsi.formulas.simulation.CollectiveSimulation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;
import org.llmsi.formulas.simulation.CollectiveSimulation.Run;

class ContextParallelismTest {

  @Test
  void ringAttentionPassesEveryKeyValueBlockPastEveryHost() {
    forAll(1801, 100, vec(count(1, 16), count(1, 64), count(1, 8), count(1, 4), count(1, 4)), v -> {
      int n = (int) v.get(0);
      int block = (int) v.get(1); // tokens per host
      int kvHeads = (int) v.get(2);
      int headWidth = 8 * (int) v.get(3);
      double e = v.get(4);
      // host r starts with key-value block r; each step it sends what it holds to r+1
      int[] holding = new int[n];
      boolean[][] seen = new boolean[n][n];
      for (int r = 0; r < n; r++) {
        holding[r] = r;
        seen[r][r] = true;
      }
      double sentByHostZero = 0;
      for (int step = 0; step < n - 1; step++) {
        int[] next = new int[n];
        for (int r = 0; r < n; r++) {
          next[(r + 1) % n] = holding[r];
        }
        sentByHostZero += 2.0 * block * kvHeads * headWidth * e; // its K and V block
        holding = next;
        for (int r = 0; r < n; r++) {
          seen[r][holding[r]] = true;
        }
      }
      for (boolean[] host : seen) {
        for (boolean b : host) {
          if (!b) {
            return false; // a query block missed a key-value block
          }
        }
      }
      double expected = ContextParallelism.ringAttentionBytes(n, n * block, kvHeads, headWidth, e);
      return sentByHostZero == 0 ? expected == 0 : close(sentByHostZero, expected, 1e-12);
    });
  }

  @Test
  void ulyssesAllToAllsMatchACountOfTheirSlices() {
    forAll(1802, 100, vec(count(1, 8), count(1, 16), count(1, 4), count(1, 4), count(1, 4)), v -> {
      int n = (int) v.get(0);
      int tokensPerRank = (int) v.get(1);
      int kvGroups = (int) v.get(2);
      int kvHeads = n * kvGroups;                     // divisible by n, as Ulysses needs
      int heads = kvHeads * (int) v.get(3);  // GQA: a multiple of the KV heads
      int headWidth = 4;
      double e = v.get(4);
      double sent = 0;
      // Q and O have `heads` heads, K and V `kvHeads`: four pairwise all-to-alls of one layer
      for (int h : new int[] {heads, kvHeads, kvHeads, heads}) {
        int chunk = tokensPerRank * (h / n) * headWidth; // what one rank sends to one other
        double[][] in = new double[n][n * chunk];
        for (int r = 0; r < n; r++) {
          for (int i = 0; i < n * chunk; i++) {
            in[r][i] = r * 1_000_000 + i;
          }
        }
        Run run = CollectiveSimulation.allToAll(in, chunk, e);
        // rank r ends with the slice for its heads from every rank: a transpose of chunks
        for (int r = 0; r < n; r++) {
          for (int from = 0; from < n; from++) {
            if (run.buffers()[r][from * chunk] != in[from][r * chunk]) {
              return false;
            }
          }
        }
        sent += run.bytesOnLink()[0];
      }
      double expected = ContextParallelism.ulyssesBytes(n, n * tokensPerRank, heads, kvHeads, headWidth, e);
      return sent == 0 ? expected == 0 : close(sent, expected, 1e-12);
    });
  }

  @Test
  void ringAttentionSendsLessThanUlyssesWhenKeyValueHeadsAreFew() {
    // ring / Ulysses = n n_kv / (n_h + n_kv): with GQA, ring attention moves less below n = 1 + n_h/n_kv
    forAll(1803, vec(count(2, 64), count(1, 8), count(1, 16)), v -> {
      double n = v.get(0);
      double kv = v.get(1);
      double heads = kv * v.get(2);
      double ratio = ContextParallelism.ringAttentionBytes(n, 4096, kv, 128, 2)
          / ContextParallelism.ulyssesBytes(n, 4096, heads, kv, 128, 2);
      return close(ratio, n * kv / (heads + kv), 1e-12);
    });
  }

  @Test
  void ringAttentionBlockBalancesAttentionAgainstKeyValueSends() {
    // count the work of one block pair: QK^T and PV over n_h heads, K and V over n_kv heads
    forAll(1804, vec(count(1, 16), count(1, 8), count(1, 4)), v -> {
      double kv = v.get(0);
      double heads = kv * v.get(1);
      double e = v.get(2);
      double dHead = 128, peak = 989e12, link = 50e9;
      double c = ContextParallelism.minimumBlock(e, peak, kv, link, heads);
      double compute = (2 * c * c * heads * dHead + 2 * c * c * heads * dHead) / peak;
      double send = 2 * c * kv * dHead * e / link;
      return close(compute, send, 1e-12);
    });
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void ulyssesMovesAPthOfMegatronSequenceParallelism() {
    // DeepSpeed Ulysses blog, communication analysis: Megatron-LM sequence parallelism sends 4Nh per
    // link, P times Ulysses' 4Nh/P (multi-head attention, h = n_h d_head).
    for (int p : new int[] {2, 4, 8, 64}) {
      double h = 32 * 128;
      double megatron = 4 * Collectives.ringAllGatherTime(65536 * h * 2, p, 1, 0); // 2 AG + 2 RS
      double ulysses = ContextParallelism.ulyssesBytes(p, 65536, 32, 32, 128, 2);
      assertEquals(p, megatron / ulysses, 1e-9);
    }
  }

  @Test
  void ringAttentionTableTwoMinimalBlockSizes() {
    // Liu et al. 2023, Table 2 (bf16, unidirectional bandwidth): minimal block c = FLOPS/bandwidth
    // in thousands, minimal sequence per host 6c in thousands, as printed to one decimal.
    double[][] rows = { // FLOPS (TF), bandwidth (GB/s), printed c (e3), printed 6c (e3)
        {312, 300, 1.0, 6.2},  // A100 NVLink
        {123, 112, 1.1, 6.6},  // TPU v3
        {275, 268, 1.0, 6.2},  // TPU v4
        {196, 186, 1.1, 6.3},  // TPU v5e
    };
    for (double[] row : rows) {
      // the paper's multi-head attention: as many key-value heads as query heads
      double c = ContextParallelism.minimumBlock(2, row[0] * 1e12, 32, row[1] * 1e9, 32);
      assertEquals(row[2], Math.round(c / 100) / 10.0, 1e-12);
      assertEquals(row[3], Math.round(6 * c / 100) / 10.0, 1e-12);
    }
  }
}
