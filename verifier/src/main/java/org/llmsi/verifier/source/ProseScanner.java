package org.llmsi.verifier.source;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers-with-units of a page's prose. Only text a reader sees as prose counts: code
 * spans, fences, HTML and {@code $…$} math are skipped, and the number and its unit may be split by
 * a line break, as Markdown joins them.
 */
final class ProseScanner {
  /**
   * A number not glued to a word, a dot, a slash or a hyphen (so "GPT-3", "v5e", "3.1" inside names
   * and "8/3" are not figures), then whitespace and a word starting with a letter, a percent sign,
   * or a ratio ("8×", "3.4 times").
   * Whether that word is a unit is decided later by the unit parser.
   */
  private static final Pattern QUANTITY = Pattern.compile(
      "(?<![\\p{L}\\p{N}.,/_^{}\\\\-])(\\d{1,3}(?:,\\d{3})+(?![\\d,])(?:\\.\\d+)?|\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)"
          + "(?:[ \\u00a0\\u202f]*\\n?[ \\u00a0\\u202f]*(%|×|times(?![\\p{L}\\p{N}]))|(?:[ \\u00a0\\u202f]+\\n?|\\n)[ \\u00a0\\u202f]*"
          + "([\\p{L}µ][\\p{L}\\p{N}µ]*(?:/[\\p{L}µ][\\p{L}\\p{N}µ]*)*)"
          + "(?:[ \\u00a0]+per[ \\u00a0]+((?:[\\p{L}\\p{N}]+-)?hour|byte|second|token|GPU|request)(?![\\p{L}\\p{N}-]))?)");

  /** A bare number in scientific notation, such as 8.93e12: only a computation prints one. */
  private static final Pattern SCIENTIFIC = Pattern.compile(
      "(?<![\\p{L}\\p{N}.,/_^{}\\\\-])(\\d+(?:\\.\\d+)?[eE][+-]?\\d+)(?![\\p{L}\\p{N}]|\\.\\d)");

  /** "per byte" reads as "/B", "per GPU-hour" as "/h": how prose spells a rate or an intensity. */
  private static final java.util.Map<String, String> PER = java.util.Map.of(
      "byte", "B", "second", "s", "hour", "h", "token", "token", "GPU", "GPU", "request", "req");

  private ProseScanner() {}

  static List<ProseNumber> scan(Node document, String text) {
    boolean[] prose = new boolean[text.length()];
    mark(document, text, prose);
    List<ProseNumber> out = new ArrayList<>();
    Matcher m = QUANTITY.matcher(text);
    while (m.find()) {
      if (!allProse(prose, text, m.start(), m.end())) continue;
      String unit = m.group(2) != null ? (m.group(2).equals("%") ? "%" : "×")
          : m.group(4) != null ? m.group(3) + "/" + PER.get(m.group(4).replaceFirst(".*-hour$", "hour")) : m.group(3);
      out.add(new ProseNumber(m.group(1), unit, m.start(), m.end() - m.start()));
    }
    Matcher sci = SCIENTIFIC.matcher(text);
    while (sci.find()) {
      if (!allProse(prose, text, sci.start(), sci.end())) continue;
      int at = sci.start();
      if (out.stream().anyMatch(n -> n.offset() <= at && at < n.offset() + n.length())) continue;
      out.add(new ProseNumber(sci.group(1), "", sci.start(), sci.end() - sci.start()));
    }
    out.sort(java.util.Comparator.comparingInt(ProseNumber::offset));
    return out;
  }

  private static void mark(Node node, String text, boolean[] prose) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Code || child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock) continue;
      if (child instanceof Text t) {
        int start = t.getStartOffset();
        int end = Math.min(t.getEndOffset(), prose.length);
        for (int i = start; i < end; i++) prose[i] = true;
      } else {
        mark(child, text, prose);
      }
    }
    if (node.getParent() == null) unmarkMath(text, prose);
  }

  /** {@code $…$} spans on one paragraph are math, typeset from TeX, not prose figures. */
  private static void unmarkMath(String text, boolean[] prose) {
    int open = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') open = -1;
      if (c != '$' || !prose[i] || (i > 0 && text.charAt(i - 1) == '\\')) continue;
      if (open < 0) {
        open = i;
      } else {
        for (int j = open; j <= i; j++) prose[j] = false;
        open = -1;
      }
    }
  }

  private static boolean allProse(boolean[] prose, String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!prose[i] && !Character.isWhitespace(text.charAt(i))) return false;
    }
    return true;
  }
}
