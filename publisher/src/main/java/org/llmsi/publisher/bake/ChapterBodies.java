package org.llmsi.publisher.bake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.llmsi.publisher.markdown.ChapterRenderer;

/**
 * Every chapter's page body (its HTML and the fields the page template reads), rendered once by
 * whichever thread asks first. JBake's crawl asks for the chapters one by one on its own thread;
 * the publishing thread, which would otherwise wait for JBake, renders ahead from the other end of
 * the book ({@link #renderAhead}), so the Markdown is rendered on two cores instead of one.
 */
final class ChapterBodies {
  /** A rendered body and the fields the page template reads. */
  record Rendered(String html, Map<String, Object> model) {}

  private final Book book;
  private final ChapterRenderer renderer;
  private final String editBaseUrl;
  private final Map<String, FutureTask<Rendered>> byPath = new LinkedHashMap<>();

  ChapterBodies(Book book, ChapterRenderer renderer, String editBaseUrl) {
    this.book = book;
    this.renderer = renderer;
    this.editBaseUrl = editBaseUrl;
    for (Chapter c : book.chapters()) byPath.put(c.relativePath(), new FutureTask<>(() -> render(c)));
  }

  /**
   * The chapter's rendered body, rendering it now unless another thread has done or is doing so.
   * It is rendered from the verified page's document, whatever body JBake read.
   *
   * @throws RuntimeException the renderer's located error, when the body cannot be rendered
   */
  Rendered take(Chapter chapter) {
    FutureTask<Rendered> task = byPath.get(chapter.relativePath());
    task.run(); // returns at once when another thread has run or is running it
    Rendered rendered;
    try {
      rendered = task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while a chapter was rendered", e);
    }
    return rendered;
  }

  /**
   * Renders, on the calling thread, each chapter no thread has started yet, from the last chapter
   * back: JBake takes them from the first, so the two threads meet in the middle. A chapter that
   * cannot be rendered is reported when JBake takes it.
   */
  void renderAhead() {
    List<FutureTask<Rendered>> tasks = new ArrayList<>(byPath.values());
    Collections.reverse(tasks);
    for (FutureTask<Rendered> task : tasks) task.run();
  }

  private Rendered render(Chapter chapter) {
    return render(book, chapter, renderer, editBaseUrl);
  }

  /** A chapter's body rendered, with its template fields: for the bake here, and for the preview's refresh. */
  static Rendered render(Book book, Chapter chapter, ChapterRenderer renderer, String editBaseUrl) {
    String html = renderer.render(chapter.page(), ChapterModel.rootPath(chapter.uri()));
    return new Rendered(html, ChapterModel.of(book, chapter, html, editBaseUrl));
  }
}
