package org.llmsi.verifier.guide;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.check.PropertyCheck;
import org.llmsi.verifier.check.Quantity;
import org.llmsi.verifier.check.ReferenceCatalog;
import org.llmsi.verifier.data.Glossary;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.lang.FormulaLanguage;
import org.llmsi.verifier.model.VerifiedFormula;

/**
 * Every formula of the guide against its reference, one JUnit test each, with a second fixed seed
 * beside the build's own: 1,000 more QuickTheories inputs per formula, so CI explores beyond the
 * inputs `verify` already tried while staying reproducible.
 */
class GuidePropertiesTest {
  static final long SECOND_SEED = 0x11A5_2026L;

  @TestFactory
  Stream<DynamicTest> everyGuideFormulaAgreesWithItsReference() {
    VerificationResult result = new Verifier(VerifyOptions.of(Path.of("../site-src"))).verify();
    assertTrue(result.ok(), () -> "the guide must verify: " + result.diagnostics());
    Glossary glossary = result.guide().glossary();
    ReferenceCatalog catalog = ReferenceCatalog.load(VerifyOptions.GUIDE_CATALOG);
    PropertyCheck property = new PropertyCheck(1000, SECOND_SEED);
    List<DynamicTest> tests = new ArrayList<>();
    for (VerifiedFormula f : result.guide().formulas()) {
      tests.add(DynamicTest.dynamicTest(f.id() + " ≡ " + f.reference(), () -> {
        var reference = catalog.references().get(f.id());
        List<SymbolDef> inputs = new ArrayList<>();
        for (String name : reference.symbols()) inputs.add(glossary.symbol(name).orElseThrow());
        Map<String, Quantity> constants = new HashMap<>();
        for (SymbolDef s : f.symbols()) {
          if (s.isConstant()) constants.put(s.name(), new Quantity(s.unit().toBase(s.constant()), s.unit().dimension()));
        }
        PropertyCheck.Failure failure =
            property.run(FormulaLanguage.parseFormula(f.source()).rhs(), inputs, constants, reference);
        assertNull(failure, () -> "seed " + SECOND_SEED + ": " + failure);
      }));
    }
    return tests.stream();
  }
}
