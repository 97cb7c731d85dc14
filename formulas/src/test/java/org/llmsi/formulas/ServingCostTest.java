package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.llmsi.formulas.Props.count;
import static org.llmsi.formulas.Props.forAll;
import static org.llmsi.formulas.Props.logUniform;
import static org.llmsi.formulas.Props.same;
import static org.llmsi.formulas.Props.vec;

import org.junit.jupiter.api.Test;

class ServingCostTest {

  @Test
  void costIsLinearInPriceAndGpusAndInverseInThroughput() {
    forAll(1601, vec(logUniform(1e-5, 1e-2), count(1, 1024), logUniform(1, 1e6)), v -> {
      double c = ServingCost.costPerMillionTokens(v.get(0), v.get(1), v.get(2));
      return same(c, 1e6 * ServingCost.costPerToken(v.get(0), v.get(1), v.get(2)))
          && same(ServingCost.costPerMillionTokens(2 * v.get(0), v.get(1), v.get(2)), 2 * c)
          && same(ServingCost.costPerMillionTokens(v.get(0), 2 * v.get(1), v.get(2)), 2 * c)
          && same(ServingCost.costPerMillionTokens(v.get(0), v.get(1), 2 * v.get(2)), c / 2);
    });
  }

  @Test
  void oneDollarPerHourAtOneThousandTokensPerSecond() {
    // A worked instance (no primary source prints both a price and a throughput for one setup):
    // 3.6 million tokens per hour for one dollar is 0.2778 USD per million tokens.
    assertEquals(1 / 3.6, ServingCost.costPerMillionTokens(1.0 / 3600, 1, 1000), 1e-12);
  }
}
