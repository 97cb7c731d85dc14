package org.llmsi.verifier.model;

import java.util.List;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.report.Location;

/**
 * One line of a worked example after it was re-computed.
 *
 * @param location the line in the chapter
 * @param source the statement as written
 * @param name the bound name, as the code reads it
 * @param label the name a reader sees: the example's label for it, else the glossary's meaning of
 *     the name, else the name in words ({@code h100 smem})
 * @param expression the right-hand side as written: the code that was run to compute the value
 * @param computed the computed value, formatted (in the claim's unit and precision for claims)
 * @param claimed the stated value as printed (e.g. {@code 1.34 GB}), or null for a plain binding
 * @param cites the sourced data figures this step read, so the page can cite them where they are used
 * @param given whether the step only states a given (a literal such as {@code 2.5 USD/h}, or a
 *     model or accelerator alias): its value says all there is, with nothing computed to show
 * @param statement the parsed step (binding and claim), from which the drills' what-if is generated
 */
public record ExampleStep(
    Location location, String source, String name, String label, String expression, String computed, String claimed,
    List<DataValue> cites, boolean given, org.llmsi.verifier.lang.Statement statement) {
  public ExampleStep {
    cites = List.copyOf(cites);
  }

  public boolean isClaim() {
    return claimed != null;
  }
}
