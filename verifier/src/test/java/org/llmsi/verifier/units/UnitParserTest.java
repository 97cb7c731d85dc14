package org.llmsi.verifier.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.llmsi.verifier.units.Dimension.Base;

class UnitParserTest {

  private static Unit unit(String text) throws UnitParser.UnitException {
    return UnitParser.parse(text);
  }

  @Test
  void decimalAndBinaryPrefixesAreDifferentFactorsOfTheSameDimension() throws Exception {
    assertEquals(1e9, unit("GB").factor());
    assertEquals(1073741824.0, unit("GiB").factor());
    assertEquals(unit("GB").dimension(), unit("GiB").dimension());
    assertTrue(unit("GiB").binaryPrefixed());
    assertFalse(unit("GB").binaryPrefixed());
    assertEquals(1024.0, unit("KiB").factor());
  }

  @Test
  void bitsAreNotBytes() throws Exception {
    assertNotEquals(unit("B").dimension(), unit("bit").dimension());
    assertEquals(Dimension.of(Base.BIT).over(Dimension.of(Base.SECOND)), unit("Gbit/s").dimension());
    assertEquals(1e9, unit("Gbit/s").factor());
  }

  @Test
  void ratesAndCompoundUnits() throws Exception {
    Unit tflops = unit("TFLOP/s");
    assertEquals(1e12, tflops.factor());
    assertEquals(Dimension.of(Base.FLOP).over(Dimension.of(Base.SECOND)), tflops.dimension());
    assertEquals("FLOP/B", unit("FLOP/B").dimension().toString());
    assertEquals(1e-3, unit("ms").factor(), 1e-18);
    assertEquals(1e-6, unit("us").factor(), 1e-21);
    assertEquals(1e-6, unit("µs").factor(), 1e-21);
    assertEquals(3600.0, unit("h").factor());
    assertEquals(Dimension.of(Base.DOLLAR).over(Dimension.of(Base.SECOND)), unit("USD/h").dimension());
    assertEquals(1.0 / 3600, unit("USD/h").factor(), 1e-15);
    assertEquals(0.01, unit("%").factor());
    assertTrue(unit("%").dimension().isNone());
    assertEquals(Dimension.of(Base.SECOND).pow(2), unit("s^2").dimension());
  }

  @Test
  void countWordsArePlainNumbersThatReadWell() throws Exception {
    assertTrue(unit("token/s").dimension().equals(Dimension.NONE.over(Dimension.of(Base.SECOND))));
    assertEquals(unit("1/s").dimension(), unit("token/s").dimension());
    assertEquals(1e-6, unit("USD/Mtoken").factor(), 1e-20);
    assertEquals(Dimension.of(Base.DOLLAR), unit("USD/Mtoken").dimension());
    assertEquals(1e9, unit("Gparams").factor());
  }

  @Test
  void ambiguousAndUnknownUnitsAreRefusedWithAReason() {
    assertTrue(assertThrows(UnitParser.UnitException.class, () -> unit("TFLOPS")).getMessage()
        .contains("FLOP/s"));
    assertTrue(assertThrows(UnitParser.UnitException.class, () -> unit("Gb")).getMessage()
        .contains("write bit for bits and B for bytes"));
    assertTrue(assertThrows(UnitParser.UnitException.class, () -> unit("parsecs")).getMessage()
        .startsWith("unknown unit 'parsecs'"));
    assertThrows(UnitParser.UnitException.class, () -> unit("B/"));
    assertThrows(UnitParser.UnitException.class, () -> unit("GiFLOP"));
  }

  @Test
  void dimensionAlgebra() {
    Dimension bytes = Dimension.of(Base.BYTE);
    Dimension seconds = Dimension.of(Base.SECOND);
    assertEquals(Dimension.NONE, bytes.over(bytes));
    assertEquals(bytes, bytes.over(seconds).times(seconds));
    assertEquals(bytes, bytes.pow(2).sqrt());
    assertEquals(null, bytes.sqrt());
    assertEquals("B/s", bytes.over(seconds).toString());
    assertEquals("1", Dimension.NONE.toString());
  }
}
