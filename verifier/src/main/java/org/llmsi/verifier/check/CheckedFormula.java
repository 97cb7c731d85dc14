package org.llmsi.verifier.check;

import java.util.List;
import java.util.Map;
import org.llmsi.verifier.check.ReferenceCatalog.BoundReference;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.lang.Equation;
import org.llmsi.verifier.source.FencedBlock;

/**
 * A formula block that parsed, names only declared symbols and is dimensionally sound; examples may
 * call it even when its property check failed (that failure is reported on its own).
 *
 * @param id its id
 * @param block where it is written
 * @param equation its syntax tree
 * @param result the left-hand side symbol
 * @param inputs its free symbols, in order of first appearance
 * @param constants fixed symbols it uses, in base units
 * @param reference the bound reference, or null when binding failed
 */
record CheckedFormula(
    String id,
    FencedBlock block,
    Equation equation,
    SymbolDef result,
    List<SymbolDef> inputs,
    Map<String, Quantity> constants,
    BoundReference reference) {}
