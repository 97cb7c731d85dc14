package org.llmsi.verifier.lang;

import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Typesets the syntax tree as TeX, so the math a reader sees is produced from the very text that
 * was evaluated and tested. Symbols take their typeset form from the glossary.
 */
public final class TexWriter {
  private final Function<String, String> symbolTex;
  private final Function<String, String> formulaTex;

  /** @param symbolTex the TeX of a symbol name, or null to fall back to an upright name */
  public TexWriter(Function<String, String> symbolTex) {
    this(symbolTex, id -> null);
  }

  /**
   * @param formulaTex the TeX of the symbol a formula id computes, or null: a call of that formula is
   *     typeset as its symbol with the arguments as a condition, {@code I_gemm |_{m = n}}
   */
  public TexWriter(Function<String, String> symbolTex, Function<String, String> formulaTex) {
    this.symbolTex = symbolTex;
    this.formulaTex = formulaTex;
  }

  /** A relation of prose math. */
  public String relation(Relation r) {
    String op = switch (r.op()) {
      case "≤" -> "\\le";
      case "≥" -> "\\ge";
      default -> r.op();
    };
    return expr(r.lhs()) + " " + op + " " + expr(r.rhs());
  }

  public String equation(Equation eq) {
    return name(eq.name()) + " = " + expr(eq.rhs());
  }

  public String expr(Expr e) {
    if (e instanceof Expr.Num n) return number(n);
    if (e instanceof Expr.Name n) return name(n.name());
    if (e instanceof Expr.Group g) return "\\left(" + expr(g.inner()) + "\\right)";
    if (e instanceof Expr.Unary u) return (u.op() == '-' ? "-" : "") + expr(u.operand());
    if (e instanceof Expr.Binary b) return binary(b);
    return call((Expr.Call) e);
  }

  private String binary(Expr.Binary b) {
    return switch (b.op()) {
      case '/' -> "\\frac{" + expr(unwrap(b.left())) + "}{" + expr(unwrap(b.right())) + "}";
      case '^' -> "{" + expr(b.left()) + "}^{" + expr(unwrap(b.right())) + "}";
      case '*' -> expr(b.left()) + (startsWithNumber(b.right()) ? " \\times "
          : isWord(b.left(), true) || isWord(b.right(), false) ? " \\cdot " : " \\, ") + expr(b.right());
      default -> expr(b.left()) + " " + b.op() + " " + expr(b.right());
    };
  }

  private String call(Expr.Call c) {
    String args = c.args().stream()
        .map(a -> (a.named() ? name(a.name()) + " = " : "") + expr(a.value()))
        .collect(Collectors.joining(", "));
    return switch (c.function()) {
      case "ceil" -> "\\left\\lceil " + args + " \\right\\rceil";
      case "floor" -> "\\left\\lfloor " + args + " \\right\\rfloor";
      case "abs" -> "\\left| " + args + " \\right|";
      case "sqrt" -> "\\sqrt{" + args + "}";
      case "log2" -> "\\log_2\\left(" + args + "\\right)";
      case "min", "max", "log", "exp" -> "\\" + c.function() + "\\left(" + args + "\\right)";
      default -> {
        String result = formulaTex.apply(c.function());
        if (result == null) yield "\\mathrm{" + escape(c.function()) + "}\\left(" + args + "\\right)";
        yield args.isEmpty() ? result : "\\left." + result + "\\right|_{" + args + "}";
      }
    };
  }

  private static Expr unwrap(Expr e) {
    return e instanceof Expr.Group g ? g.inner() : e;
  }

  private static boolean startsWithNumber(Expr e) {
    if (e instanceof Expr.Num) return true;
    return e instanceof Expr.Binary b && startsWithNumber(b.left());
  }

  /**
   * Whether the operand's edge next to a product sign is a word set upright (an example's own
   * name such as {@code long_share}): two words side by side would read as one phrase, "rps
   * long_share", so such products get a visible dot.
   */
  private boolean isWord(Expr e, boolean rightEdge) {
    if (e instanceof Expr.Name n) return n.name().length() > 1 && symbolTex.apply(n.name()) == null;
    if (e instanceof Expr.Binary b && b.op() == '*') return isWord(rightEdge ? b.right() : b.left(), rightEdge);
    if (e instanceof Expr.Unary u) return rightEdge && isWord(u.operand(), true); // a leading minus is not a word
    return false;
  }

  private String name(String name) {
    String tex = symbolTex.apply(name);
    if (tex != null) return tex;
    return "\\mathrm{" + escape(name) + "}";
  }

  /** A literal as printed: {@code 3.35e12} becomes 3.35 × 10^12; a unit is set upright. */
  public static String number(Expr.Num n) {
    String text = n.text();
    String unit = n.unit().text();
    String digits = unit.isEmpty() ? text : text.substring(0, text.length() - unit.length()).strip();
    String tex;
    int e = Math.max(digits.indexOf('e'), digits.indexOf('E'));
    if (e > 0) {
      String exp = digits.substring(e + 1);
      if (exp.startsWith("+")) exp = exp.substring(1);
      tex = digits.substring(0, e) + " \\times 10^{" + exp + "}";
    } else {
      tex = digits;
    }
    return unit.isEmpty() ? tex : tex + "\\,\\mathrm{" + unitTex(unit) + "}";
  }

  private static String unitTex(String unit) {
    return escape(unit).replace("µ", "\\mu ").replace("·", "\\cdot ");
  }

  private static String escape(String s) {
    return s.replace("\\", "\\backslash ").replace("_", "\\_").replace("%", "\\%")
        .replace("$", "\\$").replace("#", "\\#").replace("&", "\\&");
  }
}
