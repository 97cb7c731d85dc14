package org.llmsi.verifier.check;

import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.units.Dimension;

/**
 * Evaluates an expression to a {@link Quantity}, checking dimensions at every operator: sums and
 * comparisons need equal dimensions, transcendental functions need plain numbers, and a power of a
 * dimensioned base needs a literal whole exponent. It checks a formula's dimensions and computes
 * every example, and evaluates a formula on each try of its property test.
 */
public final class Evaluator {

  /** Supplies the value of a name, and evaluates calls of formulas by id (in examples). */
  public interface Scope {
    Quantity name(Expr.Name name) throws EvaluationError;

    /** Evaluates a call that is not a built-in; formulas only allow built-ins. */
    Quantity call(Expr.Call call, Evaluator evaluator) throws EvaluationError;

    /** The scope of a formula's right-hand side: symbol values, and built-in functions only. */
    static Scope ofSymbols(java.util.Map<String, Quantity> values) {
      return new Scope() {
        @Override
        public Quantity name(Expr.Name name) {
          return values.get(name.name());
        }

        @Override
        public Quantity call(Expr.Call call, Evaluator evaluator) {
          throw new IllegalStateException("formulas call only built-ins; checked when the formula was read");
        }
      };
    }
  }

  private final Scope scope;

  public Evaluator(Scope scope) {
    this.scope = scope;
  }

  public Quantity eval(Expr e) throws EvaluationError {
    if (e instanceof Expr.Num n) return new Quantity(n.baseValue(), n.unit().dimension());
    if (e instanceof Expr.Name n) return scope.name(n);
    if (e instanceof Expr.Group g) return eval(g.inner());
    if (e instanceof Expr.Unary u) {
      Quantity q = eval(u.operand());
      return u.op() == '-' ? new Quantity(-q.value(), q.dimension()) : q;
    }
    if (e instanceof Expr.Binary b) return binary(b);
    return call((Expr.Call) e);
  }

  private Quantity binary(Expr.Binary b) throws EvaluationError {
    Quantity l = eval(b.left());
    if (b.op() == '^') return power(b, l);
    Quantity r = eval(b.right());
    switch (b.op()) {
      case '+', '-' -> {
        if (!l.dimension().equals(r.dimension())) {
          throw new EvaluationError(Kind.UNITS, "cannot " + (b.op() == '+' ? "add " : "subtract ")
              + r.dimension() + (b.op() == '+' ? " to " : " from ") + l.dimension(), b,
              "left side: " + l.dimension() + ", right side: " + r.dimension());
        }
        return new Quantity(b.op() == '+' ? l.value() + r.value() : l.value() - r.value(), l.dimension());
      }
      case '*' -> {
        return new Quantity(l.value() * r.value(), l.dimension().times(r.dimension()));
      }
      default -> {
        return new Quantity(l.value() / r.value(), l.dimension().over(r.dimension()));
      }
    }
  }

  private Quantity power(Expr.Binary b, Quantity base) throws EvaluationError {
    Quantity exp = eval(b.right());
    if (!exp.dimension().isNone()) {
      throw new EvaluationError(Kind.UNITS, "an exponent must be a plain number, not " + exp.dimension(), b.right());
    }
    if (base.dimension().isNone()) {
      return Quantity.of(Math.pow(base.value(), exp.value()));
    }
    Expr literal = b.right() instanceof Expr.Group g ? g.inner() : b.right();
    boolean constant = literal instanceof Expr.Num
        || literal instanceof Expr.Unary u && u.operand() instanceof Expr.Num;
    if (!constant || exp.value() != Math.rint(exp.value())) {
      throw new EvaluationError(Kind.UNITS, "a quantity in " + base.dimension()
          + " can only be raised to a literal whole power", b.right());
    }
    int n = (int) exp.value();
    return new Quantity(Math.pow(base.value(), n), base.dimension().pow(n));
  }

  private Quantity call(Expr.Call c) throws EvaluationError {
    switch (c.function()) {
      case "min", "max" -> {
        if (c.args().size() < 2) {
          throw new EvaluationError(Kind.SYNTAX, c.function() + " takes two or more arguments", c);
        }
        Quantity acc = null;
        for (Expr.Arg a : c.args()) {
          rejectNamed(c, a);
          Quantity q = eval(a.value());
          if (acc != null && !acc.dimension().equals(q.dimension())) {
            throw new EvaluationError(Kind.UNITS, c.function() + " compares " + acc.dimension()
                + " with " + q.dimension(), a.value());
          }
          if (acc == null || (c.function().equals("min") ? q.value() < acc.value() : q.value() > acc.value())
              || Double.isNaN(q.value())) {
            acc = q;
          }
        }
        return acc;
      }
      case "ceil", "floor", "log", "log2", "exp" -> {
        Quantity q = single(c);
        if (!q.dimension().isNone()) {
          throw new EvaluationError(Kind.UNITS, c.function() + " needs a plain number, not "
              + q.dimension(), c.args().get(0).value(),
              "divide by a unit first, e.g. " + c.function() + "(x / (1 B))");
        }
        double v = q.value();
        return Quantity.of(switch (c.function()) {
          case "ceil" -> Math.ceil(v);
          case "floor" -> Math.floor(v);
          case "log" -> Math.log(v);
          case "log2" -> Math.log(v) / Math.log(2);
          default -> Math.exp(v);
        });
      }
      case "sqrt" -> {
        Quantity q = single(c);
        Dimension root = q.dimension().sqrt();
        if (root == null) {
          throw new EvaluationError(Kind.UNITS, "the square root of " + q.dimension() + " has no unit",
              c.args().get(0).value());
        }
        return new Quantity(Math.sqrt(q.value()), root);
      }
      case "abs" -> {
        Quantity q = single(c);
        return new Quantity(Math.abs(q.value()), q.dimension());
      }
      default -> {
        return scope.call(c, this);
      }
    }
  }

  private Quantity single(Expr.Call c) throws EvaluationError {
    if (c.args().size() != 1) {
      throw new EvaluationError(Kind.SYNTAX, c.function() + " takes one argument, got " + c.args().size(), c);
    }
    rejectNamed(c, c.args().get(0));
    return eval(c.args().get(0).value());
  }

  private static void rejectNamed(Expr.Call c, Expr.Arg a) throws EvaluationError {
    if (a.named()) {
      throw new EvaluationError(Kind.SYNTAX, "built-in " + c.function() + " takes no named arguments",
          a.start(), a.value().end());
    }
  }
}
