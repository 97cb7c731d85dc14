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
  /** A rendered body and the Markdown it was rendered from. */
  record Rendered(String markdown, int firstLine, String html, Map<String, Object> model) {}

  /**
   * A chapter file's body as JBake hands it to a Markdown engine: each line after the header's
   * {@code ~~~~~~} line, ended by {@code \n} (JBake reads lines as a BufferedReader does).
   *
   * @param firstLine the file line of the body's first line, so that locations count from the top
   */
  record Body(String markdown, int firstLine) {
    static Body of(String fileText) {
      List<String> lines = fileText.lines().toList();
      int separator = 0;
      while (separator < lines.size() && !lines.get(separator).strip().equals("~~~~~~")) separator++;
      if (separator == lines.size()) return new Body(fileText, 1); // no header: JBake drops the file
      StringBuilder markdown = new StringBuilder();
      for (String line : lines.subList(separator + 1, lines.size())) markdown.append(line).append('\n');
      return new Body(markdown.toString(), separator + 2);
    }
  }

  private final Book book;
  private final ChapterRenderer renderer;
  private final String editBaseUrl;
  private final Map<String, FutureTask<Rendered>> byPath = new LinkedHashMap<>();

  /** @param verifiedTexts each chapter's file text as verified, by source ({@link Book#verifiedTexts}) */
  ChapterBodies(Book book, ChapterRenderer renderer, String editBaseUrl, Map<Path, String> verifiedTexts) {
    this.book = book;
    this.renderer = renderer;
    this.editBaseUrl = editBaseUrl;
    for (Chapter c : book.chapters()) {
      Body body = Body.of(verifiedTexts.get(c.source()));
      byPath.put(c.relativePath(), new FutureTask<>(() -> render(c, body)));
    }
  }

  /**
   * The chapter's rendered body, rendering it now unless another thread has done or is doing so.
   *
   * @param jbakeBody the body JBake read from the staged copy of the same file; should it ever
   *     differ from the one rendered ahead, it is rendered again as JBake read it
   * @throws RuntimeException the renderer's located error, when the body cannot be rendered
   */
  Rendered take(Chapter chapter, String jbakeBody) {
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
    if (rendered.markdown().equals(jbakeBody)) return rendered;
    return render(chapter, new Body(jbakeBody, rendered.firstLine()));
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

  private Rendered render(Chapter chapter, Body body) {
    return render(book, chapter, body, renderer, editBaseUrl);
  }

  /** A chapter's body rendered, with its template fields: for the bake here, and for the preview's refresh. */
  static Rendered render(Book book, Chapter chapter, Body body, ChapterRenderer renderer, String editBaseUrl) {
    String html = renderer.render(chapter.shownFile(), ChapterModel.rootPath(chapter.uri()), body.firstLine(),
        body.markdown());
    return new Rendered(body.markdown(), body.firstLine(), html, ChapterModel.of(book, chapter, html, editBaseUrl));
  }
}
