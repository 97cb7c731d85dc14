package org.llmsi.verifier.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.llmsi.verifier.data.DataSets;
import org.llmsi.verifier.data.DataSets.Entity;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.data.Glossary;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.lang.FormulaLanguage;
import org.llmsi.verifier.lang.Statement;
import org.llmsi.verifier.lang.SyntaxError;
import org.llmsi.verifier.model.ExampleStep;
import org.llmsi.verifier.model.VerifiedExample;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.report.Location;
import org.llmsi.verifier.source.FencedBlock;

/**
 * Re-computes worked examples: bindings in order, data looked up by key, formulas called by id,
 * and every claim compared with its printed value.
 */
final class ExampleChecker {
  private final Glossary glossary;
  private final DataSets data;
  private final Map<String, CheckedFormula> formulas;
  /** Ids of formula blocks that exist but failed their own checks (already reported there). */
  private final java.util.Set<String> failedFormulas;
  private final Diagnostics errors;
  private final Map<String, List<Location>> usage = new HashMap<>();
  private final Map<String, org.llmsi.verifier.model.FormulaUse> firstUses = new HashMap<>();
  private int claims;
  /** Every name each page's examples bound, in page order: what its prose figures may name. */
  private final Map<java.nio.file.Path, List<PageValue>> pageValues = new HashMap<>();
  /**
   * The bindings of the current page's earlier examples, latest last: a later example may use a
   * given without binding it again, as in a notebook.
   */
  private Map<String, Binding> pageScope = new LinkedHashMap<>();
  private java.nio.file.Path page;
  private String title;
  /** Set when a step failed on an error reported elsewhere (a bad data entry). */
  private boolean failed;

  ExampleChecker(Glossary glossary, DataSets data, Map<String, CheckedFormula> formulas,
      java.util.Set<String> failedFormulas, Diagnostics errors) {
    this.failedFormulas = failedFormulas;
    this.glossary = glossary;
    this.data = data;
    this.formulas = formulas;
    this.errors = errors;
  }

  /** Example steps that call each formula id. */
  Map<String, List<Location>> usage() {
    return usage;
  }

  /** The inputs of the first step that calls each formula id. */
  Map<String, org.llmsi.verifier.model.FormulaUse> firstUses() {
    return firstUses;
  }

  /**
   * The key of the data figure an expression reads when it is nothing but a reference to one
   * ({@code gpu.hbm_bw}, {@code gpus.h100_sxm.hbm_bw}, or a name bound to such a reference), else null.
   */
  private String dataKey(Expr e, Map<String, Binding> scope) {
    if (!(e instanceof Expr.Name n)) return null;
    String[] parts = n.name().split("\\.");
    if (parts.length == 1) {
      Binding b = lookup(scope, parts[0]);
      return b == null ? null : b.dataKey();
    }
    Binding alias = lookup(scope, parts[0]);
    if (parts.length == 2 && alias != null && alias.entity() != null) return alias.entity().key() + "." + parts[1];
    return parts.length == 3 ? n.name() : null;
  }

  /** The values the page's examples bound, in order (empty for a page without examples). */
  List<PageValue> pageValues(java.nio.file.Path page) {
    return pageValues.getOrDefault(page, List.of());
  }

  /**
   * A name an example bound.
   *
   * @param offset the example's fence offset in the file, to find the binding nearest a figure
   * @param quantity its value, or null for an alias of a data entry
   * @param entity the data entry it aliases, or null
   * @param given whether it was bound to a literal ({@code c_gpu = 3 USD/h})
   */
  record PageValue(String name, int offset, Quantity quantity, Entity entity, String origin, boolean given,
      Location where) {}

  int claims() {
    return claims;
  }

  /** A value bound in an example: a quantity, or an alias of a model or accelerator. */
  /**
   * @param literal a given's literal as written ({@code 3 USD/h}), else null
   * @param dataKey the data figure the name was bound to when its step only read one, else null
   */
  private record Binding(Quantity quantity, Entity entity, String literal, Location where, String dataKey) {
    /** A name whose step failed; using it is not a second error. */
    static final Binding FAILED = new Binding(null, null, null, null, null);

    boolean given() {
      return literal != null;
    }
  }

  /** Checks one example; returns it when every step held, else null (errors were added). */
  VerifiedExample check(FencedBlock block) {
    String arg = block.argument();
    if (arg.length() < 2 || !arg.startsWith("\"") || !arg.endsWith("\"")) {
      errors.add(Diagnostic.of(Kind.SYNTAX, block.file().location(block.argumentOffset(), Math.max(arg.length(), 1)),
          "example block needs a quoted title: ```example \"Llama-2-70B KV cache at 4k context\""));
      return null;
    }
    String title = arg.substring(1, arg.length() - 1);
    this.title = title;
    List<Statement> statements;
    try {
      statements = FormulaLanguage.parseExample(block.text());
    } catch (SyntaxError e) {
      errors.add(Diagnostic.of(Kind.SYNTAX, block.locate(e.start(), Math.max(e.end() - e.start(), 1)), e.getMessage()));
      return null;
    }
    if (statements.isEmpty()) {
      errors.add(Diagnostic.of(Kind.SYNTAX, block.fence(), "example \"" + title + "\" is empty"));
      return null;
    }
    if (!block.file().shownPath().equals(page)) {
      page = block.file().shownPath();
      pageScope = new LinkedHashMap<>();
    }
    Map<String, Binding> scope = new LinkedHashMap<>();
    List<ExampleStep> steps = new ArrayList<>();
    failed = false;
    Diagnostics.Mark before = errors.mark();
    for (Statement st : statements) {
      ExampleStep step = step(block, st, scope);
      if (step != null) steps.add(step);
    }
    List<PageValue> values = pageValues.computeIfAbsent(page, p -> new ArrayList<>());
    scope.forEach((name, b) -> {
      if (b != Binding.FAILED) {
        values.add(new PageValue(name, block.fenceOffset(), b.quantity(), b.entity(),
            "'" + name + "' in example \"" + title + "\", line " + b.where().line(), b.given(), b.where()));
      }
      pageScope.remove(name); // re-inserted last: the latest binding of a name wins
      pageScope.put(name, b);
    });
    return before.hasNew() || failed ? null : new VerifiedExample(title, block.fence(), steps, block.node());
  }

  /**
   * Evaluates an expression of a plot on its page as an example step would be, seeing the givens
   * of the examples above it and {@code bound} (the swept symbol's value).
   */
  Quantity evaluate(FencedBlock block, Expr expr, Map<String, Quantity> bound, Location at, List<DataValue> cites)
      throws EvaluationError {
    if (!block.file().shownPath().equals(page)) {
      page = block.file().shownPath();
      pageScope = new LinkedHashMap<>();
    }
    Map<String, Binding> scope = new LinkedHashMap<>();
    bound.forEach((name, q) -> scope.put(name, new Binding(q, null, null, at, null)));
    return new Evaluator(new ExampleScope(scope, null, cites)).eval(expr);
  }

  private ExampleStep step(FencedBlock block, Statement st, Map<String, Binding> scope) {
    String name = st.binding().name();
    Expr rhs = st.binding().rhs();
    int lineIndex = block.lineIndexOf(st.binding().nameStart());
    String sourceLine = block.line(lineIndex);
    Location where = block.locate(st.binding().nameStart(), name.length());
    if (scope.containsKey(name)) {
      errors.add(Diagnostic.of(Kind.DUPLICATE, where, "'" + name + "' is already bound in this example"));
      return null;
    }
    if (rhs instanceof Expr.Name n && st.claim() == null) {
      Optional<Entity> entity = entityOf(n.name(), scope);
      if (entity.isPresent()) {
        scope.put(name, new Binding(null, entity.get(), null, where, null));
        return new ExampleStep(where, sourceLine.strip(), name, label(st), n.name(),
            entity.get().name(), null, List.of(), true, st);
      }
    }
    Quantity value;
    List<DataValue> cites = new ArrayList<>();
    try {
      value = new Evaluator(new ExampleScope(scope, where, cites)).eval(rhs);
    } catch (EvaluationError e) {
      if (e.kind() != null) {
        errors.add(new Diagnostic(e.kind(), block.locate(e.start(), Math.max(e.end() - e.start(), 1)), e.getMessage(),
            e.notes()));
      }
      failed = true;
      scope.put(name, Binding.FAILED); // later steps using it fail quietly: the cause is reported here
      return null;
    }
    if (!Double.isFinite(value.value())) {
      errors.add(Diagnostic.of(Kind.EVALUATION, block.locate(rhs.start(), rhs.end() - rhs.start()),
          "'" + name + "' evaluates to " + value.value() + " (a division by zero or a log of a non-positive number?)"));
      return null;
    }
    String givenText = rhs instanceof Expr.Num num && st.claim() == null ? num.text() : null;
    Binding earlier = pageScope.get(name);
    if (givenText != null && earlier != null && earlier.given() && !sameValue(earlier.quantity(), value)) {
      errors.add(Diagnostic.of(Kind.DUPLICATE, where, "given '" + name + "' drifts: bound to "
              + givenText + " here but to " + earlier.literal() + " at line " + earlier.where().line() + " of this page",
          "help: use the earlier given as it is (examples on a page see the givens of the examples above "
              + "them), or give this one its own name"));
    }
    scope.put(name, new Binding(value, null, givenText, where, dataKey(rhs, scope)));
    String rhsText = block.text().substring(rhs.start(), rhs.end());
    if (st.claim() == null) {
      // A given such as `c_gpu = 2.5 USD/h` reads best as written, not converted to base units.
      boolean literal = rhs instanceof Expr.Num;
      String shown = literal && !((Expr.Num) rhs).unit().text().isEmpty() ? ((Expr.Num) rhs).text() : ValueFormat.auto(value);
      return new ExampleStep(where, sourceLine.strip(), name, label(st), rhsText, shown, null, cites, literal, st);
    }
    claims++;
    Expr.Num stated = st.claim().stated();
    Location claimAt = block.locate(stated.start(), stated.end() - stated.start());
    if (!stated.unit().dimension().equals(value.dimension())) {
      List<String> notes = new ArrayList<>();
      notes.add("computed: " + ValueFormat.auto(value));
      String hint = UnitHints.hint(value.dimension(), stated.unit().dimension());
      if (hint != null) notes.add(hint);
      String message = stated.unit().text().isEmpty()
          ? "claim has no unit, but '" + name + "' is in " + value.dimension() + ": write it as '≈ "
              + ValueFormat.auto(value) + "'"
          : "unit mismatch: claim is in " + stated.unit().text() + " (" + stated.unit().dimension()
              + ") but '" + name + "' is in " + value.dimension();
      errors.add(new Diagnostic(Kind.UNITS, claimAt, message, notes));
      return null;
    }
    if (st.claim().tolerance() != null) {
      Expr.Num tol = st.claim().tolerance();
      if (!tol.unit().text().equals("%") && !tol.unit().dimension().equals(value.dimension())) {
        errors.add(Diagnostic.of(Kind.UNITS, block.locate(tol.start(), tol.end() - tol.start()),
            "tolerance must be a percentage or in the claim's dimension (" + value.dimension() + ")"));
        return null;
      }
    }
    String unit = stated.unit().text();
    String computed = ClaimCheck.computedText(value.value(), stated);
    String shownComputed = computed + (unit.isEmpty() ? "" : " " + unit);
    if (!ClaimCheck.holds(value.value(), stated, st.claim().tolerance())) {
      List<String> notes = new ArrayList<>();
      notes.add("stated:   " + stated.text() + accepts(stated, st.claim().tolerance()));
      notes.add("computed: " + shownComputed + (value.dimension().isNone() ? ""
          : " (" + ValueFormat.grouped(value.value()) + " " + value.dimension() + ")"));
      String twin = ClaimCheck.prefixTwin(value.value(), stated);
      if (twin != null) {
        String numberText = stated.text().substring(0, stated.text().length() - unit.length()).strip();
        notes.add("hint: the computed value is " + numberText + " " + twin
            + ": decimal and binary prefixes mixed? (GB = 10^9 B, GiB = 2^30 B)");
      }
      String numberText = stated.text().substring(0, stated.text().length() - unit.length()).strip();
      int col = stated.start() - (block.text().lastIndexOf('\n', stated.start() - 1) + 1);
      String claimLine = block.line(block.lineIndexOf(stated.start()));
      String replaced = claimLine.substring(0, col) + computed + claimLine.substring(col + numberText.length());
      errors.add(new Diagnostic(Kind.CLAIM, claimAt,
          "claim " + stated.text() + " does not match computed " + shownComputed, notes)
          .withFix(replaced, computed + (unit.isEmpty() ? "" : " " + unit)));
      return null;
    }
    String held = ClaimCheck.shownText(value.value(), stated) + (unit.isEmpty() ? "" : " " + unit);
    return new ExampleStep(where, sourceLine.strip(), name, label(st), rhsText, held, stated.text(), cites, false, st);
  }

  /**
   * The name a reader sees for a step: the label written after its name, else the glossary's
   * meaning of the name without its closing aside ("bytes per element (2 for bf16, …)"), else the
   * code name in words.
   */
  private String label(Statement st) {
    if (st.label() != null) return st.label();
    String name = st.binding().name();
    return glossary.symbol(name).map(s -> s.meaning().replaceFirst("\\s*\\([^()]*\\)$", ""))
        .orElse(name.replace('_', ' '));
  }

  private static boolean sameValue(Quantity a, Quantity b) {
    return a.dimension().equals(b.dimension())
        && Math.abs(a.value() - b.value()) <= 1e-12 * Math.max(Math.abs(a.value()), Math.abs(b.value()));
  }

  private static String accepts(Expr.Num stated, Expr.Num tolerance) {
    if (tolerance != null) return " ± " + tolerance.text();
    ClaimCheck.Digits d = ClaimCheck.Digits.of(stated);
    double half = d.halfStep();
    String unit = stated.unit().text().isEmpty() ? "" : " " + stated.unit().text();
    return String.format(Locale.ROOT, " (accepts [%s, %s)%s)", plain(stated.magnitude() - half),
        plain(stated.magnitude() + half), unit);
  }

  private static String plain(double v) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.12g", v)).stripTrailingZeros().toPlainString();
  }

  private Optional<Entity> entityOf(String dotted, Map<String, Binding> scope) {
    String[] parts = dotted.split("\\.");
    if (parts.length == 1) {
      Binding b = lookup(scope, parts[0]);
      return b != null && b.entity() != null ? Optional.of(b.entity()) : Optional.empty();
    }
    if (parts.length == 2 && data.hasSet(parts[0])) return data.entity(parts[0], parts[1]);
    return Optional.empty();
  }

  /** A name bound in this example, else by an earlier example of the page. */
  private Binding lookup(Map<String, Binding> scope, String name) {
    Binding b = scope.get(name);
    return b != null ? b : pageScope.get(name);
  }

  /** Resolves names in an example: bindings, data references, constants, and formula calls. */
  private final class ExampleScope implements Evaluator.Scope {
    private final Map<String, Binding> scope;
    private final Location step;
    private final List<DataValue> cites;

    ExampleScope(Map<String, Binding> scope, Location step, List<DataValue> cites) {
      this.scope = scope;
      this.step = step;
      this.cites = cites;
    }

    @Override
    public Quantity name(Expr.Name n) throws EvaluationError {
      String[] parts = n.name().split("\\.");
      if (parts.length == 1) {
        Binding b = lookup(scope, n.name());
        if (b != null && b.quantity() != null) return b.quantity();
        if (b == Binding.FAILED) throw EvaluationError.alreadyReported(n);
        if (b != null) {
          throw new EvaluationError(Kind.SYNTAX, "'" + n.name() + "' is " + b.entity().name()
              + ", not a number: use one of its figures, e.g. " + n.name() + "."
              + b.entity().fields().keySet().stream().findFirst().orElse("field"), n);
        }
        Optional<SymbolDef> constant = glossary.symbol(n.name()).filter(SymbolDef::isConstant);
        if (constant.isPresent()) {
          SymbolDef s = constant.get();
          return new Quantity(s.unit().toBase(s.constant()), s.unit().dimension());
        }
        List<String> known = new ArrayList<>(scope.keySet());
        String hint = Names.suggest(n.name(), known);
        throw new EvaluationError(Kind.UNKNOWN_NAME, "unknown name '" + n.name() + "' in this example", n,
            hint != null ? hint : "note: bind it on an earlier line, e.g. " + n.name() + " = …");
      }
      Entity entity;
      String field;
      Binding alias = lookup(scope, parts[0]);
      if (alias != null && alias.entity() != null && parts.length == 2) {
        entity = alias.entity();
        field = parts[1];
      } else if (parts.length == 3) {
        if (!data.hasSet(parts[0])) {
          throw new EvaluationError(Kind.UNKNOWN_NAME, "unknown data set '" + parts[0] + "'", n,
              "note: data sets are the files in data/: " + String.join(", ", data.sets().keySet()));
        }
        Optional<Entity> e = data.entity(parts[0], parts[1]);
        if (e.isEmpty()) {
          String hint = Names.suggest(parts[1], data.sets().get(parts[0]).keySet());
          throw new EvaluationError(Kind.UNKNOWN_NAME, "unknown key '" + parts[1] + "' in " + parts[0]
              + " (data/" + parts[0] + ".yaml)", n, hint != null ? hint : "note: add it with its source to data/" + parts[0] + ".yaml");
        }
        entity = e.get();
        field = parts[2];
      } else {
        throw new EvaluationError(Kind.UNKNOWN_NAME, "unknown name '" + n.name()
            + "': data references are set.key.field (e.g. gpus.h100_sxm.hbm_bw) or alias.field", n);
      }
      DataValue v = entity.fields().get(field);
      if (v == null && data.isInvalid(entity.key() + "." + field)) {
        throw EvaluationError.alreadyReported(n);
      }
      if (v == null) {
        String hint = Names.suggest(field, entity.fields().keySet());
        throw new EvaluationError(Kind.UNKNOWN_NAME, entity.name() + " has no figure '" + field + "'", n,
            hint != null ? hint : "note: known figures: " + String.join(", ", entity.fields().keySet()));
      }
      if (!cites.contains(v)) cites.add(v);
      return new Quantity(v.baseValue(), v.unit().dimension());
    }

    @Override
    public Quantity call(Expr.Call call, Evaluator evaluator) throws EvaluationError {
      CheckedFormula f = formulas.get(call.function());
      if (f == null && failedFormulas.contains(call.function())) {
        throw EvaluationError.alreadyReported(call);
      }
      if (f == null) {
        String hint = Names.suggest(call.function(), formulas.keySet());
        throw new EvaluationError(Kind.UNKNOWN_NAME, "unknown formula '" + call.function() + "'",
            call.start(), call.nameEnd(), hint != null ? hint : "note: call a formula block by its id");
      }
      Map<String, Quantity> args = new HashMap<>(f.constants());
      Map<String, String> keys = new HashMap<>();
      for (Expr.Arg a : call.args()) {
        if (!a.named()) {
          throw new EvaluationError(Kind.SYNTAX, "name the arguments of a formula call, e.g. "
              + call.function() + "(" + f.inputs().get(0).name() + " = …)", a.value());
        }
        SymbolDef s = f.inputs().stream().filter(x -> x.name().equals(a.name())).findFirst().orElse(null);
        if (s == null) {
          throw new EvaluationError(Kind.UNKNOWN_NAME, "formula " + f.id() + " has no input '" + a.name() + "'",
              a.start(), a.start() + a.name().length(),
              "note: its inputs are " + String.join(", ", f.inputs().stream().map(SymbolDef::name).toList()));
        }
        args.put(s.name(), argument(s, evaluator.eval(a.value()), a.value(), f));
        String key = dataKey(a.value(), scope);
        if (key != null) keys.put(s.name(), key);
      }
      for (SymbolDef s : f.inputs()) {
        if (args.containsKey(s.name())) continue;
        Binding b = lookup(scope, s.name());
        if (b == Binding.FAILED) throw EvaluationError.alreadyReported(call);
        if (b == null || b.quantity() == null) {
          throw new EvaluationError(Kind.UNKNOWN_NAME, "formula " + f.id() + " needs " + s.name() + " ("
              + s.meaning() + "): pass " + s.name() + " = … or bind " + s.name() + " on an earlier line", call);
        }
        args.put(s.name(), argument(s, b.quantity(), call, f));
        if (b.dataKey() != null) keys.put(s.name(), b.dataKey());
      }
      if (step != null) usage.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(step); // a plot is no step
      if (step != null && !firstUses.containsKey(f.id())) {
        Map<String, Double> values = new HashMap<>();
        for (SymbolDef s : f.inputs()) values.put(s.name(), args.get(s.name()).value());
        firstUses.put(f.id(), new org.llmsi.verifier.model.FormulaUse(step, values, keys));
      }
      return new Evaluator(Evaluator.Scope.ofSymbols(args)).eval(f.equation().rhs());
    }

    private Quantity argument(SymbolDef s, Quantity q, Expr at, CheckedFormula f) throws EvaluationError {
      if (!q.dimension().equals(s.unit().dimension())) {
        String hint = UnitHints.hint(s.unit().dimension(), q.dimension());
        throw new EvaluationError(Kind.UNITS, "argument " + s.name() + " of " + f.id() + " is in "
            + q.dimension() + " but the glossary declares " + s.unitText() + " (" + s.unit().dimension() + ")",
            at, hint == null ? new String[0] : new String[] {hint});
      }
      return q;
    }
  }
}
