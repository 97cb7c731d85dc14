package org.llmsi.verifier.model;

import org.llmsi.verifier.report.Location;

/**
 * One line of a worked example after it was re-computed.
 *
 * @param location the line in the chapter
 * @param source the statement as written
 * @param name the bound name
 * @param tex the right-hand side typeset
 * @param computed the computed value, formatted (in the claim's unit and precision for claims)
 * @param claimed the stated value as printed (e.g. {@code 1.34 GB}), or null for a plain binding
 */
public record ExampleStep(
    Location location, String source, String name, String tex, String computed, String claimed) {
  public boolean isClaim() {
    return claimed != null;
  }
}
