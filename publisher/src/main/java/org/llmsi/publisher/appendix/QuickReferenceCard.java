package org.llmsi.publisher.appendix;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.llmsi.publisher.bake.Book;
import org.llmsi.publisher.bake.HeadingAnchors;
import org.llmsi.publisher.bake.Chapter;
import org.llmsi.publisher.markdown.internal.ReaderValue;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.verifier.data.DataSets;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.model.QuickReference;
import org.llmsi.verifier.model.VerifiedGuide;
import org.llmsi.verifier.report.Location;

/**
 * The body of the quick-reference card (templates/quick-reference-body.ftl): the data tables of
 * {@code quick-reference.yaml}, then its topics, each formula typeset as its chapter shows it with
 * its one-line meaning and the unit of its result, and the rules of thumb; last, the notation of
 * those formulas from the glossary. Every figure comes
 * from a data file or a verified worked example and says which in its {@code data-from} attribute.
 */
public final class QuickReferenceCard {
  /** The card's page in the site; its PDF has the same name. */
  public static final String PAGE = "quick-reference.html";
  public static final String PDF = "quick-reference.pdf";
  public static final String TITLE = "Quick reference";
  /** Its print stylesheet in templates/, read after pdf.css. */
  public static final String PRINT_CSS = "quick-reference-pdf.css";

  private final VerifiedGuide guide;
  private final QuickReference card;
  private final Book book;
  private final MathRenderer math;
  private final Path templates;

  /** @param guide a guide that defines a card ({@link VerifiedGuide#quickReference()}) */
  public QuickReferenceCard(VerifiedGuide guide, Book book, MathRenderer math, Path templates) {
    this.guide = guide;
    this.card = guide.quickReference().orElseThrow(() -> new IllegalArgumentException("the guide defines no card"));
    this.book = book;
    this.math = math;
    this.templates = templates;
  }

  /** The display TeX of the card's formulas, to typeset before the bake with the rest. */
  public static List<String> tex(QuickReference card) {
    List<String> tex = new ArrayList<>();
    card.topics().forEach(t -> t.formulas().forEach(f -> tex.add(f.formula().tex())));
    return tex;
  }

  public String html() throws IOException {
    List<Map<String, Object>> topics = new ArrayList<>();
    for (QuickReference.Topic t : card.topics()) {
      List<Map<String, Object>> formulas = new ArrayList<>();
      for (QuickReference.FormulaLine line : t.formulas()) {
        SymbolDef result = line.formula().symbols().get(0);
        formulas.add(Map.of("id", line.formula().id(), "img", math.display(line.formula().tex()).img(""),
            "href", link(line.formula().location(), line.formula().id()), "meaning", line.meaning(),
            "unit", unit(result), "symbol", result.name()));
      }
      List<Map<String, Object>> rules = new ArrayList<>();
      for (QuickReference.Rule r : t.rules()) {
        String anchor = link(r.example().location(), guide.exampleAnchor(r.example()));
        rules.add(Map.of("value", ReaderValue.of(r.step().claimed()), "from", anchor + " " + r.step().name(), "meaning", r.meaning(),
            "href", anchor, "example", r.example().title()));
      }
      Map<String, Object> topic = new LinkedHashMap<>();
      topic.put("title", t.title());
      topic.put("id", "topic-" + t.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
      topic.put("formulas", formulas);
      topic.put("rules", rules);
      topics.add(topic);
    }
    // Every symbol of the card's formulas once, in order of first use: the card's own notation.
    Map<String, Map<String, Object>> symbols = new LinkedHashMap<>();
    for (QuickReference.Topic t : card.topics()) {
      for (QuickReference.FormulaLine line : t.formulas()) {
        for (SymbolDef s : line.formula().symbols()) {
          symbols.computeIfAbsent(s.name(), n -> Map.of("name", n, "img", math.inlineHtml(s.tex(), ""),
              "meaning", s.meaning(), "unit", ReaderValue.unit(s.unitText())));
        }
      }
    }
    List<Map<String, Object>> tables = new ArrayList<>();
    for (QuickReference.Table table : card.tables()) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (DataSets.Entity row : table.rows()) {
        List<Map<String, String>> cells = new ArrayList<>();
        for (QuickReference.Column c : table.columns()) {
          DataValue v = table.cell(row, c);
          cells.add(v == null ? Map.of() : Map.of("text", ReaderValue.of(v), "key", v.key()));
        }
        rows.add(Map.of("name", row.name(), "key", row.key(), "cells", cells));
      }
      tables.add(Map.of("caption", table.caption(),
          "columns", table.columns().stream().map(QuickReference.Column::label).toList(), "rows", rows));
    }
    Configuration freemarker = new Configuration(Configuration.VERSION_2_3_32);
    freemarker.setDirectoryForTemplateLoading(templates.toFile());
    freemarker.setDefaultEncoding("UTF-8");
    StringWriter out = new StringWriter();
    try {
      freemarker.getTemplate("quick-reference-body.ftl").process(Map.of("tables", tables, "topics", topics, "symbols", List.copyOf(symbols.values())), out);
    } catch (TemplateException e) {
      throw new IOException("templates/quick-reference-body.ftl: " + e.getMessage(), e);
    }
    return HeadingAnchors.add(out.toString());
  }

  /** The unit of a formula's result, as the card says it: a count's is "unitless" rather than nothing. */
  private static String unit(SymbolDef result) {
    String unit = ReaderValue.unit(result.unitText());
    return unit.isEmpty() ? "unitless" : unit;
  }

  /** A place in a published chapter: its page and the anchor there. */
  private String link(Location at, String anchor) {
    Chapter chapter = book.byShownFile(at.file().toString()).orElse(null);
    return chapter == null ? "" : chapter.uri() + "#" + anchor;
  }
}
