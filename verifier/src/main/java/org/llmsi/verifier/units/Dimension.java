package org.llmsi.verifier.units;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A physical dimension as integer exponents of the guide's base quantities. Bits are a base of
 * their own, not an eighth of a byte, so that a bits-for-bytes slip is a unit error rather than a
 * silently wrong number; a formula that converts writes the factor {@code 8 bit/B} explicitly.
 */
public final class Dimension {

  /** The base quantities, with the symbol of their base unit. */
  public enum Base {
    BYTE("B"),
    BIT("bit"),
    FLOP("FLOP"),
    SECOND("s"),
    DOLLAR("USD");

    final String symbol;

    Base(String symbol) {
      this.symbol = symbol;
    }
  }

  public static final Dimension NONE = new Dimension(new int[Base.values().length]);

  private final int[] exponents;

  private Dimension(int[] exponents) {
    this.exponents = exponents;
  }

  public static Dimension of(Base base) {
    int[] e = new int[Base.values().length];
    e[base.ordinal()] = 1;
    return new Dimension(e);
  }

  public Dimension times(Dimension o) {
    int[] e = new int[exponents.length];
    for (int i = 0; i < e.length; i++) e[i] = exponents[i] + o.exponents[i];
    return new Dimension(e);
  }

  public Dimension over(Dimension o) {
    return times(o.pow(-1));
  }

  public Dimension pow(int n) {
    int[] e = new int[exponents.length];
    for (int i = 0; i < e.length; i++) e[i] = exponents[i] * n;
    return new Dimension(e);
  }

  /** The square root, or null when some exponent is odd. */
  public Dimension sqrt() {
    int[] e = new int[exponents.length];
    for (int i = 0; i < e.length; i++) {
      if (exponents[i] % 2 != 0) return null;
      e[i] = exponents[i] / 2;
    }
    return new Dimension(e);
  }

  public boolean isNone() {
    return equals(NONE);
  }

  public int exponent(Base base) {
    return exponents[base.ordinal()];
  }

  /** Reads as a unit of base symbols: {@code FLOP/s}, {@code B/s}, {@code FLOP/B}, {@code 1}. */
  @Override
  public String toString() {
    List<String> num = new ArrayList<>();
    List<String> den = new ArrayList<>();
    // FLOP first reads naturally: FLOP/s, FLOP/B.
    Base[] order = {Base.FLOP, Base.BYTE, Base.BIT, Base.DOLLAR, Base.SECOND};
    for (Base b : order) {
      int e = exponents[b.ordinal()];
      if (e > 0) num.add(e == 1 ? b.symbol : b.symbol + "^" + e);
      if (e < 0) den.add(e == -1 ? b.symbol : b.symbol + "^" + -e);
    }
    String top = num.isEmpty() ? "1" : String.join("·", num);
    if (den.isEmpty()) return top;
    return top + "/" + (den.size() == 1 ? den.get(0) : "(" + String.join("·", den) + ")");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dimension d && Arrays.equals(exponents, d.exponents);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(exponents);
  }
}
