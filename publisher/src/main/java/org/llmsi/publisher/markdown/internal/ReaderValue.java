package org.llmsi.publisher.markdown.internal;

import com.vladsch.flexmark.html.HtmlWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value as a reader writes it, not as the code reads it: thousands grouped ({@code 2,596}),
 * e-notation as a power of ten ({@code 70.55e9} as 70.55 × 10⁹), and µ for the micro
 * prefix that the formula language also spells {@code u} ({@code 8.74 us} as 8.74 µs). The digits
 * are the ones given, so a stated value keeps the precision it was checked to.
 */
final class ReaderValue {
  private static final Pattern NUMBER = Pattern.compile("(-?)(\\d[\\d,]*)(\\.\\d+)?(?:[eE]([+-]?\\d+))?");
  /** {@code u} as a prefix: at the start of a unit or after its operator, before a letter. */
  private static final Pattern MICRO = Pattern.compile("(^|[ /*·])u(?=[A-Za-z])");

  private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻";

  private ReaderValue() {}

  /** Writes {@code text} (a number with an optional unit, or a name such as an accelerator's). */
  static void write(String text, HtmlWriter html) {
    Matcher m = NUMBER.matcher(text);
    if (!m.lookingAt() || (m.end() < text.length() && text.charAt(m.end()) != ' ')) {
      html.text(text); // a name ("NVIDIA H100 SXM5 80GB"), not a number
      return;
    }
    String digits = m.group(2);
    String whole = digits.indexOf(',') >= 0 || digits.length() > 18 ? digits : CitedSources.grouped(Long.parseLong(digits));
    html.text(m.group(1) + whole + (m.group(3) == null ? "" : m.group(3)));
    if (m.group(4) != null) {
      // Superscript characters, not <sup>: a PDF's text then keeps the exponent on its line.
      StringBuilder power = new StringBuilder(" × 10");
      for (char c : String.valueOf(Integer.parseInt(m.group(4))).toCharArray()) power.append(SUPERSCRIPT.charAt(c == '-' ? 10 : c - '0'));
      html.text(power);
    }
    html.text(MICRO.matcher(text.substring(m.end())).replaceAll("$1µ"));
  }
}
