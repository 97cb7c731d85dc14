package org.llmsi.verifier.lang;

/**
 * {@code name = expression}: a formula, or a binding inside an example.
 *
 * @param name the left-hand side
 * @param nameStart offset of the name in its block
 * @param nameEnd offset just past the name
 * @param rhs the right-hand side
 */
public record Equation(String name, int nameStart, int nameEnd, Expr rhs) {}
