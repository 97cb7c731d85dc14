package org.llmsi.verifier.check;

import java.util.Locale;
import org.llmsi.verifier.units.Dimension;
import org.llmsi.verifier.units.Dimension.Base;

/** Formats a computed quantity for readers: four significant digits with an SI prefix. */
public final class ValueFormat {
  private static final String[] PREFIXES = {"n", "µ", "m", "", "k", "M", "G", "T", "P", "E", "Z"};

  private ValueFormat() {}

  public static String auto(Quantity q) {
    Dimension d = q.dimension();
    double v = q.value();
    if (d.isNone()) return sig(v);
    // Prefix only simple units (B, FLOP, s, B/s, FLOP/s); compound ones print in base units.
    Base single = null;
    for (Base b : Base.values()) {
      if (d.exponent(b) == 1 && d.equals(Dimension.of(b))) single = b;
      if (d.equals(Dimension.of(b).over(Dimension.of(Base.SECOND))) && b != Base.SECOND) single = b;
    }
    if (single == null) return sig(v) + " " + d;
    if (single == Base.SECOND && d.equals(Dimension.of(Base.SECOND)) && Math.abs(v) >= 3600) {
      return Math.abs(v) >= 86400 ? sig(v / 86400) + " days" : sig(v / 3600) + " h";
    }
    if (single == Base.DOLLAR) return sig(v) + " " + d;
    int idx = 3;
    double scaled = v;
    while (Math.abs(scaled) >= 1000 && idx < PREFIXES.length - 1) {
      scaled /= 1000;
      idx++;
    }
    while (Math.abs(scaled) < 1 && scaled != 0 && idx > 0) {
      scaled *= 1000;
      idx--;
    }
    return sig(scaled) + " " + PREFIXES[idx] + d;
  }

  /** Base-unit figures as an engineer writes them out: 1,342,177,280 or 0.000123457. */
  public static String grouped(double v) {
    java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(6));
    if (Math.abs(v) >= 1e21 || (v != 0 && Math.abs(v) < 1e-6)) return String.format(Locale.ROOT, "%.5e", v);
    if (d.scale() <= 0) return String.format(Locale.ROOT, "%,d", d.toBigInteger());
    return d.stripTrailingZeros().toPlainString();
  }

  static String sig(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e7) return String.format(Locale.ROOT, "%d", (long) v);
    String s = String.format(Locale.ROOT, Math.abs(v) >= 1e7 || Math.abs(v) < 1e-3 ? "%.4g" : "%.4g", v);
    if (s.contains("e")) return s.replaceFirst("\\.?0+e", "e").replace("e+", "e");
    return s.contains(".") ? s.replaceFirst("\\.?0+$", "") : s;
  }
}
