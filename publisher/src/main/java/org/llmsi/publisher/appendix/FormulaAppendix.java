package org.llmsi.publisher.appendix;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.llmsi.publisher.bake.Book;
import org.llmsi.publisher.bake.Chapter;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.model.VerifiedFormula;
import org.llmsi.verifier.model.VerifiedGuide;
import org.llmsi.verifier.report.Location;

/**
 * The body of the formula appendix, generated from the verifier's registry rather than written by
 * hand: the notation table from the glossary, then every formula with its symbols and units, the
 * chapter that defines it, the examples that use it and how it was verified.
 */
public final class FormulaAppendix {
  /** The appendix page's file name in the site. */
  public static final String PAGE = "formula-appendix.html";
  /** The page's title, in its header and in the PDF. */
  public static final String TITLE = "Formula appendix";

  private final VerifiedGuide guide;
  private final Book book;
  private final MathRenderer math;
  private final Path templates;

  public FormulaAppendix(VerifiedGuide guide, Book book, MathRenderer math, Path templates) {
    this.guide = guide;
    this.book = book;
    this.math = math;
    this.templates = templates;
  }

  /** The appendix body as HTML (templates/appendix-body.ftl), links relative to the site root. */
  public String html() throws IOException {
    List<Map<String, Object>> symbols = new ArrayList<>();
    for (SymbolDef s : guide.glossary().symbols()) {
      symbols.add(Map.of("name", s.name(), "img", math.inline(s.tex()).img(""), "meaning", s.meaning(),
          "unit", s.unitText(), "range", range(s)));
    }
    List<Map<String, Object>> formulas = new ArrayList<>();
    for (VerifiedFormula f : guide.formulas()) {
      List<Map<String, Object>> where = new ArrayList<>();
      for (SymbolDef s : f.symbols()) {
        where.add(Map.of("img", math.inline(s.tex()).img(""), "meaning", s.meaning(), "unit", s.unitText()));
      }
      formulas.add(Map.of("id", f.id(), "img", math.display(f.tex()).img(""), "symbols", where,
          "defined", place(f.location(), f.id()), "usedBy", f.usedBy().stream().map(u -> place(u, null)).toList(),
          "reference", f.reference(), "tries", String.format(Locale.ROOT, "%,d", f.tries()),
          "seed", Long.toString(f.seed())));
    }
    Configuration freemarker = new Configuration(Configuration.VERSION_2_3_32);
    freemarker.setDirectoryForTemplateLoading(templates.toFile());
    freemarker.setDefaultEncoding("UTF-8");
    StringWriter out = new StringWriter();
    try {
      freemarker.getTemplate("appendix-body.ftl").process(Map.of("symbols", symbols, "formulas", formulas), out);
    } catch (TemplateException e) {
      throw new IOException("templates/appendix-body.ftl: " + e.getMessage(), e);
    }
    return out.toString();
  }

  /** Where a formula is defined or used: its chapter's title and link, and file:line. */
  private Map<String, Object> place(Location at, String formulaId) {
    String shown = at.file().toString().replace('\\', '/');
    String label = shown.substring(shown.lastIndexOf('/') + 1) + ":" + at.line();
    Chapter chapter = book.byShownFile(shown).orElse(null);
    if (chapter == null) return Map.of("label", label);
    String fragment = formulaId != null ? formulaId : exampleAnchor(at);
    return Map.of("label", label, "href", chapter.uri() + "#" + fragment, "title", chapter.title());
  }

  /** Uses point at a step line; they link to the anchor of the example there, the nearest fence above. */
  private String exampleAnchor(Location use) {
    org.llmsi.verifier.model.VerifiedExample best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (var e : guide.examples()) {
      if (!e.location().file().equals(use.file())) continue;
      int d = use.line() - e.location().line();
      if (d >= 0 && d < bestDistance) {
        bestDistance = d;
        best = e;
      }
    }
    return best == null ? "" : guide.exampleAnchor(best);
  }

  private static String range(SymbolDef s) {
    if (s.isConstant()) return "fixed: " + s.constant() + " (" + s.source() + ")";
    if (Double.isNaN(s.low())) return "";
    return String.format(Locale.ROOT, "%s to %s%s", compact(s.low()), compact(s.high()), s.integer() ? ", whole numbers" : "");
  }

  private static String compact(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
    return String.format(Locale.ROOT, "%.3g", v).replace("e+0", "e").replace("e+", "e");
  }
}
