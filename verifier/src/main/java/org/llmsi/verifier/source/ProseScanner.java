package org.llmsi.verifier.source;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.llmsi.verifier.source.markdown.InlineMath;
import org.llmsi.verifier.source.markdown.ValueRef;

/**
 * Finds the numbers of a page's prose and sorts each into a figure, which must be bound to a
 * verified value, or a citation or name, which is listed. Only text a reader sees as prose counts:
 * code spans, fences, raw HTML and {@code $…$} math are not prose; a number and its unit may be
 * split by a line break, as Markdown joins them.
 *
 * <p>The rule a contributor can predict: every number written with digits is a figure, unless
 * <ul>
 *   <li>it is glued to a letter or follows a letter and a hyphen (H100, FP8, 1F1B, GPT-3, top-2): a name;
 *   <li>it follows a citation word (section, table, figure, equation, appendix, chapter, drill,
 *       page, arXiv, version, …), or continues a list of such numbers ("sections 3.1 and 3.2"): a citation;
 *   <li>it is an arXiv id ({@code 2205.14135}), a volume with its issue ({@code 52(4)}), or a whole
 *       number from 1950 to 2030 that no word follows (a year).
 * </ul>
 * A number word ("one", "two", "half") is a figure when a unit follows it ("one operation per byte").
 */
public final class ProseScanner {
  private static final String SPACE = "[ \\u00a0\\u202f]";
  private static final String NUMBER = "\\d{1,3}(?:,\\d{3})+(?![\\d,])(?:\\.\\d+)?|\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?";
  private static final Pattern DIGITS = Pattern.compile("(?<![\\p{N}.,_^\\\\])(" + NUMBER + ")");
  private static final Pattern WORDS = Pattern.compile(
      "(?i)(?<![\\p{L}\\p{N}-])(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half)(?![\\p{L}\\p{N}-])");
  /** What may follow a number as its unit: %, a ratio, or a word (with a "per …" after it). */
  private static final Pattern UNIT = Pattern.compile(
      "^(?:" + SPACE + "*\\n?" + SPACE + "*(%|×|times(?![\\p{L}\\p{N}]))"
          + "|(?:" + SPACE + "+\\n?|\\n|-)" + SPACE + "*([\\p{L}µ][\\p{L}\\p{N}µ]*(?:/[\\p{L}µ][\\p{L}\\p{N}µ]*)*)"
          + "(?:" + SPACE + "+per" + SPACE + "+((?:[\\p{L}\\p{N}]+-)?[\\p{L}]+)(?![\\p{L}\\p{N}-]))?)");
  /** Words before a number that make it a citation. */
  private static final Pattern CITATION_WORD = Pattern.compile(
      "(?i)(?:^|[^\\p{L}])(sections?|sec\\.|§|tables?|figures?|figs?\\.|equations?|eqs?\\.|appendix|appendices|chapters?|"
          + "drills?|pages?|pp?\\.|arxiv:?|versions?|algorithms?|lines?|listings?|theorems?|lemmas?|steps?|issues?|"
          + "rules?|part|item|no\\.|vol\\.|volume)" + SPACE + "*\\(?$");
  /** Between two cited numbers: "3.1 and 3.2", "1–3", "2, 4". */
  private static final Pattern CITATION_JOIN = Pattern.compile("^(?:" + SPACE + "*(?:,|and|or|&|–|-|to)" + SPACE + "*|" + SPACE + "*\\.)$");
  private static final Pattern SUB_OR_SUP = Pattern.compile("<su[bp]>$");
  private static final Pattern SUBSECTION = Pattern.compile("(?:\\.\\d+)+");
  private static final Pattern ARXIV = Pattern.compile("\\d{4}\\.\\d{4,5}(?:v\\d+)?");

  /** Words after a number that are not what it counts ("16 and", "4 of"): left out of messages. */
  private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("and", "or", "the", "of", "to", "in",
      "on", "at", "for", "with", "is", "are", "a", "an", "from", "by", "as", "than", "that", "which", "per", "if",
      "it", "its", "was", "were", "be", "so", "but", "not");

  /** Words that scale the number before them: "16.8 million" is 1.68e7. */
  public static final Map<String, Double> SCALES = Map.of("thousand", 1e3, "million", 1e6, "billion", 1e9,
      "trillion", 1e12);

  /** Prose unit words as the unit language spells them. */
  private static final Map<String, String> WORD_UNITS = new HashMap<>();

  static {
    String[][] pairs = {
      {"byte", "B"}, {"bytes", "B"}, {"bit", "bit"}, {"bits", "bit"}, {"operation", "FLOP"}, {"operations", "FLOP"},
      {"second", "s"}, {"seconds", "s"}, {"millisecond", "ms"}, {"milliseconds", "ms"}, {"microsecond", "us"},
      {"microseconds", "us"}, {"hour", "h"}, {"hours", "h"}, {"days", "day"}, {"minute", "min"}, {"minutes", "min"},
      {"dollar", "USD"}, {"dollars", "USD"}, {"percent", "%"},
    };
    for (String[] p : pairs) WORD_UNITS.put(p[0], p[1]);
  }

  /** "per byte" reads as "/B", "per GPU-hour" as "/h". */
  private static final Map<String, String> PER = Map.of(
      "byte", "B", "second", "s", "hour", "h", "token", "token", "GPU", "GPU", "request", "req", "step", "step",
      "element", "1", "parameter", "param", "operation", "FLOP");

  private static final Map<String, Double> WORD_VALUES = Map.ofEntries(
      Map.entry("one", 1.0), Map.entry("two", 2.0), Map.entry("three", 3.0), Map.entry("four", 4.0),
      Map.entry("five", 5.0), Map.entry("six", 6.0), Map.entry("seven", 7.0), Map.entry("eight", 8.0),
      Map.entry("nine", 9.0), Map.entry("ten", 10.0), Map.entry("eleven", 11.0), Map.entry("twelve", 12.0),
      Map.entry("half", 0.5));

  /** What a page's prose holds. */
  public record Scan(List<ProseFigure> figures, List<ProseNote> notes, List<MathSpan> math, List<StrayRef> strayRefs) {}

  /** A {@code {name}} that follows no figure, or {@code {notation}} after something that is not math. */
  public record StrayRef(ValueRef ref, int offset) {}

  private ProseScanner() {}

  /**
   * Scans a parsed page.
   *
   * @param unitOf turns a unit word into the unit language's spelling, or null when the word is no
   *     unit (then the number is a count)
   */
  static Scan scan(Node document, String text, java.util.function.Function<String, String> unitOf) {
    boolean[] prose = new boolean[text.length()];
    TreeMap<Integer, ValueRef> refs = new TreeMap<>();
    List<InlineMath> maths = new ArrayList<>();
    mark(document, prose, refs, maths);

    List<ProseFigure> figures = new ArrayList<>();
    List<ProseNote> notes = new ArrayList<>();
    java.util.Set<Integer> usedRefs = new java.util.HashSet<>();
    int lastCitationEnd = -1;
    Matcher m = DIGITS.matcher(text);
    while (m.find()) {
      int start = m.start(1);
      int end = m.end(1);
      if (!allProse(prose, text, start, end)) continue;
      String number = m.group(1);
      // The words before it, across a line break: "section\n3.1" is still a citation.
      String before = text.substring(Math.max(0, start - 40), start).replace('\n', ' ');
      char prev = start > 0 ? text.charAt(start - 1) : ' ';
      char next = end < text.length() ? text.charAt(end) : ' ';
      String reason = null;
      if (Character.isLetter(prev) || (prev == '-' && start > 1 && Character.isLetter(text.charAt(start - 2)))) {
        reason = "name";
      } else if (Character.isLetter(next) && !refs.containsKey(end)) {
        reason = "name";
      } else if (prev == '>' && next == '<' && SUB_OR_SUP.matcher(text.substring(Math.max(0, start - 5), start)).find()) {
        reason = "subscript or superscript"; // H<sub>2</sub>O, x<sup>2</sup>: markup, not a quantity
      } else if ((next == ':' && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1)))
          || (prev == ':' && start > 1 && Character.isDigit(text.charAt(start - 2)))) {
        reason = "name"; // "2:4 sparsity" names a pattern
      } else if (next == '.' && headingStart(text, start)) {
        reason = "heading number"; // "### 1. Weights": the heading's place in a list
      } else if (ARXIV.matcher(number).matches()) {
        reason = "arXiv id";
      } else if (CITATION_WORD.matcher(before).find()) {
        reason = "citation";
      } else if (lastCitationEnd >= 0 && lastCitationEnd <= start
          && CITATION_JOIN.matcher(text.substring(lastCitationEnd, start)).matches()) {
        reason = "citation";
      } else if (next == '(' || (prev == '(' && start > 1 && Character.isDigit(text.charAt(start - 2)))) {
        reason = "volume and issue";
      } else if (isYear(number, text, end)) {
        reason = "year";
      }
      if (reason != null) {
        // A name glued to its number runs on ("1F1B", "70B"): list the whole token.
        int tokenEnd = end;
        while (tokenEnd < text.length() && (Character.isLetterOrDigit(text.charAt(tokenEnd)) || text.charAt(tokenEnd) == '.')
            && !(text.charAt(tokenEnd) == '.' && (tokenEnd + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(tokenEnd + 1))))) {
          tokenEnd++;
        }
        int tokenStart = start;
        while (tokenStart > 0 && (Character.isLetterOrDigit(text.charAt(tokenStart - 1)) || text.charAt(tokenStart - 1) == '-')) tokenStart--;
        String shown = reason.equals("name") ? text.substring(tokenStart, tokenEnd) : number;
        notes.add(new ProseNote(shown, start, reason));
        if (!reason.equals("name")) {
          // "4.2.2" cites a subsection: its further ".2" belongs to the citation.
          int citedEnd = end;
          Matcher more = SUBSECTION.matcher(text).region(end, text.length());
          if (more.lookingAt()) citedEnd = more.end();
          lastCitationEnd = citedEnd;
        }
        continue;
      }
      double magnitude;
      try {
        magnitude = Double.parseDouble(number.replace(",", ""));
      } catch (NumberFormatException e) {
        continue;
      }
      if (prev == '$') { // a price, "$2": in US dollars, and the name follows the number
        ValueRef ref = refs.get(end);
        if (ref != null && !ref.isNotation()) usedRefs.add(end);
        figures.add(new ProseFigure(number, magnitude, "USD", "", start, end - start,
            ref == null || ref.isNotation() ? null : ref.name()));
        continue;
      }
      figures.add(figure(number, magnitude, text, start, end, refs, unitOf, usedRefs, true));
    }
    Matcher w = WORDS.matcher(text);
    while (w.find()) {
      if (!allProse(prose, text, w.start(), w.end())) continue;
      ProseFigure f = figure(w.group(1), WORD_VALUES.get(w.group(1).toLowerCase(Locale.ROOT)), text, w.start(), w.end(),
          refs, unitOf, usedRefs, false);
      if (f != null && !f.unit().isEmpty() && !f.unit().equals("×")) figures.add(f);
    }
    figures.removeIf(java.util.Objects::isNull);
    figures.sort(java.util.Comparator.comparingInt(ProseFigure::offset));
    figures = rangesShareTheirUnit(figures, text, refs);

    List<MathSpan> math = new ArrayList<>();
    for (InlineMath node : maths) {
      int end = node.getEndOffset();
      ValueRef after = refs.get(end);
      boolean notation = after != null && after.isNotation();
      if (notation) usedRefs.add(end);
      math.add(new MathSpan(node, node.getStartOffset(), notation));
    }
    List<StrayRef> stray = new ArrayList<>();
    refs.forEach((at, ref) -> {
      if (!usedRefs.contains(at)) stray.add(new StrayRef(ref, at));
    });
    return new Scan(figures, notes, math, stray);
  }

  /** The figure starting at {@code start}, with its unit and the {@code {name}} after it, if any. */
  private static ProseFigure figure(String number, double magnitude, String text, int start, int end,
      TreeMap<Integer, ValueRef> refs, java.util.function.Function<String, String> unitOf, java.util.Set<Integer> usedRefs,
      boolean digits) {
    String unit = "";
    String word = "";
    int figureEnd = end;
    ValueRef ref = refs.get(end);
    if (ref == null) {
      Matcher u = UNIT.matcher(text).region(end, text.length());
      boolean matched = u.lookingAt();
      if (matched) {
        if (u.group(1) != null) {
          unit = u.group(1).equals("%") ? "%" : "×";
          figureEnd = u.end();
        } else {
          String spelled = spell(u.group(2), unitOf);
          String per = u.group(3) == null ? null : PER.get(u.group(3).replaceFirst("^.*-hour$", "hour").replaceFirst("s$", ""));
          if (spelled != null && u.group(3) != null && per != null) {
            unit = per.equals("1") ? spelled : spelled + "/" + per;
            figureEnd = u.end();
          } else if (spelled != null) {
            unit = spelled;
            figureEnd = u.end(2);
          } else if (spelled == null && per != null && unitOf.apply(u.group(2) + "/" + per) != null) {
            unit = u.group(2) + "/" + per; // a count per unit: "935 tokens per second" is token/s
            figureEnd = u.end();
          } else if (spelled == null && u.group(3) != null) {
            word = u.group(2) + " per " + u.group(3); // a count per count: "20 tokens per parameter"
            figureEnd = u.end();
          } else if (!FUNCTION_WORDS.contains(u.group(2).toLowerCase(Locale.ROOT))) {
            word = u.group(2);
          }
        }
      }
      ref = refs.get(figureEnd);
      if (ref == null && matched && u.group(2) != null && u.group(3) == null && unit.isEmpty()) {
        // A count's name may follow its noun too: "0.006 nats{gap}", "860 nodes{n}".
        ref = refs.get(u.end(2));
        if (ref != null) figureEnd = u.end(2);
      }
    }
    if (!digits && unit.isEmpty()) return null;
    boolean scientific = number.matches(".*\\d[eE][+-]?\\d+");
    if (scientific && unit.isEmpty()) word = "";
    if (ref != null && !ref.isNotation()) usedRefs.add(ref.getStartOffset());
    return new ProseFigure(number, magnitude, unit, word, start, figureEnd - start,
        ref == null || ref.isNotation() ? null : ref.name());
  }

  /** A unit word as the unit language spells it, or null when it is not a unit. */
  private static String spell(String word, java.util.function.Function<String, String> unitOf) {
    if (SCALES.containsKey(word)) return word;
    String mapped = WORD_UNITS.get(word);
    if (mapped != null) return mapped;
    String[] parts = word.split("/");
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      String p = WORD_UNITS.getOrDefault(part, part);
      if (out.length() > 0) out.append('/');
      out.append(p);
    }
    return unitOf.apply(out.toString());
  }

  /** In "38–43 %", the first number is a percentage too: a range's ends share the unit printed last. */
  private static List<ProseFigure> rangesShareTheirUnit(List<ProseFigure> figures, String text, TreeMap<Integer, ValueRef> refs) {
    List<ProseFigure> out = new ArrayList<>(figures);
    for (int i = out.size() - 2; i >= 0; i--) {
      ProseFigure a = out.get(i);
      ProseFigure b = out.get(i + 1);
      if (!a.unit().isEmpty() || !a.word().isEmpty() || b.unit().isEmpty() || b.unit().equals("×")) continue;
      int from = a.offset() + a.length();
      ValueRef ref = refs.get(from);
      if (ref != null) from = ref.getEndOffset();
      if (from > b.offset()) continue;
      String between = text.substring(from, b.offset());
      if (between.matches(SPACE + "*(?:–|-|to|and)" + SPACE + "*")) {
        out.set(i, new ProseFigure(a.number(), a.magnitude(), b.unit(), "", a.offset(), a.length(), a.ref()));
      }
    }
    return out;
  }

  private static boolean isYear(String number, String text, int end) {
    if (!number.matches("\\d{4}")) return false;
    int n = Integer.parseInt(number);
    if (n < 1950 || n > 2030) return false;
    int i = end;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u00a0')) i++;
    return i >= text.length() || !(Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '%'
        || text.charAt(i) == '×' || text.charAt(i) == '{');
  }

  /** Whether only a heading's hashes stand before {@code offset} on its line. */
  private static boolean headingStart(String text, int offset) {
    return text.substring(lineStart(text, offset), offset).matches("#{1,6} +");
  }

  private static int lineStart(String text, int offset) {
    int i = text.lastIndexOf('\n', offset - 1);
    return i < 0 ? 0 : i + 1;
  }

  private static void mark(Node node, boolean[] prose, TreeMap<Integer, ValueRef> refs, List<InlineMath> maths) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Code || child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock) continue;
      if (child instanceof InlineMath math) {
        maths.add(math);
      } else if (child instanceof ValueRef ref) {
        refs.put(ref.getStartOffset(), ref);
      } else if (child instanceof Text t) {
        int end = Math.min(t.getEndOffset(), prose.length);
        for (int i = t.getStartOffset(); i < end; i++) prose[i] = true;
      } else {
        mark(child, prose, refs, maths);
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
