package org.llmsi.formulas.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A step-by-step simulation of pipeline schedules: every device runs its own ordered list of
 * forward and backward operations, each starting as soon as the device is free and its input
 * (the previous stage's forward, or the next stage's backward) has finished. The bubble is read
 * off the simulated timeline, independently of the closed forms in {@link org.llmsi.formulas.PipelineBubble}; the
 * guide draws the timeline itself (a plot of kind timeline).
 */
public final class PipelineSimulation {
  private PipelineSimulation() {}

  /** One operation: micro-batch, virtual stage (chunk c of device d is stage c p + d), direction. */
  public record Op(int microBatch, int stage, boolean forward) {}

  /** An operation as it ran on a device, from start to end. */
  public record Slot(int device, Op op, double start, double end) {}

  /** Result of a simulation: makespan, the busy time of each device, and every operation as it ran. */
  public record Timeline(double makespan, double[] busy, int maxInFlight, List<Slot> slots) {
    public double bubbleFraction(int device) {
      return (makespan - busy[device]) / makespan;
    }
  }

  public static List<List<Op>> gpipe(int p, int m) {
    List<List<Op>> orders = new ArrayList<>();
    for (int d = 0; d < p; d++) {
      List<Op> ops = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        ops.add(new Op(i, d, true));
      }
      for (int i = 0; i < m; i++) {
        ops.add(new Op(i, d, false));
      }
      orders.add(ops);
    }
    return orders;
  }

  /** PipeDream-Flush 1F1B: p-d-1 warm-up forwards, then alternate, then drain the backwards. */
  public static List<List<Op>> oneForwardOneBackward(int p, int m) {
    List<List<Op>> orders = new ArrayList<>();
    for (int d = 0; d < p; d++) {
      List<Op> ops = new ArrayList<>();
      int warmup = Math.min(p - d - 1, m);
      for (int i = 0; i < warmup; i++) {
        ops.add(new Op(i, d, true));
      }
      for (int i = 0; i < m - warmup; i++) {
        ops.add(new Op(warmup + i, d, true));
        ops.add(new Op(i, d, false));
      }
      for (int i = m - warmup; i < m; i++) {
        ops.add(new Op(i, d, false));
      }
      orders.add(ops);
    }
    return orders;
  }

  /**
   * Megatron-LM's interleaved 1F1B (Narayanan et al. 2021, section 2.2.2; the order of
   * forward_backward_pipelining_with_interleaving): micro-batches go through the v chunks in
   * groups of p; requires m to be a multiple of p.
   */
  public static List<List<Op>> interleaved(int p, int m, int v) {
    List<List<Op>> orders = new ArrayList<>();
    int total = m * v;
    for (int d = 0; d < p; d++) {
      List<Op> ops = new ArrayList<>();
      int warmup = Math.min((p - d - 1) * 2 + (v - 1) * p, total);
      int f = 0;
      int b = 0;
      for (; f < warmup; f++) {
        ops.add(interleavedOp(f, p, v, d, true));
      }
      while (f < total) {
        ops.add(interleavedOp(f++, p, v, d, true));
        ops.add(interleavedOp(b++, p, v, d, false));
      }
      while (b < total) {
        ops.add(interleavedOp(b++, p, v, d, false));
      }
      orders.add(ops);
    }
    return orders;
  }

  private static Op interleavedOp(int k, int p, int v, int device, boolean forward) {
    int group = k % (p * v);
    int chunk = forward ? group / p : v - 1 - group / p;
    int microBatch = (k / (p * v)) * p + k % p;
    return new Op(microBatch, chunk * p + device, forward);
  }

  /**
   * Runs the schedule with forward time tf and backward time tb per micro-batch per device
   * (each of v chunks takes 1/v of it).
   */
  public static Timeline simulate(List<List<Op>> orders, int p, int v, double tf, double tb) {
    int stages = p * v;
    Map<Op, Double> finish = new HashMap<>();
    int[] next = new int[p];
    double[] free = new double[p];
    double[] busy = new double[p];
    int[] inFlight = new int[p];
    int maxInFlight = 0;
    List<Slot> slots = new ArrayList<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int d = 0; d < p; d++) {
        while (next[d] < orders.get(d).size()) {
          Op op = orders.get(d).get(next[d]);
          Op input = op.forward()
              ? (op.stage() == 0 ? null : new Op(op.microBatch(), op.stage() - 1, true))
              : (op.stage() == stages - 1
                  ? new Op(op.microBatch(), op.stage(), true)
                  : new Op(op.microBatch(), op.stage() + 1, false));
          Double ready = input == null ? Double.valueOf(0) : finish.get(input);
          if (ready == null) {
            break; // wait for another device
          }
          double duration = (op.forward() ? tf : tb) / v;
          double start = Math.max(free[d], ready);
          free[d] = start + duration;
          slots.add(new Slot(d, op, start, free[d]));
          busy[d] += duration;
          finish.put(op, free[d]);
          inFlight[d] += op.forward() ? 1 : -1;
          maxInFlight = Math.max(maxInFlight, d == 0 ? inFlight[d] : maxInFlight);
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
    return new Timeline(makespan, busy, maxInFlight, List.copyOf(slots));
  }
}
