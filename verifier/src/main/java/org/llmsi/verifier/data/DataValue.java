package org.llmsi.verifier.data;

import org.llmsi.verifier.report.Location;
import org.llmsi.verifier.units.Unit;

/**
 * One sourced figure of a model or an accelerator.
 *
 * @param key full dotted key, e.g. {@code gpus.h100_sxm.hbm_bw}
 * @param value as written, in {@code unit}
 * @param unit the unit it was written in
 * @param source the primary source it was read from
 * @param location where it is declared
 */
public record DataValue(String key, double value, Unit unit, String source, Location location) {
  public double baseValue() {
    return unit.toBase(value);
  }
}
