package org.llmsi.publisher.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The text layer over math reads as a reader types math, so a search for it finds it. */
class TexLinearTest {
  @Test
  void symbolsAreJuxtaposedAndUnitsEndTheirTerm() {
    assertEquals("C = 6ND FLOP", TexLinear.of("C = 6\\,\\mathrm{FLOP} \\, N \\, D"));
    assertEquals("F_fwd = 2N FLOP + 4Lsd FLOP",
        TexLinear.of("F_{\\text{fwd}} = 2\\,\\mathrm{FLOP} \\, N + 4\\,\\mathrm{FLOP} \\, L \\, s \\, d"));
    assertEquals("C ≈ 6ND", TexLinear.of("C \\approx 6 N D"));
  }

  @Test
  void scriptsFractionsAndBracketsAreLinear() {
    assertEquals("I_ridge = P_peak/B_mem", TexLinear.of("I_{\\text{ridge}} = \\frac{P_{\\text{peak}}}{B_{\\text{mem}}}"));
    assertEquals("MFU = (6N R_tok FLOP)/(n_gpu P_peak)", TexLinear.of(
        "\\mathrm{MFU} = \\frac{6\\,\\mathrm{FLOP} \\, N \\, R_{\\text{tok}}}{n_{\\text{gpu}} \\, P_{\\text{peak}}}"));
    assertEquals("P_att = min(P_peak, I B_mem)",
        TexLinear.of("P_{\\text{att}} = \\min\\left(P_{\\text{peak}}, I \\, B_{\\text{mem}}\\right)"));
    assertEquals("⌈n_kv/n_tp⌉ + x^0.73 - 1",
        TexLinear.of("\\left\\lceil \\frac{n_{\\text{kv}}}{n_{\\text{tp}}} \\right\\rceil + x^{0.73} - 1"));
    assertEquals("S = QK^T", TexLinear.of("S = QK^\\top"));
    assertEquals("N ≈ 12Ld^2", TexLinear.of("N \\approx 12 \\, L \\, {d}^{2}"));
  }

  @Test
  void wordsNumbersAndConditionsKeepTheirForm() {
    assertEquals("I_dot|_(e = 2 B) < 0.5 FLOP/B",
        TexLinear.of("\\left.I_{\\text{dot}}\\right|_{e = 2\\,\\mathrm{B}} < 0.5\\,\\mathrm{FLOP/B}"));
    assertEquals("3.35 × 10^12 FLOP/s", TexLinear.of("3.35 \\times 10^{12}\\,\\mathrm{FLOP/s}"));
    assertEquals("rps · long_share", TexLinear.of("\\mathrm{rps} \\cdot \\mathrm{long\\_share}"));
    assertEquals("t = 20 µs", TexLinear.of("t = 20\\,\\mathrm{\\mu s}"));
    assertEquals("-x + √(2δM)", TexLinear.of("-x + \\sqrt{2 \\delta M}"));
  }
}
