package org.llmsi.publisher.appendix;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
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
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.model.VerifiedFormula;
import org.llmsi.verifier.model.VerifiedGuide;
import org.llmsi.verifier.report.Location;

/**
 * The body of the formula appendix, generated from the verifier's registry rather than written by
 * hand: the notation table from the glossary, then every formula grouped by the chapter and
 * section that define it (the topic a reader knows it by), with its symbols and units, the
 * sections whose worked examples use it and how it was verified.
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

  /** A section of a chapter: where a formula is defined or used. */
  record Section(Chapter chapter, String id, String title) {
    Map<String, Object> model() {
      return Map.of("href", chapter.uri() + "#" + id, "title", title);
    }
  }

  /** The appendix body as HTML (templates/appendix-body.ftl), links relative to the site root. */
  public String html() throws IOException {
    List<Map<String, Object>> symbols = new ArrayList<>();
    for (SymbolDef s : guide.glossary().symbols()) {
      symbols.add(Map.of("name", s.name(), "img", lazy(math.inlineHtml(s.tex(), "")), "meaning", s.meaning(),
          "unit", ReaderValue.unit(s.unitText()), "range", range(s)));
    }
    // chapter → section → formulas, in book order (formulas come in book order)
    Map<Chapter, Map<Section, List<Map<String, Object>>>> topics = new LinkedHashMap<>();
    for (VerifiedFormula f : guide.formulas()) {
      Section defined = section(f.location());
      if (defined == null) continue; // a formula of an unpublished page has no place to link to
      List<Map<String, Object>> where = new ArrayList<>();
      for (SymbolDef s : f.symbols()) {
        where.add(Map.of("img", lazy(math.inlineHtml(s.tex(), "")), "meaning", s.meaning(),
            "unit", ReaderValue.unit(s.unitText())));
      }
      // Many steps of one section call the same formula: each section is named once, under its chapter.
      Map<Chapter, java.util.Set<Section>> usedBy = new LinkedHashMap<>();
      for (Location use : f.usedBy()) {
        Section s = section(use);
        if (s != null) usedBy.computeIfAbsent(s.chapter(), c -> new java.util.LinkedHashSet<>()).add(s);
      }
      List<Map<String, Object>> uses = new ArrayList<>();
      // A chapter by its number: its sections follow, and full titles repeated under every formula weigh.
      usedBy.forEach((chapter, sections) -> uses.add(Map.of("chapter", "Chapter " + chapter.number(),
          "href", chapter.uri(),
          "sections", sections.stream().filter(s -> !s.id().isEmpty()).map(Section::model).toList())));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", f.id());
      entry.put("img", lazy(math.display(f.tex()).img("")));
      entry.put("symbols", where);
      entry.put("defined", Map.of("href", defined.chapter().uri() + "#" + f.id(), "chapter", defined.chapter().title(),
          "title", defined.title()));
      entry.put("usedBy", uses);
      entry.put("reference", f.reference());
      entry.put("tries", String.format(Locale.ROOT, "%,d", f.tries()));
      entry.put("seed", Long.toString(f.seed()));
      topics.computeIfAbsent(defined.chapter(), c -> new LinkedHashMap<>())
          .computeIfAbsent(defined, s -> new ArrayList<>()).add(entry);
    }
    List<Map<String, Object>> chapters = new ArrayList<>();
    topics.forEach((chapter, sections) -> {
      List<Map<String, Object>> list = new ArrayList<>();
      sections.forEach((s, formulas) -> list.add(Map.of("id", "in-" + slug(chapter) + (s.id().isEmpty() ? "" : "-" + s.id()),
          "title", s.title(), "formulas", formulas)));
      chapters.add(Map.of("id", "in-" + slug(chapter), "number", chapter.number(), "title", chapter.title(), "sections", list));
    });
    Configuration freemarker = new Configuration(Configuration.VERSION_2_3_32);
    freemarker.setDirectoryForTemplateLoading(templates.toFile());
    freemarker.setDefaultEncoding("UTF-8");
    StringWriter out = new StringWriter();
    try {
      freemarker.getTemplate("appendix-body.ftl").process(Map.of("symbols", symbols, "chapters", chapters), out);
    } catch (TemplateException e) {
      throw new IOException("templates/appendix-body.ftl: " + e.getMessage(), e);
    }
    return HeadingAnchors.add(out.toString());
  }

  /** The appendix shows some 500 math images: the browser fetches them as they scroll into view. */
  private static String lazy(String img) {
    return img.replaceFirst("<img ", "<img loading=\"lazy\" ");
  }

  private static String slug(Chapter chapter) {
    return chapter.uri().replaceFirst("\\.html$", "").replaceAll("[^A-Za-z0-9]+", "-");
  }

  /**
   * The section of a published chapter that holds a line: the last h2 above it, with the id the
   * chapter's page gives that heading; above the first h2, the chapter itself.
   */
  private Section section(Location at) {
    Chapter chapter = book.byShownFile(at.file().toString()).orElse(null);
    if (chapter == null) return null;
    var page = chapter.page();
    HeaderIdGenerator ids = headingIds.computeIfAbsent(chapter, c -> {
      HeaderIdGenerator g = new HeaderIdGenerator(page.document());
      g.generateIds(page.document());
      return g;
    });
    Heading last = null;
    for (var node : page.document().getDescendants()) {
      if (!(node instanceof Heading h) || h.getLevel() != 2) continue;
      if (page.file().location(h.getStartOffset(), 0).line() > at.line()) break;
      last = h;
    }
    return last == null ? new Section(chapter, "", chapter.title())
        : new Section(chapter, ids.getId(last), new TextCollectingVisitor().collectAndGetText(last).strip());
  }

  private final Map<Chapter, HeaderIdGenerator> headingIds = new java.util.HashMap<>();

  private static String range(SymbolDef s) {
    if (s.isConstant()) return "fixed: " + ReaderValue.of(s.constant()) + " (" + s.source() + ")";
    if (Double.isNaN(s.low())) return "";
    return ReaderValue.of(compact(s.low())) + " to " + ReaderValue.of(compact(s.high())) + (s.integer() ? ", whole numbers" : "");
  }

  /** Three digits, as the code writes them: {@code 1.00e9}, {@code 0.00100}, {@code 100000}. */
  private static String compact(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
    return String.format(Locale.ROOT, "%.3g", v).replace("e+0", "e").replace("e+", "e");
  }
}
