package org.llmsi.verifier.lang;

import java.util.Set;

/**
 * A relation stated in prose math, {@code lhs op rhs}: an identity or an inequality that holds for
 * every value of its symbols in the glossary's domains.
 *
 * @param op one of {@code = < > ≤ ≥}
 * @param opStart offset of the operator in the math's text
 */
public record Relation(Expr lhs, String op, Expr rhs, int opStart) {
  public static final Set<String> OPERATORS = Set.of("=", "<", ">", "≤", "≥");

  /** Whether the relation holds between two values (for {@code =}, within a relative 1e-9). */
  public boolean holds(double left, double right) {
    return switch (op) {
      case "=" -> Math.abs(left - right) <= 1e-9 * Math.max(Math.abs(left), Math.abs(right));
      case "<" -> left < right;
      case ">" -> left > right;
      case "≤" -> left <= right * (1 + 1e-12);
      default -> left >= right * (1 - 1e-12);
    };
  }
}
