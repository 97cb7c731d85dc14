package org.llmsi.formulas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A step-by-step simulation of pipeline schedules whose backward pass is split into B (gradient of
 * the input, which the previous stage waits for) and W (gradient of the weights, which nobody
 * waits for). Each device runs its ordered list; an operation starts when the device is free and
 * its input is done: F after the previous stage's F, B after the next stage's B (the last stage's
 * after its own F), W after its own B. A micro-batch's activations are held from its F to its W.
 */
final class SplitBackwardSchedule {
  private SplitBackwardSchedule() {}

  enum Pass { F, B, W }

  record Op(int microBatch, int stage, Pass pass) {}

  /** Makespan, busy time and peak micro-batches held, per device. */
  record Timeline(double makespan, double[] busy, int[] peakHeld) {
    double idle(int device) {
      return makespan - busy[device];
    }
  }

  /**
   * 1F1B with W run right after its B (warm-up p-d-1 forwards on device d), or ZB-H1 when
   * {@code deferWeights}: device d defers its W passes by d micro-batches, so it holds at most p
   * micro-batches like the first device of 1F1B, and the deferred W passes fill the drain
   * (Qi et al. 2023, section 2.1).
   */
  static List<List<Op>> oneForwardOneBackward(int p, int m, boolean deferWeights) {
    List<List<Op>> orders = new ArrayList<>();
    for (int d = 0; d < p; d++) {
      List<Op> ops = new ArrayList<>();
      int warmup = Math.min(p - d - 1, m);
      int delay = deferWeights ? d : 0;
      int nextW = 0;
      for (int i = 0; i < warmup; i++) {
        ops.add(new Op(i, d, Pass.F));
      }
      for (int i = 0; i < m; i++) {
        if (warmup + i < m) {
          ops.add(new Op(warmup + i, d, Pass.F));
        }
        ops.add(new Op(i, d, Pass.B));
        if (i - nextW >= delay) {
          ops.add(new Op(nextW++, d, Pass.W));
        }
      }
      while (nextW < m) {
        ops.add(new Op(nextW++, d, Pass.W));
      }
      orders.add(ops);
    }
    return orders;
  }

  static Timeline simulate(List<List<Op>> orders, double tf, double tb, double tw) {
    int p = orders.size();
    Map<Op, Double> finish = new HashMap<>();
    int[] next = new int[p];
    double[] free = new double[p];
    double[] busy = new double[p];
    int[] held = new int[p];
    int[] peak = new int[p];
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int d = 0; d < p; d++) {
        while (next[d] < orders.get(d).size()) {
          Op op = orders.get(d).get(next[d]);
          Op input = switch (op.pass()) {
            case F -> op.stage() == 0 ? null : new Op(op.microBatch(), op.stage() - 1, Pass.F);
            case B -> op.stage() == p - 1
                ? new Op(op.microBatch(), op.stage(), Pass.F)
                : new Op(op.microBatch(), op.stage() + 1, Pass.B);
            case W -> new Op(op.microBatch(), op.stage(), Pass.B);
          };
          Double ready = input == null ? Double.valueOf(0) : finish.get(input);
          if (ready == null) {
            break; // wait for another device
          }
          double duration = switch (op.pass()) {
            case F -> tf;
            case B -> tb;
            case W -> tw;
          };
          double start = Math.max(free[d], ready);
          free[d] = start + duration;
          busy[d] += duration;
          finish.put(op, free[d]);
          held[d] += op.pass() == Pass.F ? 1 : op.pass() == Pass.W ? -1 : 0;
          peak[d] = Math.max(peak[d], held[d]);
          next[d]++;
          progress = true;
        }
      }
    }
    for (int d = 0; d < p; d++) {
      if (next[d] != orders.get(d).size()) {
        throw new IllegalStateException("schedule deadlocks on device " + d);
      }
    }
    double makespan = 0;
    for (double t : free) {
      makespan = Math.max(makespan, t);
    }
    return new Timeline(makespan, busy, peak);
  }
}
