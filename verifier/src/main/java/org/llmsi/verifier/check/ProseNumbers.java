package org.llmsi.verifier.check;

import java.util.ArrayList;
import java.util.List;
import org.llmsi.verifier.data.DataSets;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.data.Glossary;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.source.Page;
import org.llmsi.verifier.source.ProseNumber;
import org.llmsi.verifier.units.Unit;
import org.llmsi.verifier.units.UnitParser;

/**
 * Every figure printed with a unit in prose must be backed: it has to read, to the digits printed,
 * as some value the guide verified (a bound or claimed value of an example, a literal of a formula
 * or example) or as a sourced data figure. Otherwise prose could say "about 20 GB" next to an
 * example that computes 21.5 GB, and nothing would notice.
 */
final class ProseNumbers {
  /**
   * A value a prose figure may quote, and where it comes from (for the "closest" hint).
   *
   * @param page the chapter whose example bound it, or null for a data figure, a glossary constant
   *     or a formula literal, which any chapter may quote
   */
  record Known(Quantity quantity, String origin, java.nio.file.Path page) {}

  /** What each page may quote, by dimension: its own examples' values and the shared figures. */
  private final java.util.Map<org.llmsi.verifier.units.Dimension, List<Known>> shared = new java.util.HashMap<>();
  private final java.util.Map<java.nio.file.Path, java.util.Map<org.llmsi.verifier.units.Dimension, List<Known>>> byPage =
      new java.util.HashMap<>();

  ProseNumbers(Glossary glossary, DataSets data, List<Known> fromExamples, Iterable<CheckedFormula> formulas) {
    for (Known k : fromExamples) add(k);
    for (var set : data.sets().values()) {
      for (var entity : set.values()) {
        for (DataValue v : entity.fields().values()) {
          add(new Known(new Quantity(v.baseValue(), v.unit().dimension()), "data figure " + v.key(), null));
        }
      }
    }
    for (SymbolDef s : glossary.symbols()) {
      if (s.isConstant()) {
        add(new Known(new Quantity(s.unit().toBase(s.constant()), s.unit().dimension()),
            "glossary constant " + s.name(), null));
      }
    }
    for (CheckedFormula f : formulas) {
      for (Expr.Num n : literals(f.equation().rhs(), new ArrayList<>())) {
        add(new Known(new Quantity(n.baseValue(), n.unit().dimension()), "formula " + f.id(), null));
      }
    }
  }

  private void add(Known k) {
    var index = k.page() == null ? shared : byPage.computeIfAbsent(k.page(), p -> new java.util.HashMap<>());
    index.computeIfAbsent(k.quantity().dimension(), d -> new ArrayList<>()).add(k);
  }

  /** The literals with units inside an expression ({@code 8 bit/B}, {@code 4096 token}). */
  static List<Expr.Num> literals(Expr e, List<Expr.Num> out) {
    if (e instanceof Expr.Num n) {
      if (!n.unit().text().isEmpty()) out.add(n);
    } else if (e instanceof Expr.Unary u) {
      literals(u.operand(), out);
    } else if (e instanceof Expr.Binary b) {
      literals(b.left(), out);
      literals(b.right(), out);
    } else if (e instanceof Expr.Group g) {
      literals(g.inner(), out);
    } else if (e instanceof Expr.Call c) {
      c.args().forEach(a -> literals(a.value(), out));
    }
    return out;
  }

  /**
   * Checks the page's prose figures. A figure may quote its own chapter's examples or a shared
   * figure, not a number another chapter happens to compute: a coincidence there would pass
   * unnoticed, and a reader cannot see that chapter's example from here.
   */
  void check(Page page, List<Diagnostic> errors) {
    var own = byPage.getOrDefault(page.file().shownPath(), java.util.Map.of());
    for (ProseNumber p : page.proseNumbers()) {
      Unit unit;
      boolean ratio = p.unit().isEmpty() || p.unit().equals("×"); // "8×", "8.93e12": plain numbers
      try {
        unit = ratio ? Unit.NONE : UnitParser.parse(p.unit());
      } catch (UnitParser.UnitException e) {
        continue; // "8 layers", "3 Figure": a count or a word, not a unit
      }
      boolean scientific = p.number().matches(".*\\d[eE][+-]?\\d+");
      if (!ratio && unit.dimension().isNone() && !unit.text().equals("%")) {
        if (!scientific) continue; // counts: "16 GPUs" reads as a given; "8.93e12 tokens" was computed
        ratio = true;
        unit = Unit.NONE;
      }
      double magnitude = Double.parseDouble(p.number().replace(",", ""));
      String literal = p.number().replace(",", "") + (unit.text().isEmpty() ? "" : " " + p.unit());
      Expr.Num printed = new Expr.Num(literal, magnitude, unit, 0, 0);
      List<Known> candidates = new ArrayList<>(own.getOrDefault(unit.dimension(), List.of()));
      candidates.addAll(shared.getOrDefault(unit.dimension(), List.of()));
      double half = ClaimCheck.Digits.of(printed).halfStep();
      Known closest = null;
      double bestDistance = Double.POSITIVE_INFINITY;
      boolean backed = false;
      for (Known k : candidates) {
        double inUnit = unit.fromBase(k.quantity().value());
        if (Math.abs(inUnit - magnitude) <= half * (1 + 1e-9) && ClaimCheck.holds(k.quantity().value(), printed, null)) {
          backed = true;
          break;
        }
        double distance = Math.abs(Math.log(Math.abs(inUnit) / Math.abs(magnitude)));
        if (distance < bestDistance) {
          bestDistance = distance;
          closest = k;
        }
      }
      if (backed) continue;
      List<String> notes = new ArrayList<>();
      if (closest != null && bestDistance < Math.log(2)) {
        String shown = ClaimCheck.computedText(closest.quantity().value(), printed);
        notes.add("closest verified value: " + shown + (unit.text().isEmpty() ? "" : " " + unit.text())
            + " (" + closest.origin() + ")");
      }
      notes.add("help: print the value of a claim on this page or a data figure to its digits, or add an "
          + "example step that computes it (`name = … ≈ " + literal + "`)");
      errors.add(new Diagnostic(Kind.UNVERIFIED, page.file().location(p.offset(), p.length()),
          "'" + p.text() + "' in prose is neither a value verified on this page nor a data figure", notes));
    }
  }
}
