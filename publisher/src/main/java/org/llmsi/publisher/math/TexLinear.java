package org.llmsi.publisher.math;

import java.util.Map;

/**
 * The guide's TeX as one line of plain text, the way a reader types math: {@code C = 6ND FLOP},
 * {@code t = C/(n_gpu P_peak MFU)}. It is the text layer laid over each math image (site and PDF),
 * so a formula can be found with the browser's or the PDF viewer's search, and copied.
 *
 * <p>Symbols side by side are juxtaposed as they are drawn ({@code 6ND}); a symbol with a subscript
 * or an upright word is set off by a space. A number's unit ({@code 6\,\mathrm{FLOP}}, as the
 * formula language's {@code TexWriter} writes one) is moved to the end of its term, since a unit
 * commutes: {@code 6 FLOP·N·D} reads {@code 6ND FLOP}, and the {@code 6ND} a reader searches for
 * is found. It covers the TeX the writer and the chapters use, like {@link TexSpeech}.
 */
public final class TexLinear {
  private static final Map<String, String> SYMBOLS = Map.ofEntries(
      Map.entry("div", "÷"), Map.entry("pm", "±"),
      Map.entry("infty", "∞"), Map.entry("top", "T"), Map.entry("prime", "′"), Map.entry("ldots", "…"),
      Map.entry("dots", "…"), Map.entry("lceil", "⌈"), Map.entry("rceil", "⌉"), Map.entry("lfloor", "⌊"),
      Map.entry("rfloor", "⌋"), Map.entry("mu", "µ"), Map.entry("backslash", "\\"),
      Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
      Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("eta", "η"), Map.entry("theta", "θ"),
      Map.entry("lambda", "λ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"), Map.entry("sigma", "σ"),
      Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("chi", "χ"), Map.entry("psi", "ψ"),
      Map.entry("omega", "ω"), Map.entry("kappa", "κ"), Map.entry("nu", "ν"), Map.entry("xi", "ξ"),
      Map.entry("zeta", "ζ"), Map.entry("Gamma", "Γ"), Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"),
      Map.entry("Lambda", "Λ"), Map.entry("Pi", "Π"), Map.entry("Sigma", "Σ"), Map.entry("Phi", "Φ"),
      Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"));
  /** Relations: they end a term, and are set with a space on each side. */
  private static final Map<String, String> RELATIONS = Map.ofEntries(
      Map.entry("approx", "≈"), Map.entry("le", "≤"), Map.entry("leq", "≤"), Map.entry("ge", "≥"),
      Map.entry("geq", "≥"), Map.entry("ne", "≠"), Map.entry("neq", "≠"), Map.entry("propto", "∝"),
      Map.entry("sim", "~"), Map.entry("to", "→"), Map.entry("rightarrow", "→"), Map.entry("ll", "≪"),
      Map.entry("gg", "≫"), Map.entry("mid", "|"));
  /** Upright names said as words. */
  private static final java.util.Set<String> NAMES = java.util.Set.of("min", "max", "log", "exp");

  private final String tex;
  private int pos;

  private TexLinear(String tex) {
    this.tex = tex;
  }

  /** The linear form of {@code tex}. */
  public static String of(String tex) {
    return new TexLinear(tex).sequence('\0').text().replaceAll("\\s+", " ").strip();
  }

  /** Text being built, and how its last piece joins what follows. */
  private static final class Out {
    private final StringBuilder text = new StringBuilder();
    /** The last piece was a word, or carried a sub- or superscript: a following symbol needs a space. */
    private boolean setOff;
    /** Where the last symbol starts if it was juxtaposed to the one before: a script on it sets it off. */
    private int juxtaposedAt = -1;
    /** Units of the numbers of the current term, written when the term ends. */
    private final StringBuilder units = new StringBuilder();

    /** A symbol, digit or group, juxtaposed unless the piece before it is set off. */
    void atom(String s, boolean word) {
      if (s.isBlank()) return;
      char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
      boolean alnumBefore = Character.isLetterOrDigit(last) || last == ')' || last == '′';
      boolean alnum = Character.isLetterOrDigit(s.codePointAt(0));
      if ((setOff || word) && alnumBefore && alnum) text.append(' ');
      juxtaposedAt = Character.isLetter(last) && Character.isLetter(s.codePointAt(0)) ? text.length() : -1;
      text.append(s);
      setOff = word;
    }

    /** A sign between terms: the pending units go before it. */
    void operator(String s) {
      endTerm();
      text.append(s);
      setOff = false;
    }

    void endTerm() {
      if (!units.isEmpty()) text.append(' ').append(units.toString().strip());
      units.setLength(0);
    }

    String text() {
      endTerm();
      return text.toString();
    }
  }

  /** Reads until {@code end} (or the end of the text) at this nesting level. */
  private Out sequence(char end) {
    Out out = new Out();
    while (pos < tex.length()) {
      char c = tex.charAt(pos);
      if (c == end) {
        pos++;
        return out;
      }
      pos++;
      switch (c) {
        case '{' -> out.atom(sequence('}').text(), false);
        case '\\' -> command(out);
        case '_', '^' -> {
          if (c == '_' && out.juxtaposedAt >= 0) out.text.insert(out.juxtaposedAt, ' '); // 6N R_tok, not 6NR_tok
          out.juxtaposedAt = -1;
          out.text.append(c).append(wrap(argument()));
          out.setOff = true;
        }
        case '=', '<', '>' -> out.operator(" " + c + " ");
        case '+' -> out.operator(" + ");
        case '-' -> {
          String before = out.text.toString().strip();
          boolean unary = before.isEmpty() || "(=<>+-,≈≤≥×·/".indexOf(before.charAt(before.length() - 1)) >= 0;
          out.operator(unary ? "-" : " - ");
        }
        case ',' -> out.operator(", ");
        case '/', '(', ')', '|' -> {
          out.text.append(c);
          out.setOff = false;
        }
        case ' ', '&', '~' -> {}
        default -> out.atom(String.valueOf(c), false);
      }
    }
    return out;
  }

  /** A group, a command or one character: what a script, fraction or root applies to. */
  private String argument() {
    while (pos < tex.length() && tex.charAt(pos) == ' ') pos++;
    if (pos >= tex.length()) return "";
    char c = tex.charAt(pos++);
    if (c == '{') return sequence('}').text().strip();
    if (c == '\\') {
      Out one = new Out();
      command(one);
      return one.text().strip();
    }
    return String.valueOf(c);
  }

  /** A script, numerator, denominator or radicand of more than one symbol is bracketed. */
  private static String wrap(String s) {
    return s.matches("[\\p{L}\\p{N}.′]+([_^][\\p{L}\\p{N}.]+)*") || s.startsWith("(") && s.endsWith(")") && s.indexOf(')') == s.length() - 1 ? s : "(" + s + ")";
  }

  private void command(Out out) {
    int start = pos;
    while (pos < tex.length() && Character.isLetter(tex.charAt(pos))) pos++;
    String name = tex.substring(start, pos);
    if (name.isEmpty()) { // \, \; \! \{ \% …: spacing or an escaped character
      char c = pos < tex.length() ? tex.charAt(pos++) : ' ';
      if (c == ',' && unitFollows(out)) {
        pos += "\\mathrm".length();
        out.units.append(' ').append(argument());
      } else if ("{}%$_#&".indexOf(c) >= 0) {
        out.atom(String.valueOf(c), false);
      }
      return;
    }
    switch (name) {
      case "frac" -> {
        String numerator = wrap(argument());
        out.atom(numerator + "/" + wrap(argument()), false);
      }
      case "sqrt" -> {
        String radicand = argument();
        out.atom("√" + (radicand.length() == 1 ? radicand : "(" + radicand + ")"), false);
      }
      case "text", "mathrm", "operatorname", "mathit", "mathbf", "textrm", "mathsf" -> {
        String word = textArgument();
        out.atom(word, word.length() > 1);
      }
      case "left", "right", "big", "Big", "bigg", "Bigg" -> {
        if (name.equals("right")) out.endTerm();
        if (pos < tex.length() && tex.charAt(pos) == '.') pos++; // \left. opens nothing
      }
      case "quad", "qquad" -> out.text.append(' ');
      default -> {
        String relation = RELATIONS.get(name);
        if (relation != null) {
          out.operator(" " + relation + " ");
        } else if (name.equals("cdot") || name.equals("times")) { // a product: the term goes on
          out.text.append(name.equals("cdot") ? " · " : " × ");
          out.setOff = false;
        } else if (NAMES.contains(name)) {
          out.atom(name, true);
          out.setOff = false; // min(…): the bracket follows directly
        } else {
          String symbol = SYMBOLS.get(name);
          out.atom(symbol != null ? symbol : name, symbol == null);
        }
      }
    }
  }

  /** Whether a thin space after a number is followed by its unit: {@code 6\,\mathrm{FLOP}}. */
  private boolean unitFollows(Out out) {
    return !out.text.isEmpty() && Character.isDigit(out.text.charAt(out.text.length() - 1)) && !out.setOff
        && tex.startsWith("\\mathrm{", pos);
  }

  /** The argument of {@code \text{…}} as written, spaces and escaped characters kept. */
  private String textArgument() {
    while (pos < tex.length() && tex.charAt(pos) == ' ') pos++;
    if (pos >= tex.length() || tex.charAt(pos) != '{') return argument();
    pos++;
    StringBuilder word = new StringBuilder();
    int depth = 0;
    while (pos < tex.length()) {
      char c = tex.charAt(pos++);
      if (c == '}' && depth-- == 0) break;
      if (c == '{') depth++;
      if (c == '\\') {
        int start = pos;
        while (pos < tex.length() && Character.isLetter(tex.charAt(pos))) pos++;
        String name = tex.substring(start, pos);
        if (name.isEmpty() && pos < tex.length()) word.append(tex.charAt(pos++) == ',' ? "" : tex.charAt(pos - 1));
        else word.append(SYMBOLS.getOrDefault(name.strip(), name));
        while (!name.isEmpty() && pos < tex.length() && tex.charAt(pos) == ' ') pos++; // \mu s is µs
      } else if (c != '{' && c != '}') {
        word.append(c);
      }
    }
    return word.toString().strip();
  }
}
