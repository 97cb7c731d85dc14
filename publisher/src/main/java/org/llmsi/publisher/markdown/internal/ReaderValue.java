package org.llmsi.publisher.markdown.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.llmsi.verifier.data.DataValue;

/**
 * A value as a reader writes it, not as the code reads it: thousands grouped ({@code 2,596}),
 * e-notation as a power of ten ({@code 70.55e9} as 70.55 × 10⁹), and µ for the micro
 * prefix that the formula language also spells {@code u} ({@code 8.74 us} as 8.74 µs). The digits
 * are the ones given, so a stated value keeps the precision it was checked to. The one place that
 * says how the site and its PDFs show a number or a unit: chapters, the appendix, the card, search
 * and the calculators.
 */
public final class ReaderValue {
  private static final Pattern NUMBER = Pattern.compile("(-?)(\\d[\\d,]*)(\\.\\d+)?(?:[eE]([+-]?\\d+))?");
  /** {@code u} as a prefix: at the start of a unit or after its operator, before a letter. */
  private static final Pattern MICRO = Pattern.compile("(^|[ /*·])u(?=[A-Za-z])");

  private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻";

  private ReaderValue() {}

  /**
   * {@code text} (a number with an optional unit, as a claim or the code writes it, or a name such
   * as an accelerator's) as a reader writes it: {@code 3.80e25 FLOP} as 3.80 × 10²⁵ FLOP.
   */
  public static String of(String text) {
    Matcher m = NUMBER.matcher(text);
    if (!m.lookingAt() || (m.end() < text.length() && text.charAt(m.end()) != ' ')) {
      return text; // a name ("NVIDIA H100 SXM5 80GB"), not a number
    }
    String digits = m.group(2);
    String whole = digits.indexOf(',') >= 0 || digits.length() > 18 ? digits : CitedSources.grouped(Long.parseLong(digits));
    StringBuilder out = new StringBuilder(m.group(1)).append(whole).append(m.group(3) == null ? "" : m.group(3));
    if (m.group(4) != null) {
      // Superscript characters, not <sup>: a PDF's text then keeps the exponent on its line.
      out.append(" × 10");
      for (char c : String.valueOf(Integer.parseInt(m.group(4))).toCharArray()) out.append(SUPERSCRIPT.charAt(c == '-' ? 10 : c - '0'));
    }
    String unit = unit(text.substring(m.end()).strip());
    return unit.isEmpty() ? out.toString() : out.append(' ').append(unit).toString();
  }

  /**
   * A unit as the glossary or a data file writes it, as a reader does: µ for {@code u}
   * ({@code us}, {@code token/us}) and nothing for a count or ratio, whose unit {@code 1} would
   * read as a citation in brackets. Others stay as written: {@code GB/s}, {@code FLOP/B}, {@code %}.
   */
  public static String unit(String unit) {
    return unit.equals("1") ? "" : MICRO.matcher(unit).replaceAll("$1µ");
  }

  /** A data figure with its unit: {@code 3.35 TB/s}, {@code 128,256}, {@code 5.76 × 10²³ FLOP}. */
  public static String of(DataValue v) {
    return of(number(v.value()) + " " + v.unit().text());
  }

  /** A number exactly, in the fewest digits that read back as it: {@code 1e-6} as 1 × 10⁻⁶. */
  public static String of(double v) {
    return of(number(v));
  }

  /**
   * A figure exactly: the shortest decimal that reads back as the same double. Whole numbers below
   * 10^15 are grouped ({@code 11,008}); very large or small ones in e-notation, {@code 5.76e23},
   * which {@link #of(String)} prints as a power of ten.
   */
  static String number(double v) {
    if (!Double.isFinite(v)) return Double.toString(v);
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return CitedSources.grouped((long) v);
    java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros();
    if (Math.abs(v) >= 1e15 || Math.abs(v) < 1e-4) {
      int exponent = exact.precision() - exact.scale() - 1;
      return exact.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }
    return exact.toPlainString();
  }
}
