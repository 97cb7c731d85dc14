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
 * meaning is shown. Otherwise a reader sees the code name in words ("lc g32", "r4 b"), which the
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
        if (step.statement().label() == null && result.guide().glossary().symbol(step.name()).isEmpty()) {
          unlabelled.add(step.location().display() + ": step '" + step.name() + "' of \"" + example.title()
              + "\" would show as \"" + step.label() + "\": write " + step.name() + " \"what it is\" = …");
        }
      }
    }
    assertTrue(steps > 2000, "the guide's examples were read: " + steps + " steps");
    assertEquals(List.of(), unlabelled, () -> unlabelled.size() + " unlabelled steps:\n" + String.join("\n", unlabelled));
  }
}
