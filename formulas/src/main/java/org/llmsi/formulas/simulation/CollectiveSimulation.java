package org.llmsi.formulas.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collectives executed step by step on g simulated ranks, with real data, counting the bytes each
 * link carries and the number of communication rounds. Independent of
 * {@link org.llmsi.formulas.Collectives}: formulas' tests compare the counts and the reduced data with
 * the closed forms, and the guide draws a ring's rounds from {@link Run#sends()}.
 */
public final class CollectiveSimulation {
  private CollectiveSimulation() {}

  /**
   * What a run produced: the final buffers, bytes per directed link, rounds, and for a ring, the
   * chunk each rank sends to the next in each round ({@code sends.get(round)[rank]}; empty otherwise).
   */
  public record Run(double[][] buffers, double[] bytesOnLink, int rounds, double bytesPerRound, List<int[]> sends) {
    public Run(double[][] buffers, double[] bytesOnLink, int rounds, double bytesPerRound) {
      this(buffers, bytesOnLink, rounds, bytesPerRound, List.of());
    }
  }

  /**
   * Ring all-reduce as reduce-scatter then all-gather: rank r sends to r+1 one chunk per round.
   * buffers[r] has g chunks of chunk elements each; every element is e bytes.
   */
  public static Run ringAllReduce(double[][] input, int chunk, double e) {
    int g = input.length;
    double[][] buf = copy(input);
    double[] link = new double[g]; // link r carries r -> r+1
    List<int[]> sends = new ArrayList<>();
    int rounds = 0;
    for (int step = 0; step < g - 1; step++, rounds++) { // reduce-scatter
      double[][] sent = new double[g][];
      int[] which = new int[g];
      for (int r = 0; r < g; r++) {
        int c = Math.floorMod(r - step, g);
        which[r] = c;
        sent[r] = slice(buf[r], c, chunk);
        link[r] += chunk * e;
      }
      for (int r = 0; r < g; r++) {
        int from = Math.floorMod(r - 1, g);
        int c = Math.floorMod(from - step, g);
        for (int i = 0; i < chunk; i++) {
          buf[r][c * chunk + i] += sent[from][i];
        }
      }
      sends.add(which);
    }
    // After reduce-scatter rank r holds the reduced chunk r + 1: gather those around the ring.
    rounds += gatherAroundRing(buf, link, chunk, e, 1, sends);
    return new Run(buf, link, rounds, chunk * e, List.copyOf(sends));
  }

  /** Ring all-gather: rank r starts with its own chunk r filled (others zero). */
  public static Run ringAllGather(double[][] input, int chunk, double e) {
    int g = input.length;
    double[][] buf = copy(input);
    double[] link = new double[g];
    List<int[]> sends = new ArrayList<>();
    int rounds = gatherAroundRing(buf, link, chunk, e, 0, sends);
    return new Run(buf, link, rounds, chunk * e, List.copyOf(sends));
  }

  /**
   * The ring all-gather both collectives share: in each of g - 1 steps rank r forwards chunk
   * (r + offset - step) to rank r + 1, counting the bytes on its outgoing link. Returns the steps.
   */
  private static int gatherAroundRing(double[][] buf, double[] link, int chunk, double e, int offset, List<int[]> sends) {
    int g = buf.length;
    for (int step = 0; step < g - 1; step++) {
      double[][] sent = new double[g][];
      int[] which = new int[g];
      for (int r = 0; r < g; r++) {
        which[r] = Math.floorMod(r + offset - step, g);
        sent[r] = slice(buf[r], which[r], chunk);
        link[r] += chunk * e;
      }
      for (int r = 0; r < g; r++) {
        int from = Math.floorMod(r - 1, g);
        System.arraycopy(sent[from], 0, buf[r], which[from] * chunk, chunk);
      }
      sends.add(which);
    }
    return g - 1;
  }

  /** Pairwise all-to-all: in round k rank r sends its chunk for rank r+k directly to it. */
  public static Run allToAll(double[][] input, int chunk, double e) {
    int g = input.length;
    double[][] buf = new double[g][g * chunk];
    double[] sentBy = new double[g];
    for (int r = 0; r < g; r++) { // the chunk a rank keeps
      System.arraycopy(input[r], r * chunk, buf[r], r * chunk, chunk);
    }
    int rounds = 0;
    for (int k = 1; k < g; k++, rounds++) {
      for (int r = 0; r < g; r++) {
        int to = (r + k) % g;
        // the receiver stores the chunk in the slot of the sender: a transpose of chunks
        System.arraycopy(input[r], to * chunk, buf[to], r * chunk, chunk);
        sentBy[r] += chunk * e;
      }
    }
    return new Run(buf, sentBy, rounds, chunk * e);
  }

  /**
   * Binomial-tree reduce to rank 0 then broadcast, whole buffers each round, for any g: a rank
   * whose partner lies beyond the last rank sits the round out, so each phase takes ceil(log2 g)
   * rounds.
   */
  public static Run treeAllReduce(double[][] input, double e) {
    int g = input.length;
    int n = input[0].length;
    double[][] buf = copy(input);
    double[] sentBy = new double[g];
    int rounds = 0;
    int top = 1; // the largest span of the reduce, a power of two below g
    for (int span = 1; span < g; span *= 2, rounds++) {
      top = span;
      for (int r = span; r < g; r += 2 * span) {
        for (int i = 0; i < n; i++) {
          buf[r - span][i] += buf[r][i];
        }
        sentBy[r] += n * e;
      }
    }
    for (int span = g > 1 ? top : 0; span >= 1; span /= 2, rounds++) {
      for (int r = 0; r + span < g; r += 2 * span) {
        System.arraycopy(buf[r], 0, buf[r + span], 0, n);
        sentBy[r] += n * e;
      }
    }
    return new Run(buf, sentBy, rounds, n * e);
  }

  private static double[] slice(double[] b, int c, int chunk) {
    double[] s = new double[chunk];
    System.arraycopy(b, c * chunk, s, 0, chunk);
    return s;
  }

  private static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
