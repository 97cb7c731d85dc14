package org.llmsi.verifier.model;

import java.util.List;
import org.llmsi.verifier.report.Location;

/**
 * A worked example whose every claim matched its re-computed value.
 *
 * @param title as written on the fence
 * @param location the fence line
 * @param steps its statements in order
 * @param node the fence in the page's parsed document, which the publisher renders
 */
public record VerifiedExample(String title, Location location, List<ExampleStep> steps,
    com.vladsch.flexmark.util.ast.Node node) {
  public VerifiedExample {
    steps = List.copyOf(steps);
  }

  public long claims() {
    return steps.stream().filter(ExampleStep::isClaim).count();
  }
}
