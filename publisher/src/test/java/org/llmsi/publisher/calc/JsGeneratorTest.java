package org.llmsi.publisher.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.lang.FormulaLanguage;
import org.llmsi.verifier.lang.SyntaxError;

/**
 * The JavaScript written from a formula's syntax tree, read as text. Whether it computes what the
 * Java references compute is the guide's agreement test in Chromium (CalculatorE2eTest); this
 * pins down the shapes that test relies on: grouping kept, units folded into literals, built-ins
 * mapped as the evaluator computes them.
 */
class JsGeneratorTest {
  private static final JsGenerator.Names INPUTS = new JsGenerator.Names() {
    @Override
    public String name(Expr.Name n) {
      return "v." + n.name();
    }

    @Override
    public String call(Expr.Call call, List<String> argNames, List<String> args) {
      return "F." + call.function() + "(" + String.join(",", args) + ")";
    }
  };

  private static String js(String formula) throws SyntaxError {
    return new JsGenerator().expression(FormulaLanguage.parseFormula(formula).rhs(), INPUTS);
  }

  @Test
  void everyOperatorIsParenthesisedSoTheTreesGroupingSurvives() throws SyntaxError {
    assertEquals("(v.a-(v.b-v.c))", js("x = a - (b - c)"));
    assertEquals("((v.a-v.b)-v.c)", js("x = a - b - c"));
    assertEquals("(v.a/(v.b*v.c))", js("x = a / (b * c)"));
    assertEquals("(-Math.pow(v.a,2))", js("x = -a^2"));
    assertEquals("Math.pow(v.a,Math.pow(v.b,v.c))", js("x = a^b^c"));
  }

  @Test
  void literalsCarryTheirUnitsInBaseUnits() throws SyntaxError {
    assertEquals("(v.M/80000000000)", js("x = M / (80 GB)"));
    assertEquals("(v.M/85899345920)", js("x = M / (80 GiB)"));
    assertEquals("(v.t*0.001)", js("x = t * 1 ms"));
    assertEquals("(v.p*0.5)", js("x = p * 50 %"));
  }

  @Test
  void builtInsAreComputedAsTheEvaluatorComputesThem() throws SyntaxError {
    assertEquals("Math.max(v.a,v.b,v.c)", js("x = max(a, b, c)"));
    assertEquals("(Math.log(v.n)/Math.log(2))", js("x = log2(n)"));
    assertEquals("Math.ceil((v.a/v.b))", js("x = ceil(a / b)"));
    assertEquals("F.ridge_point(v.p,v.b)", js("x = ridge_point(p, b)"));
  }

  @Test
  void numbersReadBackToTheSameDouble() {
    assertEquals("4096", JsGenerator.number(4096));
    assertEquals("1.0E20", JsGenerator.number(1e20));
    assertEquals("0.1", JsGenerator.number(0.1));
    assertEquals("(-2.5)", JsGenerator.number(-2.5));
    assertEquals("(-4096)", JsGenerator.number(-4096)); // a - -4096 would read as a decrement
    assertThrows(IllegalArgumentException.class, () -> JsGenerator.number(Double.NaN));
  }
}
