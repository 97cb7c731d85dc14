package org.llmsi.publisher.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The digits a what-if shows a recomputed claim to are the digits the page states it to. */
class CalcScriptsTest {
  @Test
  void aClaimsSignificantDigitsAreThoseOfItsMantissa() {
    assertEquals(4, CalcScripts.significantDigits("1800"));
    assertEquals(4, CalcScripts.significantDigits("1,800 token/s"));
    assertEquals(2, CalcScripts.significantDigits("8.4e6"));
    assertEquals(3, CalcScripts.significantDigits("3.80e25 FLOP"));
    assertEquals(1, CalcScripts.significantDigits("0.08 ms"));
    assertEquals(4, CalcScripts.significantDigits("989.5 TFLOP/s"));
    assertEquals(1, CalcScripts.significantDigits("-4 min"));
  }
}
