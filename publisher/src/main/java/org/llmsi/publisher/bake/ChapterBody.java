package org.llmsi.publisher.bake;

import java.util.Map;
import org.llmsi.publisher.markdown.ChapterRenderer;

/**
 * A chapter's rendered body and the fields its page template reads (book order, previous/next, the
 * table of contents, the "edit this page" link), for JBake's bake and for the preview's refresh.
 */
record ChapterBody(String html, Map<String, Object> model) {
  static ChapterBody of(Book book, Chapter chapter, ChapterRenderer renderer, String editBaseUrl) {
    String html = renderer.render(chapter.page(), ChapterModel.rootPath(chapter.uri()));
    return new ChapterBody(html, ChapterModel.of(book, chapter, html, editBaseUrl));
  }
}
