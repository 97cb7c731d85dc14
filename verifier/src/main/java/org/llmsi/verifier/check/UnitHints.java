package org.llmsi.verifier.check;

import org.llmsi.verifier.units.Dimension;
import org.llmsi.verifier.units.Dimension.Base;

/** Names the usual slip behind a unit mismatch, when there is one. */
final class UnitHints {
  private UnitHints() {}

  static String hint(Dimension expected, Dimension actual) {
    Dimension ratio = actual.over(expected);
    if (ratio.equals(Dimension.of(Base.BIT).over(Dimension.of(Base.BYTE)))
        || ratio.equals(Dimension.of(Base.BYTE).over(Dimension.of(Base.BIT)))) {
      return "hint: bits and bytes are different units; convert with 8 bit/B";
    }
    if (ratio.equals(Dimension.of(Base.SECOND)) || ratio.equals(Dimension.of(Base.SECOND).pow(-1))) {
      return "hint: a rate and an amount differ by seconds (FLOP vs FLOP/s, B vs B/s)";
    }
    return null;
  }
}
