package org.llmsi.verifier.lang;

import java.util.List;
import org.llmsi.verifier.units.Unit;

/**
 * The syntax tree of a formula or example expression. Every node keeps the span of text it came
 * from (offsets into its block's text), so any later check can point at the exact columns.
 */
public sealed interface Expr {

  int start();

  int end();

  /** A numeric literal, possibly with a unit: {@code 2}, {@code 3.35e12}, {@code 989 TFLOP/s}. */
  record Num(String text, double magnitude, Unit unit, int start, int end) implements Expr {
    /** The value in base units. */
    public double baseValue() {
      return unit.toBase(magnitude);
    }
  }

  /** A symbol, an example binding, or a dotted data reference such as {@code gpus.h100_sxm.hbm_bw}. */
  record Name(String name, int start, int end) implements Expr {
    public boolean dotted() {
      return name.indexOf('.') >= 0;
    }
  }

  /** Negation (or a redundant plus). */
  record Unary(char op, Expr operand, int start, int end) implements Expr {}

  /** {@code + - * / ^}. */
  record Binary(char op, Expr left, Expr right, int start, int end) implements Expr {}

  /** Parentheses the author wrote; kept so the typeset formula reads as the source does. */
  record Group(Expr inner, int start, int end) implements Expr {}

  /** A built-in function ({@code max}, {@code ceil}, …) or, in examples, a formula called by id. */
  record Call(String function, List<Arg> args, int nameEnd, int start, int end) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** A call argument, named ({@code s = 4096}) or positional. */
  record Arg(String name, Expr value, int start) {
    public boolean named() {
      return name != null;
    }
  }
}
