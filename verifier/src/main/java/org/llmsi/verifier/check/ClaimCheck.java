package org.llmsi.verifier.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.units.Unit;
import org.llmsi.verifier.units.UnitParser;

/**
 * Decides whether a computed value matches a printed one. Without an explicit tolerance a claim
 * holds when the value, in the claim's unit, rounds to the printed digits: {@code 1.34 GB} accepts
 * [1.335, 1.345) GB and {@code 6.7e9} accepts [6.65e9, 6.75e9).
 */
final class ClaimCheck {
  private ClaimCheck() {}

  /** The printed digits of a literal, split into mantissa decimals and exponent. */
  record Digits(String mantissa, int decimals, int exponent) {
    static Digits of(Expr.Num n) {
      String text = n.unit().text().isEmpty() ? n.text()
          : n.text().substring(0, n.text().length() - n.unit().text().length()).strip();
      int e = Math.max(text.indexOf('e'), text.indexOf('E'));
      String mantissa = e > 0 ? text.substring(0, e) : text;
      int exponent = e > 0 ? Integer.parseInt(text.substring(e + 1).replace("+", "")) : 0;
      int dot = mantissa.indexOf('.');
      return new Digits(mantissa, dot < 0 ? 0 : mantissa.length() - dot - 1, exponent);
    }

    double halfStep() {
      return 0.5 * Math.pow(10, exponent - decimals);
    }

    /** A value printed the same way: same decimals, same exponent. */
    String format(double valueInUnit) {
      BigDecimal mantissa = BigDecimal.valueOf(valueInUnit / Math.pow(10, exponent))
          .setScale(decimals, RoundingMode.HALF_UP);
      return mantissa.toPlainString() + (exponent != 0 ? "e" + exponent : "");
    }
  }

  /** Whether {@code computed} (base units) matches the stated literal and tolerance. */
  static boolean holds(double computed, Expr.Num stated, Expr.Num tolerance) {
    double value = stated.unit().fromBase(computed);
    double target = stated.magnitude();
    if (tolerance != null) {
      if (tolerance.unit().text().equals("%")) {
        return Math.abs(value - target) <= tolerance.magnitude() / 100 * Math.abs(target) * (1 + 1e-12);
      }
      double allowed = stated.unit().fromBase(tolerance.baseValue());
      return Math.abs(value - target) <= Math.abs(allowed) * (1 + 1e-12);
    }
    double half = Digits.of(stated).halfStep();
    double slack = 1e-12 * Math.max(Math.abs(target), half);
    return value >= target - half - slack && value < target + half - slack;
  }

  /** The computed value in the claim's unit, printed to the claim's digits (more if needed to differ). */
  static String computedText(double computed, Expr.Num stated) {
    Digits d = Digits.of(stated);
    double v = stated.unit().fromBase(computed);
    String text = d.format(v);
    boolean sameAsStated = text.equals(d.mantissa() + (d.exponent() != 0 ? "e" + d.exponent() : ""));
    boolean roundsToZero = v != 0 && new java.math.BigDecimal(text.replaceFirst("e.*", "")).signum() == 0;
    if (sameAsStated || roundsToZero) {
      // At these digits the value would read as the claim (a tie) or as zero: show significant digits.
      text = String.format(Locale.ROOT, "%.4g", v);
    }
    return text;
  }

  /**
   * The computed value of a claim that held, as a reader checks it: in the claim's unit, two digits
   * finer than printed (trailing zeros dropped), so {@code ≈ 42.9 GB} shows 42.95 and {@code ≈ 131072}
   * shows 131072, never a rounded scientific form.
   */
  static String shownText(double computed, Expr.Num stated) {
    Digits d = Digits.of(stated);
    String text = new Digits(d.mantissa(), d.decimals() + 2, d.exponent()).format(stated.unit().fromBase(computed));
    String mantissa = text.replaceFirst("e.*", "");
    String exponent = text.substring(mantissa.length());
    if (mantissa.contains(".")) mantissa = mantissa.replaceFirst("0+$", "").replaceFirst("\\.$", "");
    return mantissa + exponent;
  }

  /**
   * When a claim in a binary unit would hold in its decimal twin (or the reverse), the author mixed
   * prefixes; returns that twin's text.
   */
  static String prefixTwin(double computed, Expr.Num stated) {
    String unit = stated.unit().text();
    String twin = unit.matches(".*[KMGTP]i(B|bit).*") ? unit.replaceAll("([KMGTP])i(B|bit)", "$1$2")
        .replace("KB", "kB").replace("Kbit", "kbit")
        : unit.matches(".*[kMGTP](B|bit).*") ? unit.replaceAll("([kMGTP])(B|bit)", "$1i$2").replace("kiB", "KiB").replace("kibit", "Kibit")
        : null;
    if (twin == null) return null;
    try {
      Unit t = UnitParser.parse(twin);
      String number = stated.text().substring(0, stated.text().length() - unit.length()).strip();
      Expr.Num asTwin = new Expr.Num(number + " " + twin, stated.magnitude(), t, stated.start(), stated.end());
      return holds(computed, asTwin, null) ? twin : null;
    } catch (UnitParser.UnitException e) {
      return null;
    }
  }
}
