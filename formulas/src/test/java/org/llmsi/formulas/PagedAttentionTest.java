package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.vec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PagedAttentionTest {

  /**
   * A block allocator in the style of vLLM's: a free list of physical blocks and, per sequence,
   * a block table that grows one block whenever a token finds the last block full.
   */
  static final class BlockAllocator {
    private final int blockTokens;
    private final int capacity;
    private int neverUsed; // blocks [neverUsed, capacity) have not been handed out yet
    private final Deque<Integer> free = new ArrayDeque<>(); // blocks handed back
    private final List<List<Integer>> tables = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();

    BlockAllocator(int blocks, int blockTokens) {
      this.blockTokens = blockTokens;
      this.capacity = blocks;
    }

    private Integer take() {
      if (!free.isEmpty()) {
        return free.pop();
      }
      return neverUsed < capacity ? neverUsed++ : null;
    }

    /** Frees a finished sequence's blocks for reuse. */
    void release(int seq) {
      tables.get(seq).forEach(free::push);
      tables.get(seq).clear();
      lengths.set(seq, 0);
    }

    int newSequence() {
      tables.add(new ArrayList<>());
      lengths.add(0);
      return tables.size() - 1;
    }

    /** Appends one token; false when no block is free (the request would be preempted). */
    boolean append(int seq) {
      int length = lengths.get(seq);
      if (length == tables.get(seq).size() * blockTokens) {
        Integer block = take();
        if (block == null) {
          return false;
        }
        tables.get(seq).add(block);
      }
      lengths.set(seq, length + 1);
      return true;
    }

    int blocksOf(int seq) {
      return tables.get(seq).size();
    }

    int wastedSlots(int seq) {
      return tables.get(seq).size() * blockTokens - lengths.get(seq);
    }
  }

  @Test
  void allocatorUsesTheClosedFormNumberOfBlocksAndWaste() {
    forAll(301, vec(count(1, 5000), count(1, 64)), v -> {
      int s = (int) v.get(0);
      int blockTokens = (int) v.get(1);
      BlockAllocator a = new BlockAllocator(s, blockTokens);
      int seq = a.newSequence();
      for (int i = 0; i < s; i++) {
        a.append(seq);
      }
      return a.blocksOf(seq) == PagedAttention.blocksPerSequence(s, blockTokens)
          && a.wastedSlots(seq) == PagedAttention.wastedSlots(s, blockTokens)
          && PagedAttention.wasteFraction(s, blockTokens)
              == (double) a.wastedSlots(seq) / (a.blocksOf(seq) * blockTokens);
    });
  }

  @Test
  void sequencesThatFitMatchAnAllocatorFilledUntilItRunsOut() {
    forAll(302, 100, vec(count(1, 2000), count(1, 32), count(1, 4096), count(1, 64)), v -> {
      int s = (int) v.get(0);
      int blockTokens = (int) v.get(1);
      double bytesPerToken = v.get(3) * 1024;
      int blocks = (int) v.get(2);
      double freeBytes = blocks * blockTokens * bytesPerToken; // memory for exactly that many blocks
      BlockAllocator a = new BlockAllocator(blocks, blockTokens);
      int complete = 0;
      fill:
      while (true) {
        int seq = a.newSequence();
        for (int i = 0; i < s; i++) {
          if (!a.append(seq)) {
            break fill;
          }
        }
        complete++;
      }
      return complete == PagedAttention.sequencesThatFit(freeBytes, s, blockTokens, bytesPerToken);
    });
  }

  @Test
  void wasteIsLessThanOneBlockAndVanishesOnBlockBoundaries() {
    forAll(303, vec(count(1, 1_000_000), count(1, 256)), v -> {
      double w = PagedAttention.wastedSlots(v.get(0), v.get(1));
      double f = PagedAttention.wasteFraction(v.get(0), v.get(1));
      return w >= 0 && w < v.get(1) && f >= 0 && f < 1
          && PagedAttention.wastedSlots(v.get(0) * v.get(1), v.get(1)) == 0
          && PagedAttention.blocksPerSequence(v.get(0) * v.get(1), v.get(1)) == v.get(0);
    });
  }

  @Test
  void randomMixOfSequenceLengthsWastesTheSumOfPerSequenceWaste() {
    SplittableRandom random = new SplittableRandom(304);
    for (int trial = 0; trial < 30; trial++) {
      int blockTokens = 1 + random.nextInt(32);
      BlockAllocator a = new BlockAllocator(60_000, blockTokens);
      double expected = 0;
      for (int r = 0; r < 20; r++) {
        int s = 1 + random.nextInt(3000);
        int seq = a.newSequence();
        for (int i = 0; i < s; i++) {
          a.append(seq);
        }
        expected += PagedAttention.wastedSlots(s, blockTokens);
        assertEquals(expected, sumWaste(a, r + 1), "seed 304, trial " + trial);
      }
    }
  }

  @Test
  void releasedBlocksAreReusedSoFinishedRequestsLeaveNoWaste() {
    forAll(305, 100, vec(count(1, 500), count(1, 16), count(1, 500)), v -> {
      int blockTokens = (int) v.get(1);
      int s = (int) v.get(0);
      int blocks = (int) PagedAttention.blocksPerSequence(s, blockTokens);
      BlockAllocator a = new BlockAllocator(blocks, blockTokens); // room for one request only
      int first = a.newSequence();
      for (int i = 0; i < s; i++) {
        a.append(first);
      }
      boolean full = !a.append(first);
      a.release(first);
      int second = a.newSequence();
      for (int i = 0; i < s; i++) {
        if (!a.append(second)) {
          return false;
        }
      }
      return full == (s % blockTokens == 0) && a.wastedSlots(second) == PagedAttention.wastedSlots(s, blockTokens);
    });
  }

  private static double sumWaste(BlockAllocator a, int sequences) {
    double total = 0;
    for (int i = 0; i < sequences; i++) {
      total += a.wastedSlots(i);
    }
    return total;
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void vllmFigureOneOpt13bOnA100() {
    // Kwon et al. 2023 (vLLM), Figure 1 (left): serving OPT-13B on an NVIDIA A100 40GB, the
    // parameters take 26GB, 65% of memory. Our parameter count in FP16 gives 25.7 GB = 64%.
    double params = 2 * ModelShapes.total(
        ModelShapes.Config.fromData("opt_13b").withBiasesAndPositions(2050));
    assertEquals(26, Math.round(params / 1e9));
    assertEquals(65, Math.round(100 * params / Data.gpu("a100_40gb_sxm", "hbm_bytes")), 1);
  }

  @Test
  void vllmBlockSixteenWastesAtMostFifteenSlots() {
    // vLLM section 4.3: waste is confined to the last block of a sequence; block size 16 is the
    // default (section 7.2). So a 2048-token request wastes nothing, a 2049-token one 15 slots.
    assertEquals(0, PagedAttention.wastedSlots(2048, 16));
    assertEquals(15, PagedAttention.wastedSlots(2049, 16));
    assertTrue(PagedAttention.wasteFraction(2049, 16) < 0.01);
  }
}
