package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.vec;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Young's checkpoint interval and the first-order overhead, against a search and a simulation. */
class ReliabilityTest {

  @Test
  void youngIntervalIsTheMinimumOfTheOverhead() {
    // Golden-section search over log tau: independent of the calculus behind sqrt(2 t_ckpt MTBF).
    forAll(1201, vec(logUniform(0.1, 3600), logUniform(600, 1e7), logUniform(1, 1e4)), v -> {
      double ckpt = v.get(0);
      double mtbf = v.get(1);
      double restart = v.get(2);
      double lo = Math.log(1e-3);
      double hi = Math.log(1e9);
      double phi = (Math.sqrt(5) - 1) / 2;
      for (int i = 0; i < 300; i++) {
        double x1 = hi - phi * (hi - lo);
        double x2 = lo + phi * (hi - lo);
        if (Reliability.checkpointOverhead(ckpt, Math.exp(x1), mtbf, restart)
            < Reliability.checkpointOverhead(ckpt, Math.exp(x2), mtbf, restart)) {
          hi = x2;
        } else {
          lo = x1;
        }
      }
      return close(Math.exp((lo + hi) / 2), Reliability.youngInterval(ckpt, mtbf), 1e-6);
    });
  }

  @Test
  void overheadAtTheOptimumIsTwiceTheWritingSharePlusRestarts() {
    forAll(1202, vec(logUniform(0.1, 3600), logUniform(600, 1e7), logUniform(1, 1e4)), v -> {
      double tau = Reliability.youngInterval(v.get(0), v.get(1));
      return close(Reliability.checkpointOverhead(v.get(0), tau, v.get(1), v.get(2)),
          2 * v.get(0) / tau + v.get(2) / v.get(1), 1e-9);
    });
  }

  @Test
  void firstOrderOverheadMatchesASimulatedJobWithRandomInterruptions() {
    // Simulate the job: compute tau, block t_ckpt to write, repeat; interruptions arrive as a
    // Poisson process in wall-clock time; each one throws away the work since the last finished
    // checkpoint and costs a restart. Measure the share of wall time that was not useful work.
    // Draws keep tau and t_ckpt small against the MTBF, where the first-order model holds.
    forAll(1203, 40, vec(logUniform(3600, 1e6), logUniform(0.001, 0.02), logUniform(0.001, 0.03),
        logUniform(0.0005, 0.01)), v -> {
      double mtbf = v.get(0);
      double tau = v.get(1) * mtbf;
      double ckpt = v.get(2) * tau;
      double restart = v.get(3) * mtbf;
      SplittableRandom random = new SplittableRandom(Double.doubleToLongBits(mtbf));
      double wall = 0;
      double useful = 0;
      double nextFailure = -mtbf * Math.log(1 - random.nextDouble());
      double target = 20_000 * mtbf;
      while (useful < target) {
        double segment = tau + ckpt;
        if (wall + segment <= nextFailure) {
          wall += segment;
          useful += tau;
        } else {
          wall = nextFailure + restart;
          nextFailure = wall - mtbf * Math.log(1 - random.nextDouble());
        }
      }
      double simulated = 1 - useful / wall;
      double model = Reliability.checkpointOverhead(ckpt, tau, mtbf, restart);
      return Math.abs(simulated - model) <= 0.05 * model;
    });
  }

  @Test
  void drillFigures() {
    // Drill 2's givens: a 988 GB checkpoint at 100 GB/s, one interruption a day, 15 min restarts.
    double ckpt = 988e9 / 100e9;
    double tau = Reliability.youngInterval(ckpt, 86_400);
    assertEquals(21.8 * 60, tau, 0.05 * 60);
    assertEquals(0.026, Reliability.checkpointOverhead(ckpt, tau, 86_400, 900), 0.0005);
  }
}
