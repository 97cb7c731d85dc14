package org.llmsi.verifier.check;

import org.llmsi.verifier.units.Dimension;

/**
 * A value in base units with its dimension.
 *
 * @param value in base units (bytes, bits, FLOP, seconds, USD)
 * @param dimension what it measures
 */
public record Quantity(double value, Dimension dimension) {
  public static Quantity of(double value) {
    return new Quantity(value, Dimension.NONE);
  }
}
