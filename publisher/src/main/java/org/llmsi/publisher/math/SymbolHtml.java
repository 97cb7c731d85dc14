package org.llmsi.publisher.math;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simple inline math set as HTML text instead of an image: a symbol such as {@code P_{\text{att}}}
 * or {@code n_{kv}}, or a product such as {@code 6ND}, becomes {@code <var>P</var><sub>att</sub>},
 * as a textbook sets it (italic letters, upright text and digits, upright capital Greek). Three in
 * four pieces of the guide's inline math are such symbols; as text they take a tenth of an image's
 * markup (the image, its size, its words and its text layer), need no file, take the theme's
 * colour, and are read, found and copied as text. Anything else is typeset by JLaTeXMath.
 */
final class SymbolHtml {
  private static final Map<String, String> GREEK = Map.ofEntries(
      Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
      Map.entry("epsilon", "ϵ"), Map.entry("eta", "η"), Map.entry("theta", "θ"), Map.entry("lambda", "λ"),
      Map.entry("mu", "μ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"), Map.entry("sigma", "σ"),
      Map.entry("tau", "τ"), Map.entry("phi", "ϕ"), Map.entry("omega", "ω"),
      Map.entry("Gamma", "Γ"), Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"), Map.entry("Lambda", "Λ"),
      Map.entry("Pi", "Π"), Map.entry("Sigma", "Σ"), Map.entry("Phi", "Φ"), Map.entry("Omega", "Ω"));

  /**
   * One factor: digits, a Latin letter, a Greek letter or upright text, then at most one script (a
   * subscript or a superscript; both at once stack in TeX, which HTML text cannot show).
   */
  private static final Pattern FACTOR = Pattern.compile(
      "\\s*(?:(\\d+)|([A-Za-z])|\\\\text\\{([A-Za-z]+)\\}|\\\\([A-Za-z]+)(?![A-Za-z]))('?)(?:([_^])(?:\\{([^{}]*(?:\\{[^{}]*\\})?)\\}|([A-Za-z0-9])|(\\\\star)))?");
  /** A script's content: upright text, italic letters, digits, an upright operator name or a star. */
  private static final Pattern SCRIPT = Pattern.compile(
      "\\\\text\\{([A-Za-z0-9,/:-]+)\\}|([A-Za-z]+)|(\\d+)|\\\\(max|min)|\\\\star");

  private SymbolHtml() {}

  /** The HTML for this TeX, or empty when it is more than a product of simple symbols. */
  static Optional<String> of(String tex) {
    StringBuilder html = new StringBuilder();
    String rest = tex.strip();
    Matcher m = FACTOR.matcher(rest);
    int at = 0;
    while (at < rest.length()) {
      if (!m.region(at, rest.length()).lookingAt()) return Optional.empty();
      if (m.group(1) != null) html.append(m.group(1));
      else if (m.group(2) != null) html.append("<var>").append(m.group(2)).append("</var>");
      else if (m.group(3) != null) html.append(m.group(3));
      else {
        String greek = GREEK.get(m.group(4));
        if (greek == null) return Optional.empty(); // a command other than a Greek letter
        // TeX sets lower-case Greek italic, like any variable, and capitals upright.
        html.append(Character.isLowerCase(greek.charAt(0)) ? "<var>" + greek + "</var>" : greek);
      }
      if (!m.group(5).isEmpty()) html.append('′');
      if (m.group(6) != null) {
        String content = m.group(7) != null ? m.group(7) : m.group(8) != null ? m.group(8) : m.group(9);
        Optional<String> script = script(content);
        if (script.isEmpty()) return Optional.empty();
        String tag = m.group(6).equals("_") ? "sub" : "sup";
        html.append('<').append(tag).append('>').append(script.get()).append("</").append(tag).append('>');
      }
      at = m.end();
    }
    return html.isEmpty() ? Optional.empty() : Optional.of(html.toString());
  }

  private static Optional<String> script(String content) {
    Matcher m = SCRIPT.matcher(content.strip());
    if (!m.matches()) return Optional.empty();
    if (m.group(1) != null) return Optional.of(m.group(1));
    if (m.group(2) != null) return Optional.of("<var>" + m.group(2) + "</var>");
    if (m.group(3) != null) return Optional.of(m.group(3));
    if (m.group(4) != null) return Optional.of(m.group(4));
    return Optional.of("⋆");
  }
}
