package org.llmsi.verifier.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.model.ExampleStep;
import org.llmsi.verifier.model.VerifiedExample;

/**
 * Every row of the guide's worked examples reads as a textbook prints it: a step either carries a
 * label ({@code h100_smem "shared memory, all SMs, H100" = …}) or is a glossary symbol, whose
 * meaning is shown (not for an alias of a model or accelerator record, whose row is the record, not
 * the quantity a symbol of that name means). Otherwise a reader sees the code name in words ("lc g32", "r4 b"), which the
 * language allows for fixtures and drafts but the published guide does not.
 */
class GuideExampleLabelsTest {
  @Test
  void everyStepOfTheGuideShowsALabelOrAGlossaryMeaning() {
    VerificationResult result = new Verifier(VerifyOptions.of(Path.of("../site-src"))).verify();
    assertTrue(result.ok(), () -> "the guide must verify: " + result.diagnostics());
    List<String> unlabelled = new ArrayList<>();
    int steps = 0;
    for (VerifiedExample example : result.guide().examples()) {
      for (ExampleStep step : example.steps()) {
        steps++;
        // An alias of a model or accelerator named like a glossary symbol (m, the rows of a matrix
        // product) would show that symbol's meaning, which is a quantity's, not the record's.
        boolean alias = step.given() && step.statement().binding().rhs() instanceof org.llmsi.verifier.lang.Expr.Name;
        if (step.statement().label() == null && (alias || result.guide().glossary().symbol(step.name()).isEmpty())) {
          unlabelled.add(step.location().display() + ": step '" + step.name() + "' of \"" + example.title()
              + "\" would show as \"" + step.label() + "\": write " + step.name() + " \"what it is\" = …");
        }
      }
    }
    assertTrue(steps > 2000, "the guide's examples were read: " + steps + " steps");
    assertEquals(List.of(), unlabelled, () -> unlabelled.size() + " unlabelled steps:\n" + String.join("\n", unlabelled));
  }
}
