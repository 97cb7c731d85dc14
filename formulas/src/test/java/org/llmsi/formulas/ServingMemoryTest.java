package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;

class ServingMemoryTest {

  /**
   * Against a count: deal the model's parameters out to n_tp GPUs one whole shard at a time (the
   * remainder goes to the first GPUs, as an uneven split would) and take the fullest GPU's bytes over
   * its HBM. For whole-number parameter counts the fullest GPU holds at most one parameter more than
   * the average, so the closed form agrees to within one parameter's bytes.
   */
  @Test
  void shareMatchesTheFullestGpuOfAnExplicitSplit() {
    forAll(2611, vec(logUniform(1e6, 2e12), count(1, 4), count(1, 64), logUniform(1, 1000)), v -> {
      long params = (long) Math.floor(v.get(0));
      double e = v.get(1) / 2; // 0.5, 1, 1.5 or 2 bytes
      int ranks = (int) v.get(2);
      double hbm = v.get(3) * 1e9;
      long[] held = new long[ranks];
      long base = params / ranks;
      long extra = params % ranks;
      for (int r = 0; r < ranks; r++) {
        held[r] = base + (r < extra ? 1 : 0);
      }
      long fullest = 0;
      long total = 0;
      for (long h : held) {
        fullest = Math.max(fullest, h);
        total += h;
      }
      double share = ServingMemory.weightsShare(params, e, ranks, hbm);
      return total == params
          && share <= fullest * e / hbm + 1e-12
          && share >= (fullest - 1) * e / hbm - 1e-12;
    });
  }

  @Test
  void doublingTheTensorParallelDegreeHalvesTheShare() {
    forAll(2617, vec(logUniform(1e6, 2e12), logUniform(0.5, 4), count(1, 32), logUniform(1, 1000)),
        v -> close(ServingMemory.weightsShare(v.get(0), v.get(1), 2 * v.get(2), v.get(3) * 1e9),
            ServingMemory.weightsShare(v.get(0), v.get(1), v.get(2), v.get(3) * 1e9) / 2, 1e-12));
  }

  /**
   * Kwon et al. 2023 (vLLM), section 1 and Figure 1: a 13B model on an A100 40GB, "Parameters (26GB,
   * 65%)". A 13B model (OPT-13B's published size) in FP16 on one GPU.
   */
  @Test
  void reproducesTheVllmPapersMemoryLayout() {
    double n = Data.model("opt_13b", "params_published");
    double hbm = Data.gpu("a100_40gb_sxm", "hbm_bytes");
    assertEquals(Data.paper("vllm_memory_layout", "weights_bytes"), n * 2, 0.5e9);
    assertEquals(Data.paper("vllm_memory_layout", "weights_share"),
        ServingMemory.weightsShare(n, 2, 1, hbm), 0.005);
  }

  /**
   * Against an allocator: reserve s_max slots for a request, write its s tokens into them one by
   * one, and count the slots still empty at its end.
   */
  @Test
  void reservedWasteMatchesTheEmptySlotsOfAnExplicitReservation() {
    forAll(2671, vec(count(1, 4096), count(0, 4096)), v -> {
      int tokens = (int) v.get(0);
      int reserved = tokens + (int) v.get(1);
      boolean[] used = new boolean[reserved];
      for (int t = 0; t < tokens; t++) {
        used[t] = true;
      }
      int empty = 0;
      for (boolean u : used) {
        if (!u) {
          empty++;
        }
      }
      return close(ServingMemory.reservedWasteFraction(tokens, reserved), (double) empty / reserved,
          1e-12) || (empty == 0 && ServingMemory.reservedWasteFraction(tokens, reserved) == 0);
    });
  }

  /**
   * Against a buddy allocator's block sizes: the reserved block is a power of two, holds the output,
   * and its half would not (so the output fills more than half of it: at most 2x over-reservation,
   * Kwon et al. 2023, section 6.1).
   */
  @Test
  void powerOfTwoReservationIsTheSmallestBuddyBlockThatHoldsTheOutput() {
    forAll(2677, vec(count(1, 100000)), v -> {
      double out = v.get(0);
      double slots = ServingMemory.powerOfTwoReservedSlots(out);
      long asLong = (long) slots;
      boolean powerOfTwo = asLong == slots && Long.bitCount(asLong) == 1;
      return powerOfTwo && slots >= out && (slots == 1 || slots / 2 < out)
          && ServingMemory.reservedWasteFraction(out, slots) < 0.5;
    });
  }

  /** Kwon et al. 2023, section 6.1, Orca (Pow2): "if the true output length is 25, it reserves 32". */
  @Test
  void reproducesTheVllmPapersPowerOfTwoExample() {
    assertEquals(Data.paper("vllm_orca_baselines", "pow2_reserved"),
        ServingMemory.powerOfTwoReservedSlots(Data.paper("vllm_orca_baselines", "pow2_output")), 0);
  }
}
