package org.llmsi.publisher.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.llmsi.verifier.lang.Equation;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.lang.FormulaLanguage;
import org.llmsi.verifier.lang.SyntaxError;

/**
 * A formula as a reader would type it into a search box: {@code C = 6 FLOP * N * D} becomes
 * {@code C = 6ND}. Units of literals are dropped (they are not part of how a formula is quoted); a
 * product of numbers and one-letter symbols is written without signs, as a textbook prints it, and
 * any other product with a space between its factors ({@code 2 L n_kv d_head s b e}); a number
 * after the first factor gets {@code ×}.
 */
final class FormulaText {
  private FormulaText() {}

  /** The plain form of a verified formula's source; the source itself should it not parse. */
  static String of(String source) {
    try {
      Equation eq = FormulaLanguage.parseFormula(source);
      return eq.name() + " = " + expr(eq.rhs());
    } catch (SyntaxError e) {
      return source.strip();
    }
  }

  private static String expr(Expr e) {
    if (e instanceof Expr.Num n) {
      String unit = n.unit().text();
      return unit.isEmpty() ? n.text() : n.text().substring(0, n.text().length() - unit.length()).strip();
    }
    if (e instanceof Expr.Name n) return n.name();
    if (e instanceof Expr.Group g) return "(" + expr(g.inner()) + ")";
    if (e instanceof Expr.Unary u) return (u.op() == '-' ? "-" : "") + expr(u.operand());
    if (e instanceof Expr.Call c) {
      return c.function() + "(" + c.args().stream()
          .map(a -> (a.named() ? a.name() + " = " : "") + expr(a.value())).collect(Collectors.joining(", ")) + ")";
    }
    Expr.Binary b = (Expr.Binary) e;
    if (b.op() == '*') {
      List<Expr> factors = new ArrayList<>();
      factors(b, factors);
      boolean flush = factors.stream().allMatch(f -> f instanceof Expr.Num || f instanceof Expr.Name n && n.name().length() == 1);
      StringBuilder out = new StringBuilder(expr(factors.get(0)));
      for (Expr f : factors.subList(1, factors.size())) {
        out.append(f instanceof Expr.Num ? " × " : flush ? "" : " ").append(expr(f));
      }
      return out.toString();
    }
    return expr(b.left()) + (b.op() == '^' ? "^" : " " + b.op() + " ") + expr(b.right());
  }

  /** The factors of a product, left to right. */
  private static void factors(Expr e, List<Expr> out) {
    if (e instanceof Expr.Binary b && b.op() == '*') {
      factors(b.left(), out);
      factors(b.right(), out);
    } else {
      out.add(e);
    }
  }
}
