package org.llmsi.verifier.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TexWriterTest {
  private final TexWriter tex = new TexWriter(Map.of("P_peak", "P_{\\text{peak}}", "B_mem", "B_{\\text{mem}}",
      "I_ridge", "I_{\\text{ridge}}")::get);

  private String render(String formula) throws SyntaxError {
    return tex.equation(FormulaLanguage.parseFormula(formula));
  }

  @Test
  void divisionIsAFractionAndSymbolsTakeTheirGlossaryForm() throws Exception {
    assertEquals("I_{\\text{ridge}} = \\frac{P_{\\text{peak}}}{B_{\\text{mem}}}", render("I_ridge = P_peak / B_mem"));
  }

  @Test
  void parenthesesAroundANumeratorAreDroppedInsideAFraction() throws Exception {
    assertEquals("y = \\frac{a + b}{c}", render("y = (a + b) / c").replace("\\mathrm{a}", "a")
        .replace("\\mathrm{b}", "b").replace("\\mathrm{c}", "c").replace("\\mathrm{y}", "y"));
  }

  @Test
  void literalsWithUnitsAndExponents() throws Exception {
    assertEquals("\\mathrm{y} = 2\\,\\mathrm{FLOP} \\, \\mathrm{n}", render("y = 2 FLOP * n"));
    assertEquals("\\mathrm{y} = 3.35 \\times 10^{12}", render("y = 3.35e12"));
    assertEquals("\\mathrm{y} = \\left\\lceil \\mathrm{a} \\right\\rceil", render("y = ceil(a)"));
    assertEquals("\\mathrm{y} = \\mathrm{a} \\times 2", render("y = a * 2"));
    assertEquals("\\mathrm{d\\_ff} = \\mathrm{a}", render("d_ff = a"));
  }

  @Test
  void productsOfGlossarySymbolsUseAThinSpaceButWordsGetADot() throws Exception {
    assertEquals("I_{\\text{ridge}} = P_{\\text{peak}} \\, B_{\\text{mem}}", render("I_ridge = P_peak * B_mem"));
    assertEquals("\\mathrm{y} = \\mathrm{rps} \\cdot \\mathrm{long\\_share}", render("y = rps * long_share"));
    assertEquals("\\mathrm{y} = P_{\\text{peak}} \\cdot \\mathrm{share}", render("y = P_peak * share"));
  }
}
