package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.close;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;

class ScalingLawsTest {

  @Test
  void optimumSpendsTheWholeBudget() {
    forAll(1001, vec(logUniform(1e15, 1e30)), v -> close(
        TransformerFlops.trainingCompute(ScalingLaws.optimalParameters(v.get(0)),
            ScalingLaws.optimalTokens(v.get(0))), v.get(0), 1e-9));
  }

  @Test
  void closedFormOptimumMatchesANumericalSearchAlongTheIsoFlopCurve() {
    // Golden-section search over log N of L(N, C / 6N): an independent derivation of Equation 4.
    forAll(1002, 100, vec(logUniform(1e18, 1e28)), v -> {
      double c = v.get(0);
      double lo = Math.log(1e3);
      double hi = Math.log(c / 6 / 1e3);
      double phi = (Math.sqrt(5) - 1) / 2;
      for (int i = 0; i < 200; i++) {
        double x1 = hi - phi * (hi - lo);
        double x2 = lo + phi * (hi - lo);
        if (lossOnIsoFlop(c, x1) < lossOnIsoFlop(c, x2)) {
          hi = x2;
        } else {
          lo = x1;
        }
      }
      return close(Math.exp((lo + hi) / 2), ScalingLaws.optimalParameters(c), 1e-6);
    });
  }

  private static double lossOnIsoFlop(double c, double logN) {
    double n = Math.exp(logN);
    return ScalingLaws.loss(n, c / (6 * n));
  }

  @Test
  void lossFallsWithParametersAndDataTowardsTheIrreducibleLoss() {
    forAll(1003, vec(logUniform(1e6, 1e13), logUniform(1e8, 1e14)), v -> {
      double l = ScalingLaws.loss(v.get(0), v.get(1));
      return l > ScalingLaws.E
          && ScalingLaws.loss(2 * v.get(0), v.get(1)) < l
          && ScalingLaws.loss(v.get(0), 2 * v.get(1)) < l
          && close(ScalingLaws.loss(1e300, 1e300), ScalingLaws.E, 1e-12);
    });
  }

  @Test
  void doublingComputeScalesParametersAndTokensByTheExponents() {
    forAll(1004, vec(logUniform(1e18, 1e28)), v -> {
      double a = ScalingLaws.BETA / (ScalingLaws.ALPHA + ScalingLaws.BETA);
      return close(ScalingLaws.optimalParameters(2 * v.get(0)) / ScalingLaws.optimalParameters(v.get(0)),
              Math.pow(2, a), 1e-9)
          && close(ScalingLaws.optimalTokens(2 * v.get(0)) / ScalingLaws.optimalTokens(v.get(0)),
              Math.pow(2, 1 - a), 1e-9)
          && close(ScalingLaws.tokensPerParameter(ScalingLaws.optimalTokens(v.get(0)),
              ScalingLaws.optimalParameters(v.get(0))),
              ScalingLaws.optimalTokens(v.get(0)) / ScalingLaws.optimalParameters(v.get(0)), 1e-15);
    });
  }

  // ---- Published figures -------------------------------------------------------------------

  @Test
  void chinchillaTableThreeRowsSpendSixNDAndUseAboutTwentyTokensPerParameter() {
    // Hoffmann et al. 2022, Table 3 (Approach 1): 1B parameters: 1.21e20 FLOP, 20.2B tokens;
    // 10B: 1.23e22 FLOP, 205.1B tokens; 67B: 5.76e23 FLOP, 1.5T tokens.
    assertEquals(1.21e20, round3(TransformerFlops.trainingCompute(1e9, 20.2e9)));
    assertEquals(1.23e22, round3(TransformerFlops.trainingCompute(10e9, 205.1e9)));
    assertEquals(20.2, ScalingLaws.tokensPerParameter(20.2e9, 1e9), 1e-12);
    assertEquals(20.5, Math.round(ScalingLaws.tokensPerParameter(205.1e9, 10e9) * 10) / 10.0);
    // Chinchilla itself: 70B parameters on 1.4T tokens (section 4), 20 tokens per parameter.
    assertEquals(20, ScalingLaws.tokensPerParameter(1.4e12, 70e9), 1e-12);
  }

  @Test
  void approachThreeExponentsFromTheRoundedFit() {
    // Table 2 prints a = 0.46, b = 0.54 for Approach 3; the rounded constants printed in
    // section 3.3 (alpha = 0.34, beta = 0.28) give 0.452 and 0.548. Documented discrepancy: the
    // exponents agree to 0.01, not to the printed digits (Besiroglu et al. 2024 discuss it).
    double a = ScalingLaws.BETA / (ScalingLaws.ALPHA + ScalingLaws.BETA);
    assertEquals(0.46, a, 0.01);
    assertEquals(0.54, 1 - a, 0.01);
    assertEquals(0.45, Math.round(a * 100) / 100.0);
  }

  private static double round3(double x) {
    double scale = Math.pow(10, Math.floor(Math.log10(x)) - 2);
    return Math.round(x / scale) * scale;
  }
}
