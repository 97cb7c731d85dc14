package org.llmsi.publisher.markdown.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.report.Location;
import org.llmsi.verifier.units.Unit;
import org.llmsi.verifier.units.UnitParser;

class ReaderValueTest {
  private static final long SEED = 0x2026_1203L;

  @Test
  void eNotationReadsAsAPowerOfTenWithTheDigitsAsStated() {
    assertEquals("70.55 × 10⁹", ReaderValue.of("70.55e9"));
    assertEquals("8 × 10⁹", ReaderValue.of("8e09"), "as the formatter's %g pads it");
    assertEquals("3.14 × 10²³ FLOP", ReaderValue.of("3.14e23 FLOP"));
    assertEquals("3.80 × 10²⁵ FLOP", ReaderValue.of("3.80e25 FLOP"), "the trailing zero is a stated digit");
    assertEquals("1.50 × 10⁻⁵ s", ReaderValue.of("1.50e-5 s"));
    assertEquals("1.00 × 10¹⁰", ReaderValue.of("1.00e+10"));
  }

  @Test
  void wholeNumbersAreGroupedAsTheDataListGroupsThem() {
    assertEquals("2,596", ReaderValue.of("2596"));
    assertEquals("2,595.86", ReaderValue.of("2595.86"));
    assertEquals("81,559 MiB", ReaderValue.of("81,559 MiB"), "already grouped");
    assertEquals("512", ReaderValue.of("512"));
    assertEquals("-1,024 B", ReaderValue.of("-1024 B"));
  }

  @Test
  void theMicroPrefixIsMuAndOtherUnitsStayAsWritten() {
    assertEquals("40.1 µs", ReaderValue.of("40.1 us"));
    assertEquals("8.74 µs/token", ReaderValue.of("8.74 us/token"));
    assertEquals("1.2 token/µs", ReaderValue.of("1.2 token/us"));
    assertEquals("2.5 USD/h", ReaderValue.of("2.5 USD/h"));
    assertEquals("7 %", ReaderValue.of("7 %"));
  }

  @Test
  void aUnitReadsAsAReaderWritesItAndACountHasNone() {
    assertEquals("µs", ReaderValue.unit("us"));
    assertEquals("token/µs", ReaderValue.unit("token/us"));
    assertEquals("", ReaderValue.unit("1"), "a count's unit '1' would print as [1]");
    assertEquals("1/s", ReaderValue.unit("1/s"), "a rate keeps its 1");
    for (String kept : new String[] {"GB/s", "FLOP/B", "TFLOP/s", "USD", "USD/h", "bit", "B", "s", "%", "Gbit/s"}) {
      assertEquals(kept, ReaderValue.unit(kept));
    }
    assertEquals("12", ReaderValue.of("12 1"), "a value of a count shows no unit either");
  }

  @Test
  void aDataFigureIsExactGroupedOrAPowerOfTenWithItsUnit() throws Exception {
    assertEquals("3.35 TB/s", ReaderValue.of(figure(3.35, "TB/s")));
    assertEquals("128,256", ReaderValue.of(figure(128256, "")));
    assertEquals("32", ReaderValue.of(figure(32, "1")));
    assertEquals("5 µs", ReaderValue.of(figure(5, "us")));
    assertEquals("5.76 × 10²³ FLOP", ReaderValue.of(figure(5.76e23, "FLOP")));
    assertEquals("123,456,789.5 FLOP/B", ReaderValue.of(figure(123456789.5, "FLOP/B")));
    assertEquals("2.5 × 10⁻⁵ s", ReaderValue.of(figure(2.5e-5, "s")));
  }

  @Test
  void everyFigureIsWrittenExactlyAndVeryLargeOrSmallOnesAsTheStepTableWritesThem() {
    assertEquals("11,008", ReaderValue.number(11008));
    assertEquals("3.35", ReaderValue.number(3.35));
    assertEquals("0.0005", ReaderValue.number(5e-4));
    assertEquals("123456789.5", ReaderValue.number(123456789.5));
    assertEquals("999,999,999,999,999", ReaderValue.number(999_999_999_999_999d));
    assertEquals("5.76e23", ReaderValue.number(5.76e23), "not Java's 5.76E23");
    assertEquals("1e15", ReaderValue.number(1e15));
    assertEquals("-3.8e25", ReaderValue.number(-3.8e25));
    assertEquals("2.5e-5", ReaderValue.number(2.5e-5));
    assertEquals("1.2345678901234567e20", ReaderValue.number(1.2345678901234567e20), "every digit stays");
  }

  /**
   * Plain digits up to 10^15, grouped in threes; beyond, and below 10^-4, a power of ten: either
   * way a reader's digits give the very double back.
   */
  @Test
  void aReaderGetsTheExactNumberBackFromEitherForm() {
    qt().withFixedSeed(SEED).withExamples(3000)
        .forAll(doubles().between(1, 10), integers().between(-12, 30))
        .checkAssert((mantissa, power) -> {
          double v = Double.parseDouble(mantissa + "e" + power);
          String shown = ReaderValue.of(v);
          boolean large = Math.abs(v) >= 1e15 || Math.abs(v) < 1e-4;
          assertEquals(large, shown.contains(" × 10"), () -> "seed " + SEED + ": " + v + " shown as " + shown);
          assertEquals(v, Double.parseDouble(codeForm(shown)), () -> "seed " + SEED + ": " + v + " shown as " + shown);
        });
    assertEquals(1e-6, Double.parseDouble(codeForm(ReaderValue.of(1e-6))));
    assertEquals("1 × 10⁻⁶", ReaderValue.of(1e-6));
  }

  @Test
  void aNameIsWrittenAsItIs() {
    assertEquals("NVIDIA H100 SXM5 80GB", ReaderValue.of("NVIDIA H100 SXM5 80GB"));
    assertEquals("405B model", ReaderValue.of("405B model"), "a number glued to a word is a name");
  }

  /** What a reader's number means, read back by hand: commas out, {@code × 10ⁿ} as {@code en}. */
  private static String codeForm(String shown) {
    String t = shown.replace(",", "");
    int times = t.indexOf(" × 10");
    if (times < 0) return t;
    StringBuilder power = new StringBuilder();
    for (char c : t.substring(times + 5).toCharArray()) power.append(c == '⁻' ? '-' : (char) ('0' + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)));
    return t.substring(0, times) + "e" + power;
  }

  private static DataValue figure(double value, String unit) throws Exception {
    return new DataValue("gpus.x.y", value, unit.isEmpty() ? Unit.NONE : UnitParser.parse(unit), "a datasheet",
        Location.of(Path.of("data/gpus.yaml"), 1, 1));
  }
}
