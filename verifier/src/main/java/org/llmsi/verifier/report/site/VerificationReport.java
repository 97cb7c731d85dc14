package org.llmsi.verifier.report.site;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.llmsi.verifier.Summary;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.model.ExampleStep;
import org.llmsi.verifier.model.VerifiedExample;
import org.llmsi.verifier.model.VerifiedFormula;
import org.llmsi.verifier.model.VerifiedGuide;
import org.llmsi.verifier.report.Location;
import org.llmsi.verifier.source.Page;

/**
 * Writes the verification report as Markdown for the Maven site: one section per formula (its
 * equation, reference method, property tries and seed, symbols, and the claims that use it), the
 * worked examples with every claim, and the sources of every data figure and fitted constant used.
 *
 * <p>Links go to the published guide: a chapter {@code content/02-roofline.md} is
 * {@code 02-roofline.html} there, a formula is anchored by its id and a worked example by
 * {@code example-<title slug>} ({@link org.llmsi.verifier.model.VerifiedGuide#exampleAnchor}), as the publisher renders them. Output depends only on the guide, so
 * the same commit always produces the same report.
 */
public final class VerificationReport {
  private final VerifiedGuide guide;
  private final Summary summary;
  private final org.llmsi.verifier.check.GuideChecker.Prose prose;
  private final String guideUrl;

  /** The report of a successful run. */
  public VerificationReport(org.llmsi.verifier.VerificationResult result, String guideUrl) {
    this(result.guide(), result.summary(), result.prose(), guideUrl);
  }

  /**
   * @param guide the verified guide
   * @param summary the counts of the run that verified it
   * @param prose what the prose checks found: citations and names, unused data
   * @param guideUrl where the guide is published; chapter pages are resolved against it
   */
  public VerificationReport(VerifiedGuide guide, Summary summary, org.llmsi.verifier.check.GuideChecker.Prose prose,
      String guideUrl) {
    this.guide = guide;
    this.summary = summary;
    this.prose = prose;
    this.guideUrl = guideUrl.endsWith("/") ? guideUrl : guideUrl + "/";
  }

  /** The report as a Markdown page. */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Formula verification report\n\n");
    out.append("Every formula of the [published guide](").append(guideUrl).append(") was executed and tested")
        .append(" before it was published. This page lists what the verifier checked: ")
        .append(summary.line(false)).append(".\n\n");
    out.append("A formula is property-tested against an independent Java reference method: the")
        .append(" verifier draws random inputs from the glossary's domains with the seed shown, and the")
        .append(" Markdown formula and the method must agree within a relative 1e-9 on every one. A claim")
        .append(" (`≈ value unit`) is re-computed and must round to the printed digits.\n\n");
    formulaTable(out);
    for (VerifiedFormula f : guide.formulas()) formulaSection(out, f);
    out.append("## Worked examples\n\n");
    for (VerifiedExample e : guide.examples()) exampleSection(out, e);
    proseSection(out);
    sources(out);
    return out.toString();
  }

  /**
   * Per chapter: how many prose figures were bound, the math checked as relations and the math
   * marked as notation, and every number read as a citation or a name, so a reviewer can see that
   * nothing slipped through as one. Then the data figures no chapter reads.
   */
  private void proseSection(StringBuilder out) {
    out.append("## Prose\n\n");
    out.append("Every number in prose is a figure bound to a named value, unless the rules of")
        .append(" `verifier/LANGUAGE.md` read it as a citation or part of a name; inline math is a lone")
        .append(" symbol, a relation property-tested like a formula, or notation marked as such.\n\n");
    for (org.llmsi.verifier.source.Page page : guide.pages()) {
      var notes = prose.notes().getOrDefault(page.file().shownPath(), List.of());
      long bound = page.figures().stream().filter(f -> f.ref() != null).count();
      List<org.llmsi.verifier.source.MathSpan> notation = page.prose().math().stream()
          .filter(org.llmsi.verifier.source.MathSpan::notation).toList();
      long relations = page.prose().math().stream().filter(m -> !m.notation() && !guide.tex(m.node()).equals(m.tex())).count();
      out.append("### ").append(page.title()).append("\n\n");
      out.append("`").append(page.file().shownPath().toString().replace('\\', '/')).append("`: ").append(bound)
          .append(bound == 1 ? " figure" : " figures").append(" bound, ").append(relations)
          .append(relations == 1 ? " relation" : " relations").append(" checked, ").append(notation.size())
          .append(" notation ").append(notation.size() == 1 ? "span" : "spans").append(", ").append(notes.size())
          .append(notes.size() == 1 ? " number" : " numbers").append(" read as citations or names.\n\n");
      if (!notation.isEmpty()) {
        out.append("Notation (not checked):");
        for (var m : notation) {
          out.append(" line ").append(page.file().location(m.offset(), 1).line()).append(" `$")
              .append(m.tex().replace("`", "'")).append("$`;");
        }
        out.setLength(out.length() - 1);
        out.append(".\n\n");
      }
      if (!notes.isEmpty()) {
        Map<String, List<String>> byReason = new java.util.TreeMap<>();
        for (var n : notes) {
          byReason.computeIfAbsent(n.reason(), r -> new ArrayList<>())
              .add(n.text() + " (line " + page.file().location(n.offset(), 1).line() + ")");
        }
        byReason.forEach((reason, items) -> out.append("- ").append(reason).append(": ")
            .append(cell(String.join(", ", items))).append('\n'));
        out.append('\n');
      }
    }
    out.append("### Data figures no chapter reads\n\n");
    if (prose.unusedData().isEmpty()) {
      out.append("None: every data figure is read by a worked example or a prose figure.\n\n");
    } else {
      out.append("Kept with their sources for what the guide may cite next; no page reads them now:\n\n");
      for (var v : prose.unusedData()) {
        out.append("- `").append(v.key()).append("` (`").append(v.location().display()).append("`)\n");
      }
      out.append('\n');
    }
  }

  private void formulaTable(StringBuilder out) {
    out.append("## Formulas\n\n");
    out.append("| formula | chapter | reference | property tries | seed | example lines using it |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (VerifiedFormula f : guide.formulas()) {
      out.append("| [`").append(f.id()).append("`](#").append(f.id()).append(") | ")
          .append(cell(chapterTitle(f.location()))).append(" | `").append(f.reference()).append("` | ")
          .append(String.format(Locale.ROOT, "%,d", f.tries())).append(" | ").append(f.seed()).append(" | ")
          .append(f.usedBy().size()).append(" |\n");
    }
    out.append('\n');
  }

  private void formulaSection(StringBuilder out, VerifiedFormula f) {
    out.append("### ").append(f.id()).append("\n\n");
    out.append("    ").append(f.source().strip().replace("\n", "\n    ")).append("\n\n");
    out.append("- Written at `").append(f.location().display()).append("`, in [")
        .append(chapterTitle(f.location())).append("](").append(pageUrl(f.location())).append('#').append(f.id())
        .append(").\n");
    out.append("- Reference `").append(f.reference()).append("`: ")
        .append(String.format(Locale.ROOT, "%,d", f.tries())).append(" random inputs agreed, seed ")
        .append(f.seed()).append(".\n\n");
    out.append("| symbol | meaning | unit | drawn from |\n|---|---|---|---|\n");
    for (SymbolDef s : f.symbols()) {
      String drawn = s.isConstant()
          ? "fixed: " + number(s.constant()) + " (" + s.source() + ")"
          : "[" + number(s.low()) + ", " + number(s.high()) + "]" + (s.integer() ? ", whole numbers" : "")
              + (s.logUniform() ? ", log-uniform" : "");
      out.append("| `").append(s.name()).append("` | ").append(cell(s.meaning())).append(" | ")
          .append(cell(s.unitText())).append(" | ").append(cell(drawn)).append(" |\n");
    }
    out.append('\n');
    List<ExampleStep> uses = new ArrayList<>();
    Map<ExampleStep, VerifiedExample> owner = new LinkedHashMap<>();
    for (Location at : f.usedBy()) {
      for (VerifiedExample e : guide.examples()) {
        for (ExampleStep step : e.steps()) {
          if (step.location().equals(at)) {
            uses.add(step);
            owner.put(step, e);
          }
        }
      }
    }
    if (uses.isEmpty()) {
      out.append("No worked example calls it.\n\n");
      return;
    }
    out.append("Used by:\n\n");
    for (ExampleStep step : uses) {
      VerifiedExample e = owner.get(step);
      out.append("- [").append(e.title()).append("](").append(exampleUrl(e)).append("), line ")
          .append(step.location().line()).append(": `").append(step.source().strip()).append('`');
      if (step.isClaim()) out.append(" (computed ").append(step.computed()).append(')');
      out.append('\n');
    }
    out.append('\n');
  }

  private void exampleSection(StringBuilder out, VerifiedExample e) {
    out.append("### ").append(e.title()).append("\n\n");
    out.append("`").append(e.location().display()).append("`, [on the site](").append(exampleUrl(e))
        .append("): ").append(e.claims()).append(e.claims() == 1 ? " claim" : " claims").append(".\n\n");
    out.append("| line | statement | computed | claimed |\n|---|---|---|---|\n");
    for (ExampleStep step : e.steps()) {
      out.append("| ").append(step.location().line()).append(" | `").append(cell(step.source().strip()))
          .append("` | ").append(cell(step.computed())).append(" | ")
          .append(step.isClaim() ? cell(step.claimed()) : "").append(" |\n");
    }
    out.append('\n');
  }

  /** The data figures the examples read and the fitted constants the formulas use, each with its source. */
  private void sources(StringBuilder out) {
    out.append("## Sources\n\n### Data figures used by the worked examples\n\n");
    Map<String, DataValue> figures = new TreeMap<>();
    Map<String, List<String>> usedIn = new LinkedHashMap<>();
    for (VerifiedExample e : guide.examples()) {
      for (ExampleStep step : e.steps()) {
        for (DataValue v : step.cites()) {
          figures.put(v.key(), v);
          List<String> titles = usedIn.computeIfAbsent(v.key(), k -> new ArrayList<>());
          if (!titles.contains(e.title())) titles.add(e.title());
        }
      }
    }
    if (figures.isEmpty()) {
      out.append("No worked example reads a data figure.\n\n");
    } else {
      out.append("| figure | value | source | declared at | used in |\n|---|---|---|---|---|\n");
      for (DataValue v : figures.values()) {
        out.append("| `").append(v.key()).append("` | ").append(quantity(v.value(), v.unit().text())).append(" | ").append(cell(v.source())).append(" | `")
            .append(v.location().display()).append("` | ").append(cell(String.join("; ", usedIn.get(v.key()))))
            .append(" |\n");
      }
      out.append('\n');
    }
    out.append("### Fixed constants of the glossary\n\n");
    Map<String, SymbolDef> constants = new TreeMap<>();
    for (SymbolDef s : guide.glossary().symbols()) if (s.isConstant()) constants.put(s.name(), s);
    if (constants.isEmpty()) {
      out.append("The glossary has no fixed constant.\n");
      return;
    }
    out.append("| symbol | value | source | formulas using it |\n|---|---|---|---|\n");
    for (SymbolDef s : constants.values()) {
      String users = guide.formulas().stream()
          .filter(f -> f.symbols().stream().anyMatch(x -> x.name().equals(s.name())))
          .map(f -> "`" + f.id() + "`").reduce((a, b) -> a + ", " + b).orElse("");
      out.append("| `").append(s.name()).append("` | ").append(quantity(s.constant(), s.unit().text())).append(" | ").append(cell(s.source())).append(" | ").append(users)
          .append(" |\n");
    }
  }

  private String chapterTitle(Location at) {
    return page(at).map(p -> p.title()).orElse(at.file().getFileName().toString());
  }

  private Optional<Page> page(Location at) {
    return guide.pages().stream().filter(p -> p.file().shownPath().equals(at.file())).findFirst();
  }

  /** The chapter's page on the published guide: its path under content/, with .html for .md. */
  String pageUrl(Location at) {
    String path = at.file().toString().replace('\\', '/');
    int content = path.lastIndexOf("content/");
    String page = content >= 0 ? path.substring(content + "content/".length()) : Path.of(path).getFileName().toString();
    return guideUrl + page.replaceFirst("\\.md$", ".html");
  }

  private String exampleUrl(VerifiedExample e) {
    return pageUrl(e.location()) + "#" + guide.exampleAnchor(e);
  }

  /** Shortest exact decimal, in powers of ten when very large or small: {@code 3.35}, {@code 80}, {@code 1e18}. */
  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
    BigDecimal exact = BigDecimal.valueOf(v).stripTrailingZeros();
    double size = Math.abs(v);
    if (v == 0 || (size >= 1e-4 && size < 1e7)) return exact.toPlainString();
    return exact.toString().replace("E+", "e").replace("E", "e");
  }

  /** A value and its unit, as in {@code 3.35 TB/s}; a plain number for counts. */
  private static String quantity(double value, String unit) {
    return unit.isEmpty() ? number(value) : number(value) + " " + cell(unit);
  }

  /** Text safe inside a Markdown table cell. */
  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }
}
