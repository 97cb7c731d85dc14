package org.llmsi.verifier.model;

import java.util.List;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.report.Location;

/**
 * A formula that passed every check, with what a reader and the appendix need to show.
 *
 * @param id the formula's id (its anchor)
 * @param source the equation as written in the Markdown
 * @param tex the same equation typeset
 * @param symbols the symbols it uses, left-hand side first, then in order of appearance
 * @param location the formula block in its chapter
 * @param reference the Java method it was tested against, e.g. {@code Roofline.ridgePoint}
 * @param tries how many random inputs agreed with the reference
 * @param seed the seed those inputs were drawn with
 * @param usedBy the example steps that call it
 * @param rhs the right-hand side's syntax tree, from which the site's calculators are generated
 * @param firstUse the inputs of the first example step that calls it, or null when none does
 */
public record VerifiedFormula(
    String id,
    String source,
    String tex,
    List<SymbolDef> symbols,
    Location location,
    String reference,
    int tries,
    long seed,
    List<Location> usedBy,
    org.llmsi.verifier.lang.Expr rhs,
    FormulaUse firstUse) {
  public VerifiedFormula {
    symbols = List.copyOf(symbols);
    usedBy = List.copyOf(usedBy);
  }
}
