package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.uniform;
import static org.llmsi.formulas.Props.vec;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpeculativeDecodingTest {

  @Test
  void expectedTokensLieBetweenOneAndGammaPlusOneAndGrow() {
    forAll(1101, vec(uniform(0, 1), count(0, 64)), v -> {
      double a = v.get(0);
      double gamma = v.get(1);
      double e = SpeculativeDecoding.expectedTokensPerStep(a, gamma);
      return e >= 1 && e <= gamma + 1
          && SpeculativeDecoding.expectedTokensPerStep(a, gamma + 1) >= e
          && SpeculativeDecoding.expectedTokensPerStep(Math.min(1, a + 0.01), gamma) >= e
          && SpeculativeDecoding.expectedTokensPerStep(0, gamma) == 1
          && SpeculativeDecoding.expectedTokensPerStep(1, gamma) == gamma + 1
          && close(SpeculativeDecoding.expectedTokensPerStep(1 - 1e-9, gamma), gamma + 1, 1e-6);
    });
  }

  @Test
  void expectedTokensAreTheGeometricSum() {
    forAll(1102, vec(uniform(0, 0.999), count(0, 64)), v -> {
      double sum = 0;
      for (int i = 0; i <= v.get(1); i++) {
        sum += Math.pow(v.get(0), i);
      }
      return close(SpeculativeDecoding.expectedTokensPerStep(v.get(0), v.get(1)), sum, 1e-9);
    });
  }

  @Test
  void freeDraftsGiveTheTokenGainAndCostlyDraftsLose() {
    forAll(1103, vec(uniform(0, 0.999), count(1, 32), uniform(0, 1)), v -> {
      double a = v.get(0);
      double gamma = v.get(1);
      double s = SpeculativeDecoding.speedup(a, gamma, v.get(2));
      return SpeculativeDecoding.speedup(a, gamma, 0) == SpeculativeDecoding.expectedTokensPerStep(a, gamma)
          && s <= SpeculativeDecoding.speedup(a, gamma, 0)
          && SpeculativeDecoding.speedup(0, gamma, v.get(2)) <= 1;
    });
  }

  @Test
  void bestDraftLengthIsTheArgmax() {
    forAll(1104, vec(uniform(0.05, 0.99), uniform(0.001, 0.5)), v -> {
      int best = SpeculativeDecoding.bestDraftLength(v.get(0), v.get(1), 40);
      double top = SpeculativeDecoding.speedup(v.get(0), best, v.get(1));
      for (int g = 1; g <= 40; g++) {
        double s = SpeculativeDecoding.speedup(v.get(0), g, v.get(1));
        if (s > top || (s == top && g < best)) {
          return false;
        }
      }
      return best >= 1 && best <= 40;
    });
  }

  /**
   * Monte-Carlo of speculative sampling (Leviathan et al. 2023, Algorithm 1) on random target and
   * draft distributions over a small vocabulary, the same at every position: the draft samples
   * gamma tokens from q; token x is kept with probability min(1, p(x)/q(x)); at the first
   * rejection a token is drawn from norm(max(0, p - q)); if all are kept one more comes from p.
   */
  @Test
  void monteCarloTokensPerStepMatchWithinFourStandardErrors() {
    SplittableRandom random = new SplittableRandom(1105);
    for (int trial = 0; trial < 12; trial++) {
      int vocab = 2 + random.nextInt(6);
      double[] p = randomDistribution(random, vocab);
      double[] q = randomDistribution(random, vocab);
      double a = 0;
      for (int i = 0; i < vocab; i++) {
        a += Math.min(p[i], q[i]); // acceptance rate, Leviathan et al. Definition 3.1
      }
      int gamma = 1 + random.nextInt(8);
      int steps = 20_000;
      double sum = 0;
      double sumSq = 0;
      long[] emitted = new long[vocab];
      for (int step = 0; step < steps; step++) {
        int tokens = 0;
        boolean rejected = false;
        for (int k = 0; k < gamma && !rejected; k++) {
          int x = sample(random, q);
          if (random.nextDouble() < Math.min(1, p[x] / q[x])) {
            tokens++;
            emitted[x]++;
          } else {
            rejected = true;
            double[] residual = new double[vocab];
            for (int i = 0; i < vocab; i++) {
              residual[i] = Math.max(0, p[i] - q[i]);
            }
            emitted[sample(random, residual)]++;
            tokens++;
          }
        }
        if (!rejected) {
          emitted[sample(random, p)]++;
          tokens++;
        }
        sum += tokens;
        sumSq += (double) tokens * tokens;
      }
      double mean = sum / steps;
      double stderr = Math.sqrt((sumSq / steps - mean * mean) / steps);
      double expected = SpeculativeDecoding.expectedTokensPerStep(a, gamma);
      assertTrue(Math.abs(mean - expected) <= 4 * stderr + 1e-9,
          "seed 1105 trial " + trial + ": simulated " + mean + " +- " + stderr + ", closed form " + expected);
      // The emitted tokens follow the target distribution p (the point of the method).
      long total = java.util.Arrays.stream(emitted).sum();
      for (int i = 0; i < vocab; i++) {
        double share = emitted[i] / (double) total;
        double sd = Math.sqrt(p[i] * (1 - p[i]) / total);
        assertTrue(Math.abs(share - p[i]) <= 5 * sd + 1e-3, "token " + i + " share " + share + " vs " + p[i]);
      }
    }
  }

  private static double[] randomDistribution(SplittableRandom random, int n) {
    double[] d = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      d[i] = 0.05 + random.nextDouble();
      sum += d[i];
    }
    for (int i = 0; i < n; i++) {
      d[i] /= sum;
    }
    return d;
  }

  private static int sample(SplittableRandom random, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void leviathanCorollaryOnlyDraftsCheaperThanTheirAcceptanceHelp() {
    // Leviathan et al. 2023, Corollary 3.9: if a > c there is a gamma with improvement, at least
    // (1 + a)/(1 + c) at gamma = 1. Instances: a = 0.8, c = 0.05 and a = 0.1, c = 0.5.
    assertEquals((1 + 0.8) / (1 + 0.05), SpeculativeDecoding.speedup(0.8, 1, 0.05), 1e-12);
    assertTrue(SpeculativeDecoding.speedup(0.1, SpeculativeDecoding.bestDraftLength(0.1, 0.5, 40), 0.5) < 1);
  }

  /** A free draft that is never accepted makes every length tie at speed-up 1: the shortest wins. */
  @Test
  void tiesGoToTheShorterDraft() {
    for (int max = 1; max <= 12; max++) {
      assertEquals(1, SpeculativeDecoding.bestDraftLength(0, 0, max));
    }
  }

  /** A free draft that is often accepted gains with every extra token: the longest allowed wins. */
  @Test
  void theLongestAllowedDraftIsConsidered() {
    for (int max = 1; max <= 12; max++) {
      assertEquals(max, SpeculativeDecoding.bestDraftLength(0.9, 0, max));
    }
  }
}
