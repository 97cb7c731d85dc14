package org.llmsi.publisher.markdown.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Axis labels read as a reader writes numbers: grouped digits, large and small ones as powers of ten. */
class PlotTickTest {
  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource(delimiter = '|', textBlock = """
      0        | 0
      0.1      | 0.1
      2.5      | 2.5
      10000    | 10,000
      100000   | 100,000
      1e6      | 10⁶
      1e12     | 10¹²
      3e8      | 3×10⁸
      2.5e21   | 2.5×10²¹
      1e-4     | 10⁻⁴
      -1e9     | -10⁹
      """)
  void ticks(double value, String label) {
    assertEquals(label, PlotSvg.tick(value));
  }
}
