package org.llmsi.verifier.lang;

import java.util.List;

/** Entry points of the formula language's parser. */
public final class FormulaLanguage {
  private FormulaLanguage() {}

  /** Parses the text of a {@code formula} block: one {@code name = expression}. */
  public static Equation parseFormula(String text) throws SyntaxError {
    return Parser.equation(text);
  }

  /** Parses the text of an {@code example} block: bindings and claims, one per line or {@code ;}. */
  public static List<Statement> parseExample(String text) throws SyntaxError {
    return Parser.statements(text);
  }

  /** Parses inline math written in the formula language: one relation, such as {@code I_ridge = P_peak / B_mem}. */
  public static Relation parseRelation(String text) throws SyntaxError {
    return Parser.relation(text);
  }

  /** Parses one expression, such as a plot's series {@code kv_cache_bytes(b = 1)}. */
  public static Expr parseExpression(String text) throws SyntaxError {
    return Parser.expression(text);
  }

  /** Names of the built-in functions; a formula id may not shadow one. */
  public static final List<String> BUILTINS =
      List.of("min", "max", "ceil", "floor", "log", "log2", "exp", "sqrt", "abs");
}
