package org.llmsi.formulas;

import org.llmsi.formulas.simulation.PipelineSimulation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.uniform;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;
import org.llmsi.formulas.SplitBackwardSchedule.Timeline;

class PipelineSchedulesTest {

  @Test
  void oneForwardOneBackwardWithAFullBackwardIdlesPMinusOneSlots() {
    // The existing 1F1B simulation with the whole backward (B then W) as one pass.
    forAll(1501, 150, vec(count(1, 12), count(1, 40), uniform(0.1, 3), uniform(0.1, 3),
        uniform(0.1, 3)), v -> {
      int p = (int) v.get(0);
      int m = (int) v.get(1);
      PipelineSimulation.Timeline t = PipelineSimulation.simulate(
          PipelineSimulation.oneForwardOneBackward(p, m), p, 1, v.get(2), v.get(3) + v.get(4));
      return close(t.makespan() - t.busy()[0],
          PipelineSchedules.bubble1F1B(p, v.get(2), v.get(3), v.get(4)), 1e-9);
    });
  }

  @Test
  void zbH1SimulationMatchesTheClosedFormWhileWIsNoLongerThanFOrB() {
    forAll(1502, 200, vec(count(1, 12), count(1, 40), uniform(0.1, 3), uniform(0.1, 3),
        uniform(0, 1)), v -> {
      int p = (int) v.get(0);
      int m = p + (int) v.get(1); // at least p micro-batches, as the schedule assumes
      double tf = v.get(2);
      double tb = v.get(3);
      double tw = v.get(4) * Math.min(tf, tb); // W no longer than F or B
      Timeline t = SplitBackwardSchedule.simulate(
          SplitBackwardSchedule.oneForwardOneBackward(p, m, true), tf, tb, tw);
      double expected = PipelineSchedules.bubbleZbH1(p, tf, tb, tw);
      for (int d = 0; d < p; d++) {
        if (Math.abs(t.idle(d) - expected) > 1e-9 * Math.max(1, expected)) {
          return false;
        }
        if (t.peakHeld()[d] != PipelineBubble.inFlightMicroBatches1F1B(p, m)) {
          return false; // ZB-H1 holds what the first device of 1F1B holds, on every device
        }
      }
      return close(t.idle(0) / t.makespan(),
          PipelineSchedules.bubbleShare(expected, m, tf, tb, tw), 1e-9) || p == 1;
    });
  }

  @Test
  void zbH1CannotIdleLessThanPMinusOneForwardsOrInputBackwards() {
    // With any pass times the simulated idle time is (p-1) max(t_f + t_b - t_w, t_f, t_b): a W
    // longer than F or B overfills the drain, and the warm-up forwards and the chain of B passes
    // back to the first stage are floors that no deferred W can fill.
    forAll(1503, 200, vec(count(1, 10), count(0, 20), uniform(0.1, 3), uniform(0.1, 3),
        uniform(0.1, 3)), v -> {
      int p = (int) v.get(0);
      int m = p + (int) v.get(1);
      double tf = v.get(2);
      double tb = v.get(3);
      double tw = v.get(4);
      Timeline t = SplitBackwardSchedule.simulate(
          SplitBackwardSchedule.oneForwardOneBackward(p, m, true), tf, tb, tw);
      double floor = Math.max(PipelineSchedules.bubbleZbH1(p, tf, tb, tw),
          (p - 1) * Math.max(tf, tb));
      return Math.abs(t.idle(0) - floor) <= 1e-9 * Math.max(1, floor);
    });
  }

  @Test
  void splittingTheBackwardWithoutDeferringWSavesOnlyTheWOfTheChain() {
    // 1F1B with B and W as separate passes, W at once: B no longer waits for the next stage's W.
    forAll(1504, 100, vec(count(1, 10), count(0, 20), uniform(0.1, 3), uniform(0.1, 3),
        uniform(0.1, 3)), v -> {
      int p = (int) v.get(0);
      int m = p + (int) v.get(1);
      Timeline t = SplitBackwardSchedule.simulate(
          SplitBackwardSchedule.oneForwardOneBackward(p, m, false), v.get(2), v.get(3), v.get(4));
      return close(t.idle(0) + 1, (p - 1) * (v.get(2) + v.get(3)) + 1, 1e-9)
          && t.peakHeld()[p - 1] == 1;
    });
  }

  @Test
  void interleavedFirstDeviceHoldsPPlusPMinusOneOverVMicroBatches() {
    forAll(1505, 100, vec(count(2, 8), count(2, 6), count(1, 4)), v -> {
      int p = (int) v.get(0);
      int m = p * (int) v.get(1); // a multiple of p, at least 2p
      int chunks = (int) v.get(2);
      PipelineSimulation.Timeline t = PipelineSimulation.simulate(
          PipelineSimulation.interleaved(p, m, chunks), p, chunks, 1, 2);
      // the simulation counts chunk forwards held on device 0; a chunk is 1/v of the stage
      return close((double) t.maxInFlight() / chunks,
          PipelineSchedules.inFlightInterleaved(p, chunks), 1e-12);
    });
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void zeroBubbleReadmeBubbleRatesAtEqualPassTimes() {
    // sail-sg/zero-bubble-pipeline-parallelism README, comparison table (T_F = T_B = T_W):
    // bubble rate (p-1)/m for 1F1B and (p-1)/(3m) for ZB1P, rates over the ideal time m(F+B+W).
    for (int p : new int[] {4, 8, 16}) {
      for (int m : new int[] {p, 2 * p, 24}) {
        double ideal = m * 3.0;
        assertEquals((p - 1.0) / m, PipelineSchedules.bubble1F1B(p, 1, 1, 1) / ideal, 1e-12);
        assertEquals((p - 1.0) / (3 * m), PipelineSchedules.bubbleZbH1(p, 1, 1, 1) / ideal, 1e-12);
        Timeline zb = SplitBackwardSchedule.simulate(
            SplitBackwardSchedule.oneForwardOneBackward(p, m, true), 1, 1, 1);
        assertEquals((p - 1.0) / (3 * m), zb.idle(0) / ideal, 1e-12);
      }
    }
  }

  @Test
  void deepSeekV3TableTwoBubblesAndMemory() {
    // DeepSeek-V3 report, section 3.2.1, Table 2 (B there is the full backward, our t_b + t_w):
    // 1F1B (PP-1)(F+B), ZB1P (PP-1)(F+B-2W), DualPipe (PP/2-1)(F&B+B-3W); activations PP, PP, PP+1.
    double f = 1.3;
    double b = 1.1;
    double w = 0.9;
    double fb = 2.6;
    int pp = 16;
    double full = b + w;
    assertEquals((pp - 1) * (f + full), PipelineSchedules.bubble1F1B(pp, f, b, w), 1e-12);
    assertEquals((pp - 1) * (f + full - 2 * w), PipelineSchedules.bubbleZbH1(pp, f, b, w), 1e-12);
    assertEquals((pp / 2.0 - 1) * (fb + full - 3 * w),
        PipelineSchedules.bubbleDualPipe(pp, fb, b, w), 1e-12);
    assertEquals(pp + 1, PipelineSchedules.inFlightDualPipe(pp));
    // "only increasing the peak activation memory by 1/PP times"
    assertEquals(1 + 1.0 / pp,
        PipelineSchedules.inFlightDualPipe(pp) / PipelineBubble.inFlightMicroBatches1F1B(pp, 64), 1e-12);
  }

  @Test
  void bubbleShareOf1F1BIsGPipesPublishedShare() {
    // Huang et al. 2019 (GPipe), section 2.3: the bubble is (K-1)/(M+K-1) of the step; at K = 4
    // stages and M = 16 micro-batches 3/19, whatever the split of the backward pass.
    assertEquals(3.0 / 19,
        PipelineSchedules.bubbleShare(PipelineSchedules.bubble1F1B(4, 0.7, 0.9, 0.4), 16, 0.7, 0.9, 0.4),
        1e-12);
  }

  @Test
  void dualPipeBubbleIsBelowZbH1AtEqualPassTimesEvenWithoutOverlapGain() {
    for (int p = 2; p <= 64; p += 2) {
      double dual = PipelineSchedules.bubbleDualPipe(p, 3, 1, 1); // F&B = F + B + W: no gain
      assertEquals(p - 2, dual, 1e-12);
      assertTrue(dual < PipelineSchedules.bubbleZbH1(p, 1, 1, 1));
    }
  }
}
