package org.llmsi.verifier.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.llmsi.verifier.check.ReferenceCatalog.BoundReference;
import org.llmsi.verifier.data.DataSets;
import org.llmsi.verifier.data.Glossary;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.lang.TexWriter;
import org.llmsi.verifier.model.VerifiedExample;
import org.llmsi.verifier.model.VerifiedFormula;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.report.Location;
import org.llmsi.verifier.source.FencedBlock;
import org.llmsi.verifier.source.Page;

/**
 * Runs the checks over all pages: formulas first (an example may call a formula from any chapter),
 * then examples, then the catalog-wide rule that every reference is used.
 */
public final class GuideChecker {

  /**
   * What the checks produced.
   *
   * @param formulas verified formulas, book order
   * @param examples verified examples, book order
   * @param formulaBlocks formula blocks seen
   * @param exampleBlocks example blocks seen
   * @param tries property inputs that agreed
   * @param claims claims checked
   */
  public record Outcome(List<VerifiedFormula> formulas, List<VerifiedExample> examples,
      int formulaBlocks, int exampleBlocks, long tries, int claims) {}

  private final Glossary glossary;
  private final DataSets data;
  private final ReferenceCatalog catalog;
  private final PropertyCheck property;
  private final PropertyResults results;
  private final Function<BoundReference, Location> referenceLocation;
  private final List<Diagnostic> errors;

  public GuideChecker(Glossary glossary, DataSets data, ReferenceCatalog catalog, int tries, long seed,
      PropertyResults results, Function<BoundReference, Location> referenceLocation, List<Diagnostic> errors) {
    this.results = results;
    this.glossary = glossary;
    this.data = data;
    this.catalog = catalog;
    this.property = new PropertyCheck(tries, seed);
    this.referenceLocation = referenceLocation;
    this.errors = errors;
  }

  public Outcome check(List<Page> pages) {
    for (String problem : catalog.problems()) {
      errors.add(Diagnostic.of(Kind.REFERENCE, Location.file(java.nio.file.Path.of(catalog.name())), problem));
    }
    FormulaChecker formulas = new FormulaChecker(glossary, catalog, property, results, errors);
    int formulaBlocks = 0;
    int exampleBlocks = 0;
    java.util.Set<String> formulaIds = new java.util.TreeSet<>();
    for (Page page : pages) {
      for (FencedBlock block : page.blocks()) {
        if (block.kind().equals("formula")) {
          formulaBlocks++;
          formulaIds.add(block.argument());
          formulas.check(block);
        }
      }
    }
    formulas.runProperties();
    java.util.Set<String> failed = new java.util.HashSet<>();
    for (Page page : pages) {
      for (FencedBlock block : page.blocks()) {
        if (block.kind().equals("formula") && !formulas.formulas().containsKey(block.argument())) {
          failed.add(block.argument());
        }
      }
    }
    ExampleChecker examples = new ExampleChecker(glossary, data, formulas.formulas(), failed, errors);
    List<VerifiedExample> verifiedExamples = new ArrayList<>();
    for (Page page : pages) {
      for (FencedBlock block : page.blocks()) {
        if (block.kind().equals("example")) {
          exampleBlocks++;
          VerifiedExample e = examples.check(block);
          if (e != null) verifiedExamples.add(e);
        }
      }
    }
    LinkCheck.check(pages, formulaIds, errors);
    ProseNumbers prose = new ProseNumbers(glossary, data, examples.known(), formulas.formulas().values());
    for (Page page : pages) {
      // A page with its own errors would report its figures again as unbacked: fix those first.
      if (errors.stream().noneMatch(d -> d.location().file().equals(page.file().shownPath()))) {
        prose.check(page, errors);
      }
    }
    for (BoundReference ref : catalog.references().values()) {
      if (!formulas.formulas().containsKey(ref.id()) && !anyBlockNamed(pages, ref.id())) {
        errors.add(Diagnostic.of(Kind.REFERENCE, referenceLocation.apply(ref),
            "reference " + ref.displayName() + " is bound to formula id '" + ref.id()
                + "', but no formula block has that id",
            "help: add a ```formula " + ref.id() + " block to the chapter that explains it, "
                + "or move the class out of " + catalog.name()));
      }
    }
    return new Outcome(verified(formulas.formulas(), examples.usage()), verifiedExamples,
        formulaBlocks, exampleBlocks, formulas.tries(), examples.claims());
  }

  private static boolean anyBlockNamed(List<Page> pages, String id) {
    return pages.stream().flatMap(p -> p.blocks().stream())
        .anyMatch(b -> b.kind().equals("formula") && b.argument().equals(id));
  }

  private List<VerifiedFormula> verified(Map<String, CheckedFormula> checked, Map<String, List<Location>> usage) {
    TexWriter tex = new TexWriter(name -> glossary.symbol(name).map(SymbolDef::tex).orElse(null));
    List<VerifiedFormula> out = new ArrayList<>();
    for (CheckedFormula f : checked.values()) {
      if (f.reference() == null) continue;
      List<SymbolDef> symbols = new ArrayList<>();
      symbols.add(f.result());
      for (var n : Names.in(f.equation().rhs())) {
        glossary.symbol(n.name()).filter(s -> !symbols.contains(s)).ifPresent(symbols::add);
      }
      out.add(new VerifiedFormula(f.id(), f.block().text().strip(), tex.equation(f.equation()), symbols,
          f.block().fence(), f.reference().displayName(), property.tries(), property.seed(),
          usage.getOrDefault(f.id(), List.of())));
    }
    return out;
  }
}
