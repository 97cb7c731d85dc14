package org.llmsi.verifier.source;

/**
 * A number printed with a unit in a chapter's prose (outside code, math and executed blocks), such
 * as {@code 21.5 GB} or {@code 27 %}: a figure a reader takes at face value, so it must be backed
 * by a verified claim or a sourced data figure.
 *
 * @param number the digits as printed, thousands separators included ({@code 20,000})
 * @param unit the unit as printed ({@code GB}, {@code TFLOP/s}, {@code %}); {@code ×} for a ratio
 *     ("8×", "3.4 times"), empty for a bare number in scientific notation
 * @param offset where the number starts in the file
 * @param length up to the end of the unit
 */
public record ProseNumber(String number, String unit, int offset, int length) {
  /** The printed figure, as a claim would spell it. */
  public String text() {
    return unit.isEmpty() ? number : unit.equals("×") ? number + "×" : number + " " + unit;
  }
}
