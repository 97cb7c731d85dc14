package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;
import org.llmsi.formulas.simulation.PipelineSimulation;
import org.llmsi.formulas.simulation.PipelineSimulation.Timeline;

class PipelineBubbleTest {

  @Test
  void gpipeSimulationMatchesTheClosedForm() {
    forAll(401, 150, vec(count(1, 12), count(1, 40), count(1, 4), count(1, 4)), v -> {
      int p = (int) v.get(0);
      int m = (int) v.get(1);
      Timeline t = PipelineSimulation.simulate(PipelineSimulation.gpipe(p, m), p, 1, v.get(2), v.get(3));
      return close(t.bubbleFraction(0), PipelineBubble.gpipe(p, m), 1e-12)
          && close(t.bubbleFraction(p - 1), PipelineBubble.gpipe(p, m), 1e-12)
          && t.maxInFlight() == m;
    });
  }

  @Test
  void oneForwardOneBackwardSimulationMatchesTheClosedFormAndHoldsAtMostPMicroBatches() {
    forAll(402, 150, vec(count(1, 12), count(1, 40), count(1, 4), count(1, 4)), v -> {
      int p = (int) v.get(0);
      int m = (int) v.get(1);
      Timeline t = PipelineSimulation.simulate(
          PipelineSimulation.oneForwardOneBackward(p, m), p, 1, v.get(2), v.get(3));
      return close(t.bubbleFraction(0), PipelineBubble.oneForwardOneBackward(p, m), 1e-12)
          && t.maxInFlight() == PipelineBubble.inFlightMicroBatches1F1B(p, m);
    });
  }

  @Test
  void interleavedSimulationMatchesTheClosedForm() {
    // Megatron's interleaved schedule needs m to be a multiple of p (Narayanan et al. 2021,
    // section 2.2.2); every chunk costs the same, its backward pass twice its forward.
    forAll(403, 100, vec(count(2, 8), count(1, 6), count(1, 4), count(1, 3)), v -> {
      int p = (int) v.get(0);
      int m = p * (int) v.get(1);
      int chunks = (int) v.get(2);
      double tf = v.get(3);
      Timeline t = PipelineSimulation.simulate(
          PipelineSimulation.interleaved(p, m, chunks), p, chunks, tf, 2 * tf);
      return close(t.bubbleFraction(0), PipelineBubble.interleaved(p, m, chunks), 1e-12);
    });
  }

  @Test
  void bubbleFractionIsInUnitIntervalAndFallsWithMoreMicroBatches() {
    forAll(404, vec(count(1, 256), count(1, 10_000), count(1, 16)), v -> {
      double p = v.get(0);
      double m = v.get(1);
      double chunks = v.get(2);
      double g = PipelineBubble.gpipe(p, m);
      double i = PipelineBubble.interleaved(p, m, chunks);
      return g >= 0 && g < 1 && i >= 0 && i < 1
          && (p == 1 ? g == 0 : PipelineBubble.gpipe(p, m + 1) < g)
          && i <= g && PipelineBubble.interleaved(p, m, 1) == g
          && PipelineBubble.gpipe(p + 1, m) > g
          && PipelineBubble.oneForwardOneBackward(p, m) == g;
    });
  }

  @Test
  void megatronsBubbleOverIdealIsTheOddsOfTheIdleShare() {
    // f = x / (1 + x) with x the bubble over ideal time: the two conventions are one quantity.
    forAll(405, vec(count(1, 256), count(1, 10_000), count(1, 16)), v -> {
      double x = PipelineBubble.bubbleOverIdeal(v.get(0), v.get(1), v.get(2));
      return close(x / (1 + x), PipelineBubble.interleaved(v.get(0), v.get(1), v.get(2)), 1e-12);
    });
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void gpipePaperNegligibleBubbleAtFourTimesTheStages() {
    // Huang et al. 2019 (GPipe), section 2.3: the bubble overhead O((K-1)/(M+K-1)) is negligible
    // when M >= 4 K. At K = 4, M = 16 it is 3/19 of the step.
    assertEquals(3.0 / 19, PipelineBubble.gpipe(4, 16), 1e-15);
    assertEquals(3.0 / 19, simulated(4, 16), 1e-12);
  }

  @Test
  void megatronFigureExamplesBubbleOverIdeal() {
    // Narayanan et al. 2021, section 2.2.1: bubble time fraction (p-1)/m, and with v chunks
    // (p-1)/(v m) (section 2.2.2); Figure 4 draws p = 4, m = 8 (1F1B) and v = 2 (interleaved):
    // 3/8 and 3/16 of the ideal time.
    assertEquals(3.0 / 8, PipelineBubble.bubbleOverIdeal(4, 8, 1));
    assertEquals(3.0 / 16, PipelineBubble.bubbleOverIdeal(4, 8, 2));
    Timeline t = PipelineSimulation.simulate(PipelineSimulation.interleaved(4, 8, 2), 4, 2, 1, 2);
    assertEquals(3.0 / 16, (t.makespan() - t.busy()[0]) / t.busy()[0], 1e-12);
  }

  private static double simulated(int p, int m) {
    return PipelineSimulation.simulate(PipelineSimulation.gpipe(p, m), p, 1, 1, 2).bubbleFraction(0);
  }
}
