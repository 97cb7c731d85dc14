package org.llmsi.publisher.bake;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmsi.publisher.appendix.FormulaAppendix;
import org.llmsi.publisher.appendix.QuickReferenceCard;
import org.llmsi.publisher.markdown.ChapterRenderer;

/**
 * Renders single pages through the guide's templates the way JBake renders them, without a JBake
 * bake: the live preview uses it to refresh only the chapter that was edited (and the generated
 * appendix), where a bake would start a database and render every page.
 *
 * <p>FreeMarker is configured as jbake-core 2.7.0 configures it, and the model holds the fields the
 * templates read, as JBake provides them: {@code content} (the page's header fields, body, uri,
 * rootpath and {@link ChapterModel}), {@code config} (keys with dots as underscores) and
 * {@code published_pages}. {@code PreviewRefreshTest} holds a site refreshed with it to byte
 * equality with a full bake.
 */
public final class PageRenderer {
  private final SiteSettings settings;
  private final Book book;
  private final boolean withPdfs;
  private final boolean withCard;
  private final Configuration freemarker;

  /** @param withCard whether the site has a quick-reference card, which every page links to */
  public PageRenderer(SiteSettings settings, Book book, boolean withPdfs, boolean withCard) throws IOException {
    this.settings = settings;
    this.book = book;
    this.withPdfs = withPdfs;
    this.withCard = withCard;
    this.freemarker = new Configuration(Configuration.DEFAULT_INCOMPATIBLE_IMPROVEMENTS);
    freemarker.setDefaultEncoding("UTF-8");
    freemarker.setOutputEncoding("UTF-8");
    freemarker.setDirectoryForTemplateLoading(settings.templates().toFile());
  }

  /** A chapter's page: its verified document rendered, in page.ftl. */
  public String chapter(Chapter chapter, ChapterRenderer renderer) throws IOException {
    ChapterBody rendered = ChapterBody.of(book, chapter, renderer, settings.editBaseUrl());
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("title", chapter.title());
    content.put("uri", chapter.uri());
    content.put("rootpath", ChapterModel.rootPath(chapter.uri()));
    content.put("body", rendered.html());
    content.putAll(rendered.model());
    return render("page.ftl", content);
  }

  /**
   * A chapter's verification record, in record.ftl, as the bake writes it ({@code SiteBaker}), or
   * null for a chapter that has none (no example, no cited figure).
   */
  public String record(Chapter chapter, ChapterRenderer renderer) throws IOException {
    String root = ChapterModel.rootPath(chapter.uri());
    String body = renderer.renderRecord(chapter.page(), root);
    if (body.isBlank()) return null;
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("title", ChapterModel.recordTitle(chapter));
    content.put("uri", org.llmsi.publisher.markdown.GuideBlocksExtension.recordUri(chapter.uri()));
    content.put("rootpath", root);
    content.put("chapter_uri", chapter.uri());
    content.put("chapter_title", chapter.title());
    content.put("body", body);
    return render("record.ftl", content);
  }

  /** The formula appendix page, in appendix.ftl. */
  public String appendix(FormulaAppendix appendix) throws IOException {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("title", FormulaAppendix.TITLE);
    content.put("uri", FormulaAppendix.PAGE);
    content.put("rootpath", "");
    content.put("body", appendix.html());
    return render("appendix.ftl", content);
  }

  /** The quick-reference card's page, in quick-reference.ftl. */
  public String card(QuickReferenceCard card) throws IOException {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("title", QuickReferenceCard.TITLE);
    content.put("uri", QuickReferenceCard.PAGE);
    content.put("rootpath", "");
    content.put("body", card.html());
    return render("quick-reference.ftl", content);
  }

  private String render(String template, Map<String, Object> content) throws IOException {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("site_title", settings.title());
    config.put("site_description", settings.description());
    if (!settings.baseUrl().isEmpty()) config.put("site_url", settings.baseUrl());
    config.put("guide_pdfs", String.valueOf(withPdfs));
    config.put("guide_card", String.valueOf(withCard));
    config.put("guide_version", settings.version());
    List<Map<String, Object>> pages = new ArrayList<>();
    for (Chapter c : book.chapters()) {
      pages.add(Map.of("uri", c.uri(), "title", c.title(), "book_order", String.format("%04d", c.number())));
    }
    Map<String, Object> model = Map.of("content", content, "config", config, "published_pages", pages);
    StringWriter out = new StringWriter();
    try {
      Template t = freemarker.getTemplate(template);
      t.process(model, out);
    } catch (TemplateException e) {
      throw new IOException("templates/" + template + ": " + e.getMessageWithoutStackTop(), e);
    }
    return out.toString();
  }
}
