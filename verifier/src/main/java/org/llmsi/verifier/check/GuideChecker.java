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
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.report.Location;
import org.llmsi.verifier.source.FencedBlock;
import org.llmsi.verifier.source.Page;
import org.llmsi.verifier.source.ProseNote;
import org.llmsi.verifier.source.markdown.InlineMath;
import org.llmsi.verifier.data.DataValue;

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
   * @param plots verified plots, book order
   * @param formulaBlocks formula blocks seen
   * @param exampleBlocks example blocks seen
   * @param tries property inputs that agreed
   * @param claims claims checked
   */
  public record Outcome(List<VerifiedFormula> formulas, List<VerifiedExample> examples,
      List<org.llmsi.verifier.model.VerifiedPlot> plots, int formulaBlocks, int exampleBlocks, long tries, int claims, Prose prose, int proseSkipped) {}

  /**
   * What the prose checks found.
   *
   * @param figures prose figures bound to a value that they matched
   * @param relations inline relations property-tested
   * @param notation inline math marked as notation, which no check reads
   * @param notes per page (as shown in diagnostics), the numbers treated as citations or names
   * @param typeset the TeX of each checked relation, by its node
   * @param unusedData data figures that no example step and no prose figure reads
   * @param recheck checks the prose of a page again against the same examples, data and formulas
   *     (for tests that change one figure of a verified guide)
   */
  public record Prose(int figures, int relations, int notation, Map<java.nio.file.Path, List<ProseNote>> notes,
      Map<InlineMath, String> typeset, List<DataValue> unusedData,
      java.util.function.Function<Page, List<Diagnostic>> recheck) {}

  private final Glossary glossary;
  private final DataSets data;
  private final ReferenceCatalog catalog;
  private final PropertyCheck property;
  private final PropertyResults results;
  private final Function<BoundReference, Location> referenceLocation;
  private final Diagnostics errors;

  public GuideChecker(Glossary glossary, DataSets data, ReferenceCatalog catalog, int tries, long seed,
      PropertyResults results, Function<BoundReference, Location> referenceLocation, Diagnostics errors) {
    this.results = results;
    this.glossary = glossary;
    this.data = data;
    this.catalog = catalog;
    this.property = new PropertyCheck(tries, seed);
    this.referenceLocation = referenceLocation;
    this.errors = errors;
  }

  /** Runs every check, in the order the checks need each other's results. */
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
    formulas.checkProperties();
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
    PlotChecker plotChecker = new PlotChecker(glossary, examples, errors);
    List<org.llmsi.verifier.model.VerifiedPlot> plots = new ArrayList<>();
    for (Page page : pages) {
      for (FencedBlock block : page.blocks()) {
        if (block.kind().equals("plot")) { // in page order: a plot sees the givens of the examples above it
          var plot = plotChecker.check(block);
          if (plot != null) plots.add(plot);
        }
        if (block.kind().equals("example")) {
          exampleBlocks++;
          VerifiedExample e = examples.check(block);
          if (e != null) verifiedExamples.add(e);
        }
      }
    }
    LinkCheck.check(pages, formulaIds, errors);
    ProseFigures figures = new ProseFigures(glossary, data, examples);
    InlineMathCheck maths = new InlineMathCheck(glossary, formulas.formulas(), property, results);
    Map<Page, Diagnostics> proseErrors = new java.util.LinkedHashMap<>();
    Map<java.nio.file.Path, List<ProseNote>> notes = new java.util.LinkedHashMap<>();
    int boundFigures = 0;
    for (Page page : pages) {
      if (hasErrors(page)) continue; // a page with its own errors would report its figures as unbacked
      Diagnostics own = new Diagnostics();
      notes.put(page.file().shownPath(), figures.check(page, own));
      maths.check(page, own);
      proseErrors.put(page, own);
      boundFigures += (int) page.figures().stream().filter(f -> f.ref() != null).count();
    }
    java.util.Set<String> read = new java.util.HashSet<>();
    figures.dataRead().forEach(v -> read.add(v.key()));
    verifiedExamples.forEach(e -> e.steps().forEach(st -> st.cites().forEach(v -> read.add(v.key()))));
    List<DataValue> unused = new ArrayList<>();
    data.sets().values().forEach(set -> set.values().forEach(entity -> entity.fields().values().forEach(v -> {
      if (!read.contains(v.key())) unused.add(v);
    })));
    Prose prose = new Prose(boundFigures, maths.relations(), maths.notation(), notes, maths.typeset(), unused,
        page -> {
          Diagnostics found = new Diagnostics();
          figures.check(page, found);
          new InlineMathCheck(glossary, formulas.formulas(), property, results).check(page, found);
          return found.sorted();
        });
    for (BoundReference ref : catalog.references().values()) {
      if (!formulas.formulas().containsKey(ref.id()) && !anyBlockNamed(pages, ref.id())) {
        errors.add(Diagnostic.of(Kind.REFERENCE, referenceLocation.apply(ref),
            "reference " + ref.displayName() + " is bound to formula id '" + ref.id()
                + "', but no formula block has that id",
            "help: add a ```formula " + ref.id() + " block to the chapter that explains it, "
                + "or move the class out of " + catalog.name()));
      }
    }
    // A page with errors of its own (a formula that failed its test, an example) would report its
    // figures again as unbacked: its prose errors wait until those are fixed.
    int checked = 0;
    for (Map.Entry<Page, Diagnostics> e : proseErrors.entrySet()) {
      if (hasErrors(e.getKey())) continue;
      errors.addAll(e.getValue());
      checked++;
    }
    return new Outcome(verified(formulas.formulas(), examples.usage(), examples.firstUses()), verifiedExamples, plots, formulaBlocks,
        exampleBlocks, formulas.tries(), examples.claims(), prose, pages.size() - checked);
  }

  /** Whether the page has an error that leaves values missing (a drifting given leaves none missing). */
  private boolean hasErrors(Page page) {
    return errors.any(d -> d.location().file().equals(page.file().shownPath()) && !d.message().startsWith("given '"));
  }

  private static boolean anyBlockNamed(List<Page> pages, String id) {
    return pages.stream().flatMap(p -> p.blocks().stream())
        .anyMatch(b -> b.kind().equals("formula") && b.argument().equals(id));
  }

  private List<VerifiedFormula> verified(Map<String, CheckedFormula> checked, Map<String, List<Location>> usage,
      Map<String, org.llmsi.verifier.model.FormulaUse> firstUses) {
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
          usage.getOrDefault(f.id(), List.of()), f.equation().rhs(), firstUses.get(f.id())));
    }
    return out;
  }
}
