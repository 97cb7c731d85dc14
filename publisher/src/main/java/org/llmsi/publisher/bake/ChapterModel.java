package org.llmsi.publisher.bake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * What a chapter's page template needs beyond JBake's own fields: book order, chapter number,
 * the chapter list, the page's table of contents, its "edit this page" link and previous/next.
 * Computed in one place for the JBake bake ({@link GuideMarkdownEngine}) and the preview's refresh
 * ({@link PageRenderer}), so both give the template the same model.
 */
final class ChapterModel {
  private ChapterModel() {}

  static Map<String, Object> of(Book book, Chapter chapter, String bodyHtml, String editBaseUrl) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("book_order", String.format("%04d", chapter.number()));
    model.put("chapter_number", String.valueOf(chapter.number()));
    // JBake puts the header's description into the model too; the preview's refresh needs it from here.
    model.put("description", chapter.page().header().getOrDefault("description", ""));
    model.put("toc", tableOfContents(bodyHtml));
    model.put("edit_url", editBaseUrl + chapter.relativePath());
    model.put("chapters", chapterList(book));
    // Its calculators' script (written by CalcScripts after the bake), for a page with formulas or examples.
    if (org.llmsi.publisher.calc.CalcScripts.hasScript(chapter)) {
      model.put("calc_script", org.llmsi.publisher.calc.CalcScripts.scriptFor(chapter.uri()));
    }
    book.previous(chapter).ifPresent(p -> {
      model.put("prev_uri", p.uri());
      model.put("prev_title", p.title());
    });
    book.next(chapter).ifPresent(n -> {
      model.put("next_uri", n.uri());
      model.put("next_title", n.title());
    });
    return model;
  }

  /**
   * Every chapter's uri and title in book order, for the chapter list on each page. The template
   * could ask JBake for {@code published_pages} instead, but JBake answers that with a database
   * query that reads every page, bodies included, once for each page it renders.
   */
  static List<Map<String, String>> chapterList(Book book) {
    List<Map<String, String>> chapters = new ArrayList<>();
    for (Chapter c : book.chapters()) chapters.add(Map.of("uri", c.uri(), "title", c.title()));
    return List.copyOf(chapters);
  }

  /** The title of a chapter's verification record (record.ftl). */
  static String recordTitle(Chapter chapter) {
    return "Verification record: " + chapter.title();
  }

  /** The way from a page to the site root: {@code ""} at the root, {@code "../"} one folder down. */
  static String rootPath(String uri) {
    return "../".repeat(uri.split("/").length - 1);
  }

  /** An h2 element of the body, from its start tag to its end tag. */
  private static final Pattern H2 = Pattern.compile("(?is)<h2[\\s>].*?</h2\\s*>");

  /** The body's h2 headings that have an id, as id and text, for "On this page". Only the headings are parsed. */
  private static List<Map<String, String>> tableOfContents(String html) {
    List<Map<String, String>> out = new ArrayList<>();
    Matcher m = H2.matcher(html);
    while (m.find()) {
      Element h = Jsoup.parseBodyFragment(m.group()).selectFirst("h2[id]");
      if (h != null) out.add(Map.of("id", h.id(), "text", h.text()));
    }
    return List.copyOf(out);
  }
}
