package org.llmsi.verifier.source;

/**
 * A figure in a chapter's prose: a number a reader takes at face value ({@code 21.5 GB},
 * {@code 27 %}, {@code 8×}, {@code 16 GPUs}, "one operation per byte"), with the value it is bound
 * to by a {@code {name}} written right after it.
 *
 * @param number the number as printed: digits with their separators ({@code 20,000}), or a
 *     number word ({@code one})
 * @param magnitude the number's value in its printed unit
 * @param unit the unit as a claim would spell it ({@code GB}, {@code FLOP/B}, {@code %}); {@code ×}
 *     for a ratio; empty for a count or a bare number
 * @param word a count's noun as printed ({@code GPUs}), for messages; empty otherwise
 * @param offset where the number starts in the file
 * @param length up to the end of its unit
 * @param ref the name in the braces after it, or null when it is unbound
 */
public record ProseFigure(String number, double magnitude, String unit, String word, int offset, int length,
    String ref) {
  /** The printed figure, as a claim would spell it. */
  public String text() {
    if (unit.equals("×")) return number + "×";
    if (!unit.isEmpty()) return number + " " + unit;
    return word.isEmpty() ? number : number + " " + word;
  }

  /** Whether the number is written with digits (a number word cannot be mutated digit by digit). */
  public boolean digits() {
    return Character.isDigit(number.charAt(0));
  }
}
