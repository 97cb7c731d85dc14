package org.llmsi.verifier.check;

import java.util.List;
import java.util.Map;
import org.llmsi.verifier.lang.Expr;

/**
 * A formula's right-hand side turned into a function of its inputs, for the thousand evaluations
 * of its property test: the arithmetic of {@link Evaluator} on plain doubles in base units, without
 * a scope map, quantities or dimensions per evaluation. Dimensions are a property of the text, not
 * of the values, so the one {@link Evaluator} walk that checked them before any try stays valid for
 * every try. {@code NumericFormTest} holds the two to the same bits on every formula of the guide.
 */
@FunctionalInterface
interface NumericForm {
  /** The value, in base units, for these inputs in base units (in the order given to compile). */
  double at(double[] inputs);

  /**
   * @param inputs the names of the inputs, in the order of the array {@link #at} is given
   * @param constants the formula's fixed symbols, in base units
   * @throws IllegalArgumentException for a name that is neither, or a call of a non-built-in
   *     (both rejected when the formula was checked)
   */
  static NumericForm compile(Expr e, List<String> inputs, Map<String, Quantity> constants) {
    if (e instanceof Expr.Num n) {
      double v = n.baseValue();
      return in -> v;
    }
    if (e instanceof Expr.Name n) {
      int i = inputs.indexOf(n.name()); // an input shadows a constant of the same name, as in the scope map
      if (i >= 0) return in -> in[i];
      Quantity c = constants.get(n.name());
      if (c == null) throw new IllegalArgumentException("unknown name " + n.name());
      double v = c.value();
      return in -> v;
    }
    if (e instanceof Expr.Group g) return compile(g.inner(), inputs, constants);
    if (e instanceof Expr.Unary u) {
      NumericForm operand = compile(u.operand(), inputs, constants);
      return u.op() == '-' ? in -> -operand.at(in) : operand;
    }
    if (e instanceof Expr.Binary b) {
      NumericForm l = compile(b.left(), inputs, constants);
      NumericForm r = compile(b.right(), inputs, constants);
      return switch (b.op()) {
        case '+' -> in -> l.at(in) + r.at(in);
        case '-' -> in -> l.at(in) - r.at(in);
        case '*' -> in -> l.at(in) * r.at(in);
        case '/' -> in -> l.at(in) / r.at(in);
        // A dimensioned base has a literal whole exponent, which Evaluator casts to int: the same
        // double for any exponent a formula can have.
        default -> in -> Math.pow(l.at(in), r.at(in));
      };
    }
    Expr.Call c = (Expr.Call) e;
    List<Expr.Arg> args = c.args();
    NumericForm[] parts = new NumericForm[args.size()];
    for (int i = 0; i < parts.length; i++) parts[i] = compile(args.get(i).value(), inputs, constants);
    NumericForm x = parts.length == 0 ? null : parts[0];
    return switch (c.function()) {
      case "min" -> in -> pick(parts, in, true);
      case "max" -> in -> pick(parts, in, false);
      case "ceil" -> in -> Math.ceil(x.at(in));
      case "floor" -> in -> Math.floor(x.at(in));
      case "log" -> in -> Math.log(x.at(in));
      case "log2" -> in -> Math.log(x.at(in)) / Math.log(2);
      case "exp" -> in -> Math.exp(x.at(in));
      case "sqrt" -> in -> Math.sqrt(x.at(in));
      case "abs" -> in -> Math.abs(x.at(in));
      default -> throw new IllegalArgumentException("formulas call only built-ins, not " + c.function());
    };
  }

  /** min or max as {@link Evaluator} takes them: a strictly better value wins, and a NaN always does. */
  private static double pick(NumericForm[] parts, double[] in, boolean min) {
    double acc = parts[0].at(in);
    for (int i = 1; i < parts.length; i++) {
      double q = parts[i].at(in);
      if ((min ? q < acc : q > acc) || Double.isNaN(q)) acc = q;
    }
    return acc;
  }
}
