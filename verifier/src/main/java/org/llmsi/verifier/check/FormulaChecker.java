package org.llmsi.verifier.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.llmsi.verifier.check.ReferenceCatalog.BoundReference;
import org.llmsi.verifier.data.Glossary;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.lang.Equation;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.lang.FormulaLanguage;
import org.llmsi.verifier.lang.SyntaxError;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.source.FencedBlock;

/**
 * Checks formula blocks: id, syntax, declared symbols, dimensions, the binding to a reference
 * method, and the property that the two agree.
 */
final class FormulaChecker {
  private final Glossary glossary;
  private final ReferenceCatalog catalog;
  private final PropertyCheck property;
  /** Outcomes of earlier verifications in this process, or null to run every test. */
  private final PropertyResults results;
  private final Diagnostics errors;
  private final Map<String, CheckedFormula> formulas = new LinkedHashMap<>();
  /** Formulas whose property test has not run yet ({@link #checkProperties()}). */
  private final List<CheckedFormula> pending = new ArrayList<>();
  private final Map<String, FencedBlock> seenIds = new HashMap<>();
  private int tries;
  private boolean invalidSymbolUsed;

  FormulaChecker(Glossary glossary, ReferenceCatalog catalog, PropertyCheck property, PropertyResults results,
      Diagnostics errors) {
    this.results = results;
    this.glossary = glossary;
    this.catalog = catalog;
    this.property = property;
    this.errors = errors;
  }

  Map<String, CheckedFormula> formulas() {
    return formulas;
  }

  /** Total property tries that agreed. */
  int tries() {
    return tries;
  }

  void check(FencedBlock block) {
    String id = block.argument();
    if (!id.matches("[a-z][a-z0-9_]*")) {
      errors.add(Diagnostic.of(Kind.SYNTAX, block.file().location(block.argumentOffset(), Math.max(id.length(), 1)),
          id.isEmpty() ? "formula block has no id: write ```formula my_formula_id"
              : "formula id '" + id + "' must be lower-case letters, digits and underscores"));
      return;
    }
    if (FormulaLanguage.BUILTINS.contains(id)) {
      errors.add(Diagnostic.of(Kind.DUPLICATE, block.file().location(block.argumentOffset(), id.length()),
          "formula id '" + id + "' is the name of a built-in function"));
      return;
    }
    FencedBlock first = seenIds.putIfAbsent(id, block);
    if (first != null) {
      errors.add(Diagnostic.of(Kind.DUPLICATE, block.file().location(block.argumentOffset(), id.length()),
          "duplicate formula id '" + id + "'", "note: first defined at " + first.fence().display()));
      return;
    }
    Equation eq;
    try {
      eq = FormulaLanguage.parseFormula(block.text());
    } catch (SyntaxError e) {
      errors.add(Diagnostic.of(Kind.SYNTAX, block.locate(e.start(), Math.max(e.end() - e.start(), 1)), e.getMessage()));
      return;
    }
    Diagnostics.Mark before = errors.mark();
    invalidSymbolUsed = false;
    SymbolDef result = glossary.symbol(eq.name()).orElse(null);
    if (result == null) {
      unknown(block, eq.name(), eq.nameStart(), eq.nameEnd());
    } else if (result.isConstant()) {
      errors.add(Diagnostic.of(Kind.SYNTAX, block.locate(eq.nameStart(), eq.name().length()),
          "'" + eq.name() + "' is a fixed constant in the glossary and cannot be defined by a formula"));
    }
    for (Expr.Call call : Names.calls(eq.rhs())) {
      if (!FormulaLanguage.BUILTINS.contains(call.function())) {
        errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, block.locate(call.start(), call.nameEnd() - call.start()),
            "unknown function '" + call.function() + "'",
            "note: formulas use the built-ins " + String.join(", ", FormulaLanguage.BUILTINS)
                + "; to reuse another formula, call it from an example"));
      }
    }
    Set<SymbolDef> inputs = new LinkedHashSet<>();
    Map<String, Quantity> constants = new HashMap<>();
    for (Expr.Name n : Names.in(eq.rhs())) {
      if (n.dotted()) {
        errors.add(Diagnostic.of(Kind.SYNTAX, block.locate(n.start(), n.end() - n.start()),
            "a formula uses symbols only; '" + n.name() + "' is a data reference, which belongs in an example"));
        continue;
      }
      SymbolDef s = glossary.symbol(n.name()).orElse(null);
      if (s == null) {
        unknown(block, n.name(), n.start(), n.end());
      } else if (s.isConstant()) {
        constants.put(s.name(), new Quantity(s.unit().toBase(s.constant()), s.unit().dimension()));
      } else if (s.name().equals(eq.name())) {
        errors.add(Diagnostic.of(Kind.SYNTAX, block.locate(n.start(), n.name().length()),
            "'" + n.name() + "' is defined in terms of itself"));
      } else {
        inputs.add(s);
      }
    }
    if (before.hasNew() || invalidSymbolUsed) return;
    if (!dimensionsAgree(block, eq, result, inputs, constants)) return;
    BoundReference reference = bind(block, id, List.copyOf(inputs));
    CheckedFormula checked = new CheckedFormula(id, block, eq, result, List.copyOf(inputs), constants, reference);
    formulas.put(id, checked);
    if (reference != null) pending.add(checked);
  }

  /**
   * Runs the property test of every formula checked so far against its reference, on every core,
   * and reports failures in book order. Each test is independent and seeded, so the outcome does not
   * depend on the order they run in.
   */
  void checkProperties() {
    List<PropertyCheck.Failure> outcomes = pending.parallelStream().map(this::property).toList();
    for (int i = 0; i < pending.size(); i++) report(pending.get(i), outcomes.get(i));
    pending.clear();
  }

  private void unknown(FencedBlock block, String name, int start, int end) {
    if (glossary.isInvalid(name)) {
      invalidSymbolUsed = true; // its entry's own error says what to fix
      return;
    }
    List<String> notes = new ArrayList<>();
    String hint = Names.suggest(name, glossary.symbols().stream().map(SymbolDef::name).toList());
    if (hint != null) notes.add(hint);
    notes.add("note: every symbol is declared once in data/symbols/*.yaml (tex, meaning, unit, domain)");
    errors.add(new Diagnostic(Kind.UNKNOWN_NAME, block.locate(start, end - start),
        "unknown symbol '" + name + "'", notes));
  }

  private boolean dimensionsAgree(FencedBlock block, Equation eq, SymbolDef result, Set<SymbolDef> inputs,
      Map<String, Quantity> constants) {
    Map<String, Quantity> sample = new HashMap<>(constants);
    for (SymbolDef s : inputs) {
      double mid = s.logUniform() ? Math.sqrt(s.low() * s.high()) : (s.low() + s.high()) / 2;
      sample.put(s.name(), new Quantity(s.unit().toBase(mid), s.unit().dimension()));
    }
    Quantity rhs;
    try {
      rhs = new Evaluator(Evaluator.Scope.ofSymbols(sample)).eval(eq.rhs());
    } catch (EvaluationError e) {
      errors.add(new Diagnostic(e.kind(), block.locate(e.start(), e.end() - e.start()), e.getMessage(),
          e.notes()));
      return false;
    }
    if (!rhs.dimension().equals(result.unit().dimension())) {
      List<String> notes = new ArrayList<>();
      String declared = result.unitText().equals(result.unit().dimension().toString())
          ? "" : " (" + result.unit().dimension() + ")";
      notes.add("left side: " + result.name() + " is declared in " + result.unitText() + declared);
      notes.add("right side: " + rhs.dimension());
      String hint = UnitHints.hint(result.unit().dimension(), rhs.dimension());
      if (hint != null) notes.add(hint);
      errors.add(new Diagnostic(Kind.UNITS, block.locate(eq.rhs().start(), eq.rhs().end() - eq.rhs().start()),
          "unit mismatch in formula " + block.argument() + ": left side is " + result.unit().dimension()
              + " but right side is " + rhs.dimension(),
          notes));
      return false;
    }
    return true;
  }

  private BoundReference bind(FencedBlock block, String id, List<SymbolDef> inputs) {
    BoundReference ref = catalog.references().get(id);
    String uses = inputs.stream().map(SymbolDef::name).collect(Collectors.joining(", "));
    if (ref == null) {
      String symbols = inputs.stream().map(s -> '"' + s.name() + '"').collect(Collectors.joining(", "));
      errors.add(Diagnostic.of(Kind.REFERENCE, block.file().location(block.argumentOffset(), id.length()),
          "formula " + id + " has no reference implementation in " + catalog.name(),
          "help: add @Reference(id = \"" + id + "\", symbols = {" + symbols
              + "}) to a public static double method of a topic class in formulas/"));
      return null;
    }
    Set<String> want = inputs.stream().map(SymbolDef::name).collect(Collectors.toCollection(LinkedHashSet::new));
    Set<String> have = new LinkedHashSet<>(ref.symbols());
    if (!want.equals(have) || have.size() != ref.symbols().size()) {
      errors.add(Diagnostic.of(Kind.REFERENCE, block.file().location(block.argumentOffset(), id.length()),
          "reference " + ref.displayName() + " takes (" + String.join(", ", ref.symbols())
              + ") but formula " + id + " uses (" + uses + ")",
          "note: the reference's symbols must be exactly the formula's free symbols, in any order"));
      return null;
    }
    return ref;
  }

  private PropertyCheck.Failure property(CheckedFormula f) {
    List<SymbolDef> ordered = new ArrayList<>();
    for (String name : f.reference().symbols()) {
      ordered.add(f.inputs().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow());
    }
    if (results == null) return property.run(f.equation().rhs(), ordered, f.constants(), f.reference());
    String key = String.join("\n", f.id(), f.block().text(), f.reference().displayName(), ordered.toString(),
        new java.util.TreeMap<>(f.constants()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().value())
            .collect(Collectors.joining(",")),
        property.tries() + "@" + property.seed());
    return results.get(key, () -> property.run(f.equation().rhs(), ordered, f.constants(), f.reference())).orElse(null);
  }

  private void report(CheckedFormula f, PropertyCheck.Failure failure) {
    if (failure == null) {
      tries += property.tries();
      return;
    }
    List<String> notes = new ArrayList<>();
    notes.add("reference: " + f.reference().displayName() + "; " + failure.problem());
    notes.add("counter-example (shrunk, seed " + property.seed() + "): " + failure.inputs().entrySet().stream()
        .map(e -> e.getKey() + " = " + format(e.getValue()) + unitSuffix(e.getKey()))
        .collect(Collectors.joining(", ")));
    String unit = f.result().unitText();
    notes.add("markdown:  " + f.result().name() + " = " + format(f.result().unit().fromBase(failure.markdown())) + " " + unit);
    notes.add("reference: " + f.result().name() + " = " + format(f.result().unit().fromBase(failure.reference())) + " " + unit);
    String hint = PropertyCheck.ratioHint(failure.markdown(), failure.reference());
    if (hint != null) notes.add("hint: " + hint);
    errors.add(new Diagnostic(Kind.PROPERTY, f.block().file().location(f.block().argumentOffset(), f.id().length()),
        "formula " + f.id() + " disagrees with its reference " + f.reference().displayName(),
        notes));
  }

  private String unitSuffix(String symbol) {
    return glossary.symbol(symbol).map(s -> s.unit().text().isEmpty() ? "" : " " + s.unit().text()).orElse("");
  }

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
    return String.format(Locale.ROOT, "%.10g", v).replaceFirst("\\.?0+(e|$)", "$1");
  }
}
