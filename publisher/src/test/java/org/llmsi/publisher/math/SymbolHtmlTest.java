package org.llmsi.publisher.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymbolHtmlTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      P_{\\text{att}}            | <var>P</var><sub>att</sub>
      n_{kv}                      | <var>n</var><sub><var>kv</var></sub>
      N_{12}                      | <var>N</var><sub>12</sub>
      D'                          | <var>D</var>′
      6ND                         | 6<var>N</var><var>D</var>
      4Lsd                        | 4<var>L</var><var>s</var><var>d</var>
      \\alpha_{\\text{lat}}       | <var>α</var><sub>lat</sub>
      \\Delta L_D                 | Δ<var>L</var><sub><var>D</var></sub>
      \\text{MFU}_{\\text{attn}}  | MFU<sub>attn</sub>
      k_{\\max}                   | <var>k</var><sub>max</sub>
      X^{\\star}                  | <var>X</var><sup>⋆</sup>
      s^2                         | <var>s</var><sup>2</sup>
      M_{\\text{kv/gpu}}          | <var>M</var><sub>kv/gpu</sub>
      """)
  void simpleSymbolsAreSetAsText(String tex, String html) {
    assertEquals(Optional.of(html), SymbolHtml.of(tex));
  }

  /** What HTML text cannot show as TeX does is left to the typesetter. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      R_D^{\\star}
      n_{\\text{split}}^{\\min}
      \\hat{L}
      s_q = 1
      QK^\\top
      I = W/Q
      \\sigma_{\\text{load}} / \\mu_{\\text{load}}
      t_{F\\&B}
      \\frac{a}{b}
      \\max
      ''
      """)
  void anythingElseIsTypeset(String tex) {
    assertEquals(Optional.empty(), SymbolHtml.of(tex == null ? "" : tex));
  }
}
