package org.llmsi.verifier.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {

  @Test
  void precedenceAndAssociativity() throws Exception {
    Equation eq = FormulaLanguage.parseFormula("y = a + b * c ^ d ^ e");
    Expr.Binary sum = assertInstanceOf(Expr.Binary.class, eq.rhs());
    assertEquals('+', sum.op());
    Expr.Binary product = assertInstanceOf(Expr.Binary.class, sum.right());
    assertEquals('*', product.op());
    Expr.Binary power = assertInstanceOf(Expr.Binary.class, product.right());
    assertEquals('^', power.op());
    // right-associative: c ^ (d ^ e)
    assertInstanceOf(Expr.Binary.class, power.right());
  }

  @Test
  void unaryMinusBindsLooserThanPower() throws Exception {
    Expr rhs = FormulaLanguage.parseFormula("y = -x ^ 2").rhs();
    Expr.Unary neg = assertInstanceOf(Expr.Unary.class, rhs);
    assertInstanceOf(Expr.Binary.class, neg.operand());
  }

  @Test
  void unicodeOperatorsAreTheAsciiOnes() throws Exception {
    Expr.Binary b = assertInstanceOf(Expr.Binary.class, FormulaLanguage.parseFormula("y = a × b").rhs());
    assertEquals('*', b.op());
    b = assertInstanceOf(Expr.Binary.class, FormulaLanguage.parseFormula("y = a ÷ b").rhs());
    assertEquals('/', b.op());
    b = assertInstanceOf(Expr.Binary.class, FormulaLanguage.parseFormula("y = a − b").rhs());
    assertEquals('-', b.op());
  }

  @Test
  void literalsCarryUnitsWrittenWithoutSpaces() throws Exception {
    Expr.Num n = assertInstanceOf(Expr.Num.class, FormulaLanguage.parseFormula("y = 989 TFLOP/s").rhs());
    assertEquals(989e12, n.baseValue(), 1);
    // With spaces around '/', s is the symbol, not seconds.
    Expr.Binary div = assertInstanceOf(Expr.Binary.class, FormulaLanguage.parseFormula("y = 2 B / s").rhs());
    assertInstanceOf(Expr.Name.class, div.right());
    Expr.Num exp = assertInstanceOf(Expr.Num.class, FormulaLanguage.parseFormula("y = 3.35e12").rhs());
    assertEquals(3.35e12, exp.baseValue());
  }

  @Test
  void formulaSpanningLinesIsOneEquation() throws Exception {
    Equation eq = FormulaLanguage.parseFormula("y = a\n  + b");
    assertEquals('+', assertInstanceOf(Expr.Binary.class, eq.rhs()).op());
  }

  @Test
  void exampleStatementsSplitOnLinesAndSemicolonsButNotInsideParentheses() throws Exception {
    List<Statement> st = FormulaLanguage.parseExample(
        "a = 1; b = 2 # a comment\nc = f(x = 1,\n      y = 2) ≈ 3 GB ± 2 %\nd = 4 ~= 4");
    assertEquals(4, st.size());
    assertNull(st.get(0).claim());
    Claim claim = st.get(2).claim();
    assertEquals("3 GB", claim.stated().text());
    assertEquals("2 %", claim.tolerance().text());
    Expr.Call call = assertInstanceOf(Expr.Call.class, st.get(2).binding().rhs());
    assertEquals(List.of("x", "y"), call.args().stream().map(Expr.Arg::name).toList());
  }

  @Test
  void aLabelAfterTheNameIsTheStepsDisplayNameAndCodeAfterItStillRuns() throws Exception {
    List<Statement> st = FormulaLanguage.parseExample("smem \"shared memory, # all SMs\" = 2 * x ≈ 4 # note\ny = 1");
    assertEquals("shared memory, # all SMs", st.get(0).label());
    assertEquals("smem", st.get(0).binding().name());
    assertEquals("4", st.get(0).claim().stated().text());
    assertNull(st.get(1).label());
    SyntaxError e = assertThrows(SyntaxError.class, () -> FormulaLanguage.parseFormula("y \"why\" = a"));
    assertEquals(2, e.start(), "a formula takes no label: " + e.getMessage());
  }

  @Test
  void errorsPointAtTheOffendingText() {
    SyntaxError e = assertThrows(SyntaxError.class, () -> FormulaLanguage.parseFormula("y = a + * b"));
    assertEquals(8, e.start());
    e = assertThrows(SyntaxError.class, () -> FormulaLanguage.parseFormula("y = 2L"));
    assertTrue(e.getMessage().contains("separated"));
    e = assertThrows(SyntaxError.class, () -> FormulaLanguage.parseFormula("y = a\nz = b"));
    assertTrue(e.getMessage().contains("one equation"));
    e = assertThrows(SyntaxError.class, () -> FormulaLanguage.parseFormula("y = a ≈ 3"));
    assertTrue(e.getMessage().contains("no claim"));
    e = assertThrows(SyntaxError.class, () -> FormulaLanguage.parseExample("a = 1 ≈ GB"));
    assertTrue(e.getMessage().contains("stated value"));
    e = assertThrows(SyntaxError.class, () -> FormulaLanguage.parseFormula(""));
    assertTrue(e.getMessage().contains("empty"));
  }
}
