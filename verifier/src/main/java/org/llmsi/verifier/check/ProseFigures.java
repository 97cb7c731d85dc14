package org.llmsi.verifier.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.llmsi.verifier.check.ExampleChecker.PageValue;
import org.llmsi.verifier.data.DataSets;
import org.llmsi.verifier.data.DataSets.Entity;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.data.Glossary;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.report.Location;
import org.llmsi.verifier.source.Page;
import org.llmsi.verifier.source.ProseFigure;
import org.llmsi.verifier.source.ProseNote;
import org.llmsi.verifier.units.Unit;
import org.llmsi.verifier.units.UnitParser;

/**
 * Every figure in prose names the verified value it states, and must read as that value to the
 * digits printed: {@code 29.4 MiB{h100_smem}}. A figure is never accepted because some other value
 * on the page happens to round the same way.
 *
 * <p>A name resolves, at the figure's place on the page, as a notebook reads: the step of that name
 * in the nearest example above the figure (or, for a figure that announces a result, the first
 * example below it), {@code alias.field} through an alias bound there, {@code set.key.field} of a
 * data file, or a glossary constant.
 */
final class ProseFigures {
  /** A value a figure may name, for resolving and for listing candidates. */
  record Candidate(String name, Quantity quantity, String origin) {}

  private final Glossary glossary;
  private final DataSets data;
  private final ExampleChecker examples;
  /** Each figure's resolved value, for the data entries prose reads. */
  private final List<DataValue> dataRead = new ArrayList<>();
  /** Numbers that are parts of names in the data files' {@code name} fields ("Llama 3"). */
  private final java.util.Set<String> namedNumbers = new java.util.HashSet<>();

  ProseFigures(Glossary glossary, DataSets data, ExampleChecker examples) {
    this.glossary = glossary;
    this.data = data;
    this.examples = examples;
    for (Map<String, Entity> set : data.sets().values()) {
      for (Entity e : set.values()) {
        String[] words = e.name().split("[\\s/(),]+");
        for (int i = 1; i < words.length; i++) {
          if (words[i].matches("\\d+(?:\\.\\d+)?")) namedNumbers.add(words[i - 1] + " " + words[i]);
        }
      }
    }
  }

  /** Data figures some prose figure named. */
  List<DataValue> dataRead() {
    return dataRead;
  }

  /**
   * Checks the page's figures; returns the numbers it treated as citations or names, for the report.
   */
  List<ProseNote> check(Page page, Diagnostics errors) {
    List<PageValue> values = examples.pageValues(page.file().shownPath());
    List<ProseNote> notes = new ArrayList<>(page.prose().notes());
    String text = page.file().text();
    for (ProseFigure f : page.figures()) {
      Location at = page.file().location(f.offset(), f.length());
      Unit unit = unitOf(f);
      if (f.ref() == null) {
        int wordEnd = f.offset();
        while (wordEnd > 0 && Character.isWhitespace(text.charAt(wordEnd - 1))) wordEnd--;
        int wordStart = wordEnd;
        while (wordStart > 0 && (Character.isLetterOrDigit(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '-')) wordStart--;
        String before = text.substring(wordStart, wordEnd);
        if (f.unit().isEmpty() && namedNumbers.contains(before + " " + f.number())) {
          notes.add(new ProseNote(before + " " + f.number(), f.offset(), "name"));
          continue;
        }
        unbound(page, f, unit, values, at, errors);
        continue;
      }
      Optional<Candidate> resolved = resolve(f.ref(), f.offset(), values);
      if (resolved.isEmpty()) {
        List<String> known = new ArrayList<>();
        values.stream().filter(v -> v.quantity() != null).forEach(v -> known.add(v.name()));
        glossary.symbols().stream().filter(SymbolDef::isConstant).forEach(s -> known.add(s.name()));
        data.sets().values().forEach(set -> set.values().forEach(e -> e.fields().values().forEach(v -> known.add(v.key()))));
        String hint = Names.suggest(f.ref(), known);
        errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, refLocation(page, f),
            "'" + f.text() + "{" + f.ref() + "}' names no value: '" + f.ref()
                + "' is neither a step of an example on this page, a data figure (set.key.field) nor a glossary constant",
            hint != null ? hint : "help: name a step of an example on this page"
                + (known.isEmpty() ? "" : ", e.g. {" + known.get(0) + "}")));
        continue;
      }
      Candidate c = resolved.get();
      if (!c.quantity().dimension().equals(unit.dimension())) {
        errors.add(Diagnostic.of(Kind.UNITS, at, "'" + f.text() + "' is " + describe(unit) + " but '" + f.ref()
                + "' is in " + c.quantity().dimension() + " (" + c.origin() + ")",
            "computed: " + ValueFormat.auto(c.quantity())));
        continue;
      }
      Expr.Num printed = printed(f, unit);
      if (!holds(c.quantity().value(), printed, !f.digits())) {
        String computed = ClaimCheck.computedText(c.quantity().value(), printed);
        String unitText = unit.text().isEmpty() ? "" : " " + unit.text();
        String finer = ClaimCheck.shownText(c.quantity().value(), printed) + unitText;
        errors.add(fixed(new Diagnostic(Kind.CLAIM, at, "figure " + f.text() + " does not match '" + f.ref() + "' = "
            + finer,
            List.of("stated:   " + f.text() + (f.digits() ? accepts(printed) : " (a number word states an exact value)"),
                "computed: " + finer + " (" + c.origin() + ")")),
            text, f, f.digits() ? computed + text.substring(f.offset() + f.number().length(), f.offset() + f.length()) : null));
      }
    }
    for (var stray : page.prose().strayRefs()) {
      Location at = page.file().location(stray.offset(), stray.ref().getTextLength());
      errors.add(stray.ref().isNotation()
          ? Diagnostic.of(Kind.SYNTAX, at, "{notation} follows no inline math",
              "help: write it right after the closing $ of the math it marks, with no space: $S = QK^\\top${notation}")
          : Diagnostic.of(Kind.SYNTAX, at, "{" + stray.ref().name() + "} follows no figure",
              "help: write it right after the number, or after its unit when one is printed: 21.5 GB{M_kv}, 16{n_gpu} GPUs"));
    }
    return notes;
  }

  private void unbound(Page page, ProseFigure f, Unit unit, List<PageValue> values, Location at, Diagnostics errors) {
    Expr.Num printed = printed(f, unit);
    // Values that read as this figure, among those a {name} here would reach.
    Map<String, Candidate> matches = new LinkedHashMap<>();
    for (PageValue v : values) {
      if (v.quantity() == null || matches.containsKey(v.name())) continue;
      Optional<Candidate> c = resolve(v.name(), f.offset(), values);
      if (c.isPresent() && reads(c.get().quantity(), unit, printed, !f.digits())) matches.put(v.name(), c.get());
    }
    for (SymbolDef s : glossary.symbols()) {
      if (!s.isConstant()) continue;
      Quantity q = new Quantity(s.unit().toBase(s.constant()), s.unit().dimension());
      if (reads(q, unit, printed, !f.digits())) matches.put(s.name(), new Candidate(s.name(), q, "glossary constant " + s.name()));
    }
    boolean pageMatch = !matches.isEmpty();
    if (!pageMatch) {
      for (Map<String, Entity> set : data.sets().values()) {
        for (Entity e : set.values()) {
          for (DataValue v : e.fields().values()) {
            Quantity q = new Quantity(v.baseValue(), v.unit().dimension());
            if (reads(q, unit, printed, !f.digits())) matches.put(v.key(), new Candidate(v.key(), q, "data figure " + v.key()));
          }
        }
      }
    }
    List<String> notes = new ArrayList<>();
    if (matches.isEmpty()) {
      notes.add("no value on this page, data figure or glossary constant reads as " + f.text());
      notes.add("help: add an example step that computes it and write its name after the figure: "
          + page.file().text().substring(f.offset(), f.offset() + f.length()).replace('\n', ' ') + "{name}");
    } else {
      matches.values().stream().limit(6).forEach(c -> notes.add("candidate: {" + c.name() + "} = "
          + ClaimCheck.computedText(c.quantity().value(), printed) + (unit.text().isEmpty() ? "" : " " + unit.text())
          + " (" + c.origin() + ")"));
      if (matches.size() > 6) notes.add("… and " + (matches.size() - 6) + " more");
      String written = page.file().text().substring(f.offset(), f.offset() + f.length()).replace('\n', ' ');
      notes.add("help: write the name of the value it states right after it, e.g. " + written + "{"
          + matches.keySet().iterator().next() + "}");
    }
    String message = matches.size() > 1
        ? "figure " + f.text() + " is bound to no value, and " + matches.size() + " values read as it"
        : "figure " + f.text() + " is bound to no value";
    Diagnostic d = new Diagnostic(Kind.UNVERIFIED, at, message, notes);
    if (matches.size() == 1) {
      String text = page.file().text();
      d = fixed(d, text, f, text.substring(f.offset(), f.offset() + f.length()) + "{" + matches.keySet().iterator().next() + "}");
    }
    errors.add(d);
  }

  /** The diagnostic with its mechanical fix: {@code span} replaces the figure (null: no fix). */
  private static Diagnostic fixed(Diagnostic d, String text, ProseFigure f, String span) {
    if (span == null || text.substring(f.offset(), f.offset() + f.length()).contains("\n")) return d;
    int start = lineStartOf(text, f.offset());
    String line = text.substring(start, lineEndOf(text, f.offset()));
    int col = f.offset() - start;
    int end = Math.min(line.length(), col + f.length());
    return d.withFix(line.substring(0, col) + span + line.substring(end), span);
  }

  private static boolean reads(Quantity q, Unit unit, Expr.Num printed, boolean word) {
    return q.dimension().equals(unit.dimension()) && holds(q.value(), printed, word);
  }

  /**
   * Digits match to the precision printed, as a claim does; a number word ("one", "half") states an
   * exact value, so "one operation per byte" does not read as 0.5 rounded up.
   */
  private static boolean holds(double value, Expr.Num printed, boolean word) {
    if (!word) return ClaimCheck.holds(value, printed, null);
    double stated = printed.unit().toBase(printed.magnitude());
    return Math.abs(value - stated) <= 1e-9 * Math.abs(stated);
  }

  /**
   * What {@code name} means at {@code offset}: the nearest binding above, else the first below;
   * {@code alias.field}; {@code set.key.field}; a glossary constant.
   */
  Optional<Candidate> resolve(String name, int offset, List<PageValue> values) {
    String[] parts = name.split("\\.");
    if (parts.length == 1) {
      PageValue v = nearest(parts[0], offset, values);
      if (v != null && v.quantity() != null) return Optional.of(new Candidate(name, v.quantity(), v.origin()));
      if (v != null) return Optional.empty();
      return glossary.symbol(name).filter(SymbolDef::isConstant)
          .map(s -> new Candidate(name, new Quantity(s.unit().toBase(s.constant()), s.unit().dimension()),
              "glossary constant " + name));
    }
    Optional<Entity> entity = Optional.empty();
    String field = null;
    if (parts.length == 2) {
      PageValue alias = nearest(parts[0], offset, values);
      if (alias != null && alias.entity() != null) entity = Optional.of(alias.entity());
      field = parts[1];
    } else if (parts.length == 3 && data.hasSet(parts[0])) {
      entity = data.entity(parts[0], parts[1]);
      field = parts[2];
    }
    if (entity.isEmpty()) return Optional.empty();
    DataValue v = entity.get().fields().get(field);
    if (v == null) return Optional.empty();
    dataRead.add(v);
    return Optional.of(new Candidate(name, new Quantity(v.baseValue(), v.unit().dimension()), "data figure " + v.key()));
  }

  private static PageValue nearest(String name, int offset, List<PageValue> values) {
    PageValue above = null;
    PageValue below = null;
    for (PageValue v : values) {
      if (!v.name().equals(name)) continue;
      if (v.offset() <= offset) {
        above = v;
      } else if (below == null) {
        below = v;
      }
    }
    return above != null ? above : below;
  }

  private static Unit unitOf(ProseFigure f) {
    if (f.unit().isEmpty() || f.unit().equals("×")) return Unit.NONE;
    Double scale = org.llmsi.verifier.source.ProseScanner.SCALES.get(f.unit());
    if (scale != null) return new Unit(f.unit(), scale, org.llmsi.verifier.units.Dimension.NONE, false);
    try {
      return UnitParser.parse(f.unit());
    } catch (UnitParser.UnitException e) {
      return Unit.NONE; // the scanner only keeps words the unit parser read
    }
  }

  private static Expr.Num printed(ProseFigure f, Unit unit) {
    String digits = f.digits() ? f.number().replace(",", "") : plain(f.magnitude());
    String literal = digits + (unit.text().isEmpty() ? "" : " " + unit.text());
    return new Expr.Num(literal, f.magnitude(), unit, 0, 0);
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  private static String describe(Unit unit) {
    return unit.dimension().isNone() ? "a plain number" : "in " + unit.dimension();
  }

  private static String accepts(Expr.Num stated) {
    double half = ClaimCheck.Digits.of(stated).halfStep();
    String unit = stated.unit().text().isEmpty() ? "" : " " + stated.unit().text();
    return " (accepts [" + plainNumber(stated.magnitude() - half) + ", " + plainNumber(stated.magnitude() + half) + ")"
        + unit + ")";
  }

  private static String plainNumber(double v) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.12g", v)).stripTrailingZeros().toPlainString();
  }

  private static Location refLocation(Page page, ProseFigure f) {
    String text = page.file().text();
    int open = text.indexOf('{', f.offset());
    return page.file().location(open < 0 ? f.offset() : open, f.ref().length() + 2);
  }

  private static int lineStartOf(String text, int offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
  }

  private static int lineEndOf(String text, int offset) {
    int end = text.indexOf('\n', offset);
    return end < 0 ? text.length() : end;
  }
}
