package org.llmsi.publisher.calc;

import java.util.ArrayList;
import java.util.List;
import org.llmsi.verifier.lang.Expr;

/**
 * Writes a JavaScript expression from a formula's syntax tree, with the semantics of the verifier's
 * {@code Evaluator}: values in base units (a literal's unit is folded into its number), {@code ^} as
 * {@code Math.pow}, {@code log2(x)} as {@code log(x) / log(2)}, {@code min} and {@code max} giving
 * NaN when any argument is NaN. Units were checked by the verifier, so the code computes numbers
 * only. Names are resolved by the caller ({@link Names}), since a formula reads its inputs and an
 * example step reads the page's bindings, data figures and other formulas.
 *
 * <p>The agreement test in the guide module runs what this writes against the Java references, and
 * overrides {@link #binary} and {@link #function} to show that a wrong generator fails it.
 */
public class JsGenerator {

  /** How the generated code reads a name and calls a formula by id. */
  public interface Names {
    String name(Expr.Name name);

    /** A call of a formula by id (examples only; formulas call built-ins alone). */
    String call(Expr.Call call, List<String> argNames, List<String> args);
  }

  /** The JavaScript expression that computes {@code e}; names are read through {@code names}. */
  public final String expression(Expr e, Names names) {
    if (e instanceof Expr.Num n) return number(n.baseValue());
    if (e instanceof Expr.Name n) return names.name(n);
    if (e instanceof Expr.Group g) return expression(g.inner(), names);
    if (e instanceof Expr.Unary u) {
      String operand = expression(u.operand(), names);
      return u.op() == '-' ? "(-" + operand + ")" : operand;
    }
    if (e instanceof Expr.Binary b) return binary(b.op(), expression(b.left(), names), expression(b.right(), names));
    Expr.Call c = (Expr.Call) e;
    List<String> args = new ArrayList<>();
    List<String> argNames = new ArrayList<>();
    for (Expr.Arg a : c.args()) {
      args.add(expression(a.value(), names));
      argNames.add(a.name());
    }
    String builtIn = function(c.function(), args);
    return builtIn != null ? builtIn : names.call(c, argNames, args);
  }

  /** {@code + - * / ^} on two generated operands. */
  protected String binary(char op, String left, String right) {
    return switch (op) {
      case '+', '-', '*', '/' -> "(" + left + op + right + ")";
      case '^' -> "Math.pow(" + left + "," + right + ")";
      default -> throw new IllegalArgumentException("unknown operator " + op);
    };
  }

  /** A built-in function of the formula language, or null for a call of a formula by id. */
  protected String function(String name, List<String> args) {
    return switch (name) {
      // Math.min and Math.max give NaN when any argument is NaN, as the evaluator does.
      case "min", "max" -> "Math." + name + "(" + String.join(",", args) + ")";
      case "ceil", "floor", "exp", "sqrt", "abs" -> "Math." + name + "(" + args.get(0) + ")";
      case "log" -> "Math.log(" + args.get(0) + ")";
      // Not Math.log2: the evaluator divides natural logarithms, and the two can differ in the last bit.
      case "log2" -> "(Math.log(" + args.get(0) + ")/Math.log(2))";
      default -> null;
    };
  }

  /**
   * A number as JavaScript reads it back to the same double: Java's round-trip decimal
   * ({@code 1.0E20} is valid JavaScript), or a whole number without its {@code .0}.
   */
  public static String number(double v) {
    if (!Double.isFinite(v)) throw new IllegalArgumentException("not a finite number: " + v);
    String s = v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0) ? Long.toString((long) v) : Double.toString(v);
    // Parenthesised when negative: "a - -2" would read as a decrement, "a--2".
    return s.startsWith("-") ? "(" + s + ")" : s;
  }
}
