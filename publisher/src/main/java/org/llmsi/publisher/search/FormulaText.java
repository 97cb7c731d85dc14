package org.llmsi.publisher.search;

import java.util.stream.Collectors;
import org.llmsi.verifier.lang.Equation;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.lang.FormulaLanguage;
import org.llmsi.verifier.lang.SyntaxError;

/**
 * A formula as a reader would type it into a search box: {@code C = 6 FLOP * N * D} becomes
 * {@code C = 6ND}. Units of literals are dropped (they are not part of how a formula is quoted), and
 * a product whose factors are single letters or a leading number is written without signs, as a
 * textbook prints it; other products keep a space, a number after a factor gets {@code ×}.
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
    String left = expr(b.left());
    String right = expr(b.right());
    return switch (b.op()) {
      case '*' -> left + (b.right() instanceof Expr.Num || startsWithNumber(b.right()) ? " × "
          : tight(rightmost(b.left())) && (tight(b.right()) || b.right() instanceof Expr.Group) ? "" : " ") + right;
      case '^' -> left + "^" + right;
      default -> left + " " + b.op() + " " + right;
    };
  }

  /** A factor written flush against its neighbour: a number or a one-letter name. */
  private static boolean tight(Expr e) {
    return e instanceof Expr.Num || e instanceof Expr.Name n && n.name().length() == 1;
  }

  private static Expr rightmost(Expr e) {
    return e instanceof Expr.Binary b && b.op() == '*' ? rightmost(b.right()) : e;
  }

  private static boolean startsWithNumber(Expr e) {
    return e instanceof Expr.Num || e instanceof Expr.Binary b && startsWithNumber(b.left());
  }
}
