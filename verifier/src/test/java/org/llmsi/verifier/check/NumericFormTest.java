package org.llmsi.verifier.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.lang.FormulaLanguage;
import org.llmsi.verifier.model.VerifiedFormula;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The property tests evaluate a formula through {@link NumericForm}, everything else through
 * {@link Evaluator}: the two must give the same double, bit for bit, or a property test would
 * check a different formula from the one examples use.
 */
class NumericFormTest {
  private static final long SEED = 0x5EED_2026L;

  @TestFactory
  Stream<DynamicTest> everyGuideFormulaEvaluatesToTheSameBits() {
    VerificationResult result = new Verifier(VerifyOptions.of(Path.of("../site-src"))).verify();
    assertTrue(result.ok(), () -> "the guide must verify: " + result.diagnostics());
    var glossary = result.guide().glossary();
    List<DynamicTest> tests = new ArrayList<>();
    for (VerifiedFormula f : result.guide().formulas()) {
      tests.add(DynamicTest.dynamicTest(f.id(), () -> {
        Expr rhs = FormulaLanguage.parseFormula(f.source()).rhs();
        List<SymbolDef> inputs = new ArrayList<>();
        Map<String, Quantity> constants = new HashMap<>();
        for (SymbolDef s : f.symbols().subList(1, f.symbols().size())) { // the first is the result
          if (s.isConstant()) constants.put(s.name(), new Quantity(s.unit().toBase(s.constant()), s.unit().dimension()));
          else inputs.add(glossary.symbol(s.name()).orElseThrow());
        }
        assertSameBits(rhs, inputs, constants, 300);
      }));
    }
    return tests.stream();
  }

  @Test
  void builtInsAndEdgeCasesAgree() throws Exception {
    // Each line exercises one rule of Evaluator: NaN in min/max, powers, negation, every built-in.
    for (String text : List.of(
        "y = min(a, b, 3)", "y = max(a, b - a, a / b)", "y = max(log(a - b), 1)", "y = min(2, log(a - b))",
        "y = a ^ 2 + b ^ 0.5 - (-a) ^ 3", "y = -(a - b) * 2 / (b + 1)", "y = ceil(a) + floor(b) + abs(b - a)",
        "y = log(a) + log2(b) + exp(a / b) + sqrt(a * b)", "y = 2 ^ (a / b)")) {
      Expr rhs = FormulaLanguage.parseFormula(text).rhs();
      assertSameBits(rhs, List.of(plain("a"), plain("b")), Map.of(), 500);
    }
  }

  @Test
  void anInputShadowsAConstantOfTheSameName() throws Exception {
    Expr rhs = FormulaLanguage.parseFormula("y = a * k").rhs();
    NumericForm f = NumericForm.compile(rhs, List.of("a", "k"), Map.of("k", Quantity.of(10)));
    assertEquals(6.0, f.at(new double[] {2, 3}));
    NumericForm g = NumericForm.compile(rhs, List.of("a"), Map.of("k", Quantity.of(10)));
    assertEquals(20.0, g.at(new double[] {2}));
  }

  /** Draws inputs across each symbol's domain (including its bounds) and compares bits. */
  private static void assertSameBits(Expr rhs, List<SymbolDef> inputs, Map<String, Quantity> constants, int tries) {
    List<String> names = inputs.stream().map(SymbolDef::name).toList();
    NumericForm compiled = NumericForm.compile(rhs, names, constants);
    Gen<double[]> gen = in -> {
      double[] v = new double[inputs.size()];
      for (int i = 0; i < v.length; i++) {
        SymbolDef s = inputs.get(i);
        v[i] = s.unit().toBase(SourceDSL.doubles().between(s.low(), s.high()).generate(in));
      }
      return v;
    };
    qt().withFixedSeed(SEED).withExamples(tries).forAll(gen).checkAssert(v -> {
      Map<String, Quantity> scope = new HashMap<>(constants);
      for (int i = 0; i < v.length; i++) scope.put(names.get(i), new Quantity(v[i], inputs.get(i).unit().dimension()));
      double expected;
      try {
        expected = new Evaluator(Evaluator.Scope.ofSymbols(scope)).eval(rhs).value();
      } catch (EvaluationError e) {
        throw new AssertionError(e.getMessage(), e);
      }
      double actual = compiled.at(v);
      assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
          () -> "seed " + SEED + ", inputs " + java.util.Arrays.toString(v) + ": Evaluator " + expected + ", compiled " + actual);
    });
  }

  private static SymbolDef plain(String name) {
    return new SymbolDef(name, name, name, org.llmsi.verifier.units.Unit.NONE, -5, 50, false, null, null,
        org.llmsi.verifier.report.Location.file(Path.of("test")));
  }
}
