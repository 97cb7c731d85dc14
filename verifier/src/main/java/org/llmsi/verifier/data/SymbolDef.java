package org.llmsi.verifier.data;

import org.llmsi.verifier.report.Location;
import org.llmsi.verifier.units.Unit;

/**
 * A symbol of the guide's one notation.
 *
 * @param name as written in formulas, e.g. {@code B_mem}
 * @param tex its typeset form, e.g. {@code B_{\text{mem}}}
 * @param meaning what it stands for, in the reader's words
 * @param unit the unit its domain and display use; values travel in base units
 * @param low lower end of the property-test domain, in {@code unit}
 * @param high upper end of the property-test domain, in {@code unit}
 * @param integer whether property tests draw whole numbers
 * @param constant a fixed value in {@code unit} (a fitted constant), or null for a free symbol
 * @param source where a constant comes from; null for free symbols
 * @param location where it is declared
 */
public record SymbolDef(
    String name,
    String tex,
    String meaning,
    Unit unit,
    double low,
    double high,
    boolean integer,
    Double constant,
    String source,
    Location location) {

  public boolean isConstant() {
    return constant != null;
  }

  /** Domains spanning two decades or more are drawn log-uniformly, so small values get tried. */
  public boolean logUniform() {
    return low > 0 && high / low >= 100;
  }

  /** The unit as shown to readers; {@code 1} for counts. */
  public String unitText() {
    return unit.text().isEmpty() ? "1" : unit.text();
  }
}
