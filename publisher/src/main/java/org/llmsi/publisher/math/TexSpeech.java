package org.llmsi.publisher.math;

import java.util.Map;

/**
 * The words a screen reader says for a piece of the guide's TeX, used as the math image's
 * {@code alt} text: {@code I_{\text{ridge}} = \frac{P_{\text{peak}}}{B_{\text{mem}}}} reads as
 * "I ridge equals P peak over B mem", not as its markup. It covers the TeX that the formula language's
 * writer and the chapters use; an unknown command is said by its name.
 */
public final class TexSpeech {
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("cdot", " times "), Map.entry("times", " times "), Map.entry("div", " divided by "),
      Map.entry("approx", " is approximately "), Map.entry("le", " is at most "), Map.entry("leq", " is at most "),
      Map.entry("ge", " is at least "), Map.entry("geq", " is at least "), Map.entry("ne", " is not "),
      Map.entry("neq", " is not "), Map.entry("propto", " is proportional to "), Map.entry("sim", " is about "),
      Map.entry("to", " tends to "), Map.entry("rightarrow", " tends to "), Map.entry("infty", "infinity"),
      Map.entry("ll", " is much less than "), Map.entry("gg", " is much greater than "), Map.entry("pm", " plus or minus "),
      Map.entry("min", "min"), Map.entry("max", "max"), Map.entry("log", "log"), Map.entry("exp", "exp"),
      Map.entry("top", " transpose"), Map.entry("prime", " prime"), Map.entry("ldots", " and so on "),
      Map.entry("dots", " and so on "), Map.entry("lceil", " ceiling of "), Map.entry("rceil", ""),
      Map.entry("lfloor", " floor of "), Map.entry("rfloor", ""), Map.entry("mid", " given "));

  private final String tex;
  private int pos;
  /** Inside \text{…}: letters form words; in math, adjacent letters are separate symbols (QK is Q K). */
  private boolean text;

  private TexSpeech(String tex) {
    this.tex = tex;
  }

  /** The spoken form of {@code tex}, on one line. */
  public static String say(String tex) {
    return new TexSpeech(tex).sequence('\0').replaceAll("\\s+", " ").replace(" ,", ",").strip();
  }

  /** Reads until {@code end} (or the end of the text) at this nesting level. */
  private String sequence(char end) {
    StringBuilder out = new StringBuilder();
    while (pos < tex.length()) {
      char c = tex.charAt(pos);
      if (c == end) {
        pos++;
        return out.toString();
      }
      pos++;
      switch (c) {
        case '{' -> out.append(sequence('}'));
        case '\\' -> out.append(command());
        case '_' -> out.append(' ').append(argument()).append(' ');
        case '^' -> out.append(power(argument()));
        case '=' -> out.append(" equals ");
        case '<' -> out.append(" is less than ");
        case '>' -> out.append(" is greater than ");
        case '+' -> out.append(" plus ");
        case '-' -> out.append(" minus ");
        case '/' -> out.append(" over ");
        case '|' -> out.append(' ');
        case '&', '~' -> out.append(' ');
        case '(' -> out.append(" ( ");
        case ')' -> out.append(" ) ");
        case ',' -> out.append(", ");
        default -> {
          boolean split = !text && Character.isLetter(c) && out.length() > 0
              && Character.isLetter(out.charAt(out.length() - 1));
          if (split) out.append(' ');
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  /** A group, a command or one character: what a subscript or superscript applies to. */
  private String argument() {
    while (pos < tex.length() && tex.charAt(pos) == ' ') pos++;
    if (pos >= tex.length()) return "";
    char c = tex.charAt(pos++);
    if (c == '{') return sequence('}');
    if (c == '\\') return command();
    return String.valueOf(c);
  }

  private static String power(String exponent) {
    String e = exponent.strip();
    if (e.equals("2")) return " squared ";
    if (e.equals("3")) return " cubed ";
    if (e.equals("transpose") || e.equals("prime")) return " " + e + " ";
    return " to the power " + e + " ";
  }

  private String command() {
    int start = pos;
    while (pos < tex.length() && Character.isLetter(tex.charAt(pos))) pos++;
    String name = tex.substring(start, pos);
    if (name.isEmpty()) { // \, \; \! \{ \% …: spacing or an escaped character
      char c = pos < tex.length() ? tex.charAt(pos++) : ' ';
      return c == '{' || c == '}' || c == '%' || c == '$' || c == '_' ? String.valueOf(c) : " ";
    }
    switch (name) {
      case "frac":
        String numerator = argument();
        return " " + numerator + " over " + argument() + " ";
      case "sqrt":
        return " square root of " + argument() + " ";
      case "text", "mathrm", "operatorname", "mathit", "mathbf", "textrm", "mathsf":
        boolean outer = text;
        text = true;
        String words = argument().replace('\\', ' ');
        text = outer;
        return " " + words + " ";
      case "right":
        if (pos + 1 < tex.length() && tex.charAt(pos) == '|' && tex.charAt(pos + 1) == '_') {
          pos++; // \right|_{m = n}: the condition a formula is evaluated at
          return " at ";
        }
        if (pos < tex.length() && tex.charAt(pos) == '.') pos++;
        return " ";
      case "left", "big", "Big", "bigg", "Bigg":
        if (pos < tex.length() && tex.charAt(pos) == '.') pos++; // \left. opens nothing
        return " ";
      case "quad", "qquad":
        return " ";
      default:
        String word = WORDS.get(name);
        return word != null ? word : " " + name + " "; // Greek letters and other names are said as named
    }
  }
}
