package org.llmsi.verifier.model;

import java.util.Map;
import org.llmsi.verifier.report.Location;

/**
 * The inputs a formula received where an example first calls it: what a calculator starts from.
 *
 * @param step the example step
 * @param values each input symbol's value, in base units (constants left out)
 * @param dataKeys for inputs read straight from a data figure, its key ({@code gpus.h100_sxm.hbm_bw}),
 *     so a calculator can offer the other entries of that data set
 */
public record FormulaUse(Location step, Map<String, Double> values, Map<String, String> dataKeys) {
  public FormulaUse {
    values = Map.copyOf(values);
    dataKeys = Map.copyOf(dataKeys);
  }
}
