package org.llmsi.verifier.units;

/**
 * A unit as written in the guide: its text, its dimension and the factor that converts a value in
 * this unit to base units (so {@code GiB} has factor 2^30 and dimension of bytes).
 *
 * @param text the unit as the author wrote it, e.g. {@code TB/s}
 * @param factor multiply a value in this unit by this to get base units
 * @param dimension what the unit measures
 * @param binaryPrefixed whether a binary prefix (Ki, Mi, Gi, Ti, Pi) appears in it
 */
public record Unit(String text, double factor, Dimension dimension, boolean binaryPrefixed) {

  public static final Unit NONE = new Unit("", 1, Dimension.NONE, false);

  public double toBase(double value) {
    return value * factor;
  }

  public double fromBase(double value) {
    return value / factor;
  }
}
