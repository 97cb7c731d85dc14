package org.llmsi.verifier.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmsi.verifier.lang.Claim;
import org.llmsi.verifier.lang.FormulaLanguage;

class ClaimCheckTest {

  private static Claim claim(String text) throws Exception {
    List<org.llmsi.verifier.lang.Statement> st = FormulaLanguage.parseExample("x = 0 " + text);
    return st.get(0).claim();
  }

  private static boolean holds(double base, String text) throws Exception {
    Claim c = claim(text);
    return ClaimCheck.holds(base, c.stated(), c.tolerance());
  }

  @Test
  void aClaimAcceptsWhatRoundsToItsPrintedDigits() throws Exception {
    assertTrue(holds(1.335e9, "≈ 1.34 GB"));
    assertTrue(holds(1.3449999e9, "≈ 1.34 GB"));
    assertFalse(holds(1.345e9, "≈ 1.34 GB"));
    assertFalse(holds(1.3349999e9, "≈ 1.34 GB"));
    assertTrue(holds(4096, "≈ 4096"));
    assertFalse(holds(4096.5, "≈ 4096"));
  }

  @Test
  void aClaimThatHeldShowsTwoDigitsMoreInItsOwnUnitNeverScientificForWholeNumbers() throws Exception {
    assertEquals("131072", ClaimCheck.shownText(131072, claim("≈ 131072").stated()));
    assertEquals("42.95", ClaimCheck.shownText(42.949_672_96e9, claim("≈ 42.9 GB").stated()));
    assertEquals("16", ClaimCheck.shownText(16, claim("≈ 16").stated()));
    assertEquals("3.8027e25", ClaimCheck.shownText(3.80272e25, claim("≈ 3.80e25 FLOP").stated()));
    assertEquals("40.42", ClaimCheck.shownText(0.404197, claim("≈ 40.4 %").stated()));
  }

  @Test
  void gbAndGibAreNeverConfused() throws Exception {
    double bytes = 1_342_177_280; // 1.25 GiB = 1.342 GB
    assertTrue(holds(bytes, "≈ 1.34 GB"));
    assertFalse(holds(bytes, "≈ 1.34 GiB"));
    assertTrue(holds(bytes, "≈ 1.25 GiB"));
    assertEquals("GB", ClaimCheck.prefixTwin(bytes, claim("≈ 1.34 GiB").stated()));
    assertNull(ClaimCheck.prefixTwin(bytes, claim("≈ 9.99 GiB").stated()));
  }

  @Test
  void exponentNotationKeepsItsMantissaDigits() throws Exception {
    assertTrue(holds(6.74e9, "≈ 6.74e9"));
    assertTrue(holds(6.7449e9, "≈ 6.74e9"));
    assertFalse(holds(6.746e9, "≈ 6.74e9"));
    assertEquals("6.75e9", ClaimCheck.computedText(6.746e9, claim("≈ 6.74e9").stated()));
  }

  @Test
  void anExplicitToleranceReplacesRounding() throws Exception {
    assertTrue(holds(306e12, "≈ 300 FLOP/s ± 2 %".replace("FLOP/s", "TFLOP/s")));
    assertFalse(holds(307e12, "≈ 300 TFLOP/s ± 2 %"));
    // A percentage tolerance is always relative: 1 % of 40 % is 0.4 percentage points.
    assertTrue(holds(0.402, "≈ 40 % ± 1 %"));
    assertFalse(holds(0.41, "≈ 40 % ± 1 %"));
    assertTrue(holds(1.05e9, "≈ 1 GB ± 0.1 GB"));
    assertFalse(holds(1.15e9, "≈ 1 GB ± 0.1 GB"));
  }

  @Test
  void theComputedTextUsesTheClaimsUnitAndDigits() throws Exception {
    assertEquals("1.25", ClaimCheck.computedText(1_342_177_280, claim("≈ 1.34 GiB").stated()));
    assertEquals("96.0", ClaimCheck.computedText(100_663_296, claim("≈ 100.7 MiB").stated()));
    // Rounding to zero at the claim's digits would hide the value: show significant digits instead.
    assertEquals("3.391e-05", ClaimCheck.computedText(3.391e-8, claim("≈ 33.9 ms").stated()));
  }
}
