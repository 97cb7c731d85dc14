package org.llmsi.verifier.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.llmsi.verifier.data.Glossary;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.lang.FormulaLanguage;
import org.llmsi.verifier.lang.Relation;
import org.llmsi.verifier.lang.SyntaxError;
import org.llmsi.verifier.lang.TexWriter;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.report.Location;
import org.llmsi.verifier.source.MathSpan;
import org.llmsi.verifier.source.Page;
import org.llmsi.verifier.source.markdown.InlineMath;

/**
 * Inline math in prose is one of three things: a lone symbol ({@code $P_{\text{peak}}$}); a
 * relation written in the formula language ({@code $ridge_point() * B_mem = P_peak$}), which is checked
 * like a formula against its reference, over the glossary's domains; or notation marked
 * {@code {notation}} after it, which no check reads and the summary counts. Anything else, such as
 * an expression or a relation in TeX, is an error: a reader would take it as verified.
 */
final class InlineMathCheck {
  /** A letter or a TeX command, with sub- and superscripts that hold no operator. */
  private static final Pattern LONE_SYMBOL = Pattern.compile(
      "(?:\\\\[A-Za-z]+|[A-Za-z])(?:'|\\^\\\\top|\\^T)?"
          + "(?:_(?:\\{(?:\\\\text\\{[^{}]*\\}|\\\\mathrm\\{[^{}]*\\}|[A-Za-z0-9,])*\\}|[A-Za-z0-9]))?"
          + "(?:\\^(?:\\{[A-Za-z\\\\]*\\}|[A-Za-z]|\\\\top|\\\\prime))?");

  private final Glossary glossary;
  private final Map<String, CheckedFormula> formulas;
  private final PropertyCheck property;
  private final PropertyResults results;
  private final TexWriter tex;
  /** The TeX each checked relation is typeset from, by its node. */
  private final Map<InlineMath, String> typeset = new IdentityHashMap<>();
  private int relations;
  private int notation;

  /** @param results outcomes kept from earlier verifications in this process, or null */
  InlineMathCheck(Glossary glossary, Map<String, CheckedFormula> formulas, PropertyCheck property,
      PropertyResults results) {
    this.glossary = glossary;
    this.formulas = formulas;
    this.property = property;
    this.results = results;
    this.tex = new TexWriter(name -> glossary.symbol(name).map(SymbolDef::tex).orElse(null),
        id -> formulas.containsKey(id) ? formulas.get(id).result().tex() : null);
  }

  Map<InlineMath, String> typeset() {
    return typeset;
  }

  int relations() {
    return relations;
  }

  int notation() {
    return notation;
  }

  void check(Page page, Diagnostics errors) {
    for (MathSpan m : page.prose().math()) {
      if (m.notation()) {
        notation++;
        continue;
      }
      String text = m.tex().strip();
      Location at = page.file().location(m.offset(), m.length());
      boolean looksLikeTex = text.contains("\\") || text.contains("{") || text.contains("}");
      if (!looksLikeTex) {
        try {
          Relation r = FormulaLanguage.parseRelation(text);
          if (relation(page, m, r, at, errors)) {
            relations++;
            typeset.put(m.node(), tex.relation(r));
          }
          continue;
        } catch (SyntaxError e) {
          // Not a relation of the formula language: a symbol, or TeX.
        }
      }
      if (LONE_SYMBOL.matcher(text).matches()) continue;
      errors.add(Diagnostic.of(Kind.UNVERIFIED, at,
          "inline math $" + m.tex() + "$ is neither a symbol nor a checked relation",
          "help: write the relation in the formula language, e.g. $ridge_point() * B_mem = P_peak$, so that it is "
              + "property-tested over the glossary's domains",
          "help: or, if no check can read it (a definition, an approximation, a shape), mark it as notation: $"
              + m.tex() + "${notation}"));
    }
  }

  /** Checks one relation; true when it holds everywhere in the domains. */
  private boolean relation(Page page, MathSpan m, Relation r, Location at, Diagnostics errors) {
    // The symbols drawn: every free name, and every formula input a call leaves to its name.
    Map<String, SymbolDef> drawn = new LinkedHashMap<>();
    Map<String, Quantity> fixed = new HashMap<>();
    List<Expr.Name> names = new ArrayList<>(Names.in(r.lhs()));
    names.addAll(Names.in(r.rhs()));
    List<Expr.Call> calls = new ArrayList<>(Names.calls(r.lhs()));
    calls.addAll(Names.calls(r.rhs()));
    for (Expr.Call c : calls) {
      if (FormulaLanguage.BUILTINS.contains(c.function())) continue;
      CheckedFormula f = formulas.get(c.function());
      if (f == null) {
        String hint = Names.suggest(c.function(), formulas.keySet());
        errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, at, "unknown formula '" + c.function() + "' in $" + m.tex() + "$",
            hint != null ? hint : "note: call a formula block by its id"));
        return false;
      }
      for (SymbolDef s : f.inputs()) {
        boolean passed = c.args().stream().anyMatch(a -> a.named() && a.name().equals(s.name()));
        if (!passed) drawn.putIfAbsent(s.name(), s);
      }
    }
    for (Expr.Name n : names) {
      SymbolDef s = glossary.symbol(n.name()).orElse(null);
      if (s == null) {
        List<String> known = new ArrayList<>();
        glossary.symbols().forEach(x -> known.add(x.name()));
        String hint = Names.suggest(n.name(), known);
        errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, at, "unknown symbol '" + n.name() + "' in $" + m.tex() + "$",
            hint != null ? hint : "note: relations in prose use the glossary's symbols",
            "help: or, if it is notation rather than a relation of the glossary's symbols, mark it: $" + m.tex() + "${notation}"));
        return false;
      }
      if (s.isConstant()) {
        fixed.put(s.name(), new Quantity(s.unit().toBase(s.constant()), s.unit().dimension()));
      } else {
        drawn.putIfAbsent(s.name(), s);
      }
    }
    List<SymbolDef> inputs = new ArrayList<>(drawn.values());
    double[] middle = new double[inputs.size()];
    for (int i = 0; i < middle.length; i++) middle[i] = Math.sqrt(Math.max(inputs.get(i).low(), 1e-300) * inputs.get(i).high());
    Quantity[] sides;
    try {
      sides = sides(r, inputs, fixed, middle);
    } catch (EvaluationError e) {
      errors.add(Diagnostic.of(e.kind() == null ? Kind.EVALUATION : e.kind(), at, e.getMessage() + " in $" + m.tex() + "$"));
      return false;
    }
    if (!sides[0].dimension().equals(sides[1].dimension())) {
      errors.add(Diagnostic.of(Kind.UNITS, at, "the two sides of $" + m.tex() + "$ differ in dimension: "
          + sides[0].dimension() + " against " + sides[1].dimension()));
      return false;
    }
    java.util.function.Supplier<double[]> run = () -> property.counterExample(inputs, v -> {
      try {
        Quantity[] q = sides(r, inputs, fixed, v);
        return Double.isFinite(q[0].value()) && Double.isFinite(q[1].value()) && r.holds(q[0].value(), q[1].value());
      } catch (EvaluationError e) {
        return false;
      }
    });
    double[] counter;
    if (results == null) {
      counter = run.get();
    } else {
      // Everything the verdict depends on: the relation, the formulas it calls, the symbols drawn
      // (with their domains) and fixed, and the tries and seed.
      StringBuilder key = new StringBuilder(m.tex().strip());
      for (Expr.Call c : calls) {
        CheckedFormula f = formulas.get(c.function());
        if (f == null) continue;
        key.append('\n').append(f.block().text()).append(new java.util.TreeMap<>(f.constants()).entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().value()).toList());
      }
      key.append('\n').append(inputs).append('\n').append(new java.util.TreeMap<>(fixed).entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue().value()).toList());
      key.append('\n').append(property.tries()).append('@').append(property.seed());
      counter = results.counterExample(key.toString(), run).orElse(null);
    }
    if (counter == null) return true;
    List<String> notes = new ArrayList<>();
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < inputs.size(); i++) {
      if (i > 0) shown.append(", ");
      shown.append(inputs.get(i).name()).append(" = ").append(String.format(Locale.ROOT, "%.6g", counter[i]))
          .append(inputs.get(i).unitText().equals("1") ? "" : " " + inputs.get(i).unitText());
    }
    notes.add("counter-example (seed " + property.seed() + "): " + shown);
    try {
      Quantity[] q = sides(r, inputs, fixed, counter);
      notes.add("left:  " + ValueFormat.auto(q[0]));
      notes.add("right: " + ValueFormat.auto(q[1]));
      String hint = PropertyCheck.ratioHint(q[0].value(), q[1].value());
      if (r.op().equals("=") && hint != null) notes.add("hint: " + hint.replace("the Markdown formula", "the left side").replace("the reference", "the right side"));
    } catch (EvaluationError e) {
      notes.add(e.getMessage());
    }
    notes.add("help: correct the relation, or mark it {notation} if it is not meant to hold for all values");
    errors.add(new Diagnostic(Kind.PROPERTY, at, "relation $" + m.tex() + "$ does not hold over the glossary's domains", notes));
    return false;
  }

  /** Both sides at one draw (values in glossary units). */
  private Quantity[] sides(Relation r, List<SymbolDef> inputs, Map<String, Quantity> fixed, double[] drawn)
      throws EvaluationError {
    Map<String, Quantity> values = new HashMap<>(fixed);
    for (int i = 0; i < inputs.size(); i++) {
      SymbolDef s = inputs.get(i);
      values.put(s.name(), new Quantity(s.unit().toBase(drawn[i]), s.unit().dimension()));
    }
    Evaluator.Scope scope = new Evaluator.Scope() {
      @Override
      public Quantity name(Expr.Name n) {
        return values.get(n.name());
      }

      @Override
      public Quantity call(Expr.Call c, Evaluator evaluator) throws EvaluationError {
        CheckedFormula f = formulas.get(c.function());
        Map<String, Quantity> args = new HashMap<>(f.constants());
        for (SymbolDef s : f.inputs()) args.put(s.name(), values.get(s.name()));
        for (Expr.Arg a : c.args()) {
          if (!a.named()) throw new EvaluationError(Kind.SYNTAX, "name the arguments of " + c.function(), a.value());
          args.put(a.name(), evaluator.eval(a.value()));
        }
        return new Evaluator(Evaluator.Scope.ofSymbols(args)).eval(f.equation().rhs());
      }
    };
    Evaluator e = new Evaluator(scope);
    return new Quantity[] {e.eval(r.lhs()), e.eval(r.rhs())};
  }
}
