package org.llmsi.publisher.bake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jbake.parser.MarkdownEngine;
import org.jbake.parser.ParserContext;
import org.llmsi.publisher.markdown.ChapterRenderer;

/**
 * JBake's Markdown engine with the guide's flexmark extension. JBake builds its own flexmark from
 * {@code markdown.extensions} names and cannot take a custom extension, so this subclass replaces
 * the body rendering and is registered with {@code Engines.register("md", …)} before the Oven's
 * crawl reads a file, since JBake looks the engine up per file (a services file of ours would be
 * overridden by jbake-core's own).
 *
 * <p>It also adds what the templates need and JBake does not know: book order, previous/next, the
 * page's table of contents and its "edit this page" link.
 */
public final class GuideMarkdownEngine extends MarkdownEngine {
  private final ChapterRenderer renderer;
  private final Book book;
  private final Path stagedContent;
  private final String editBaseUrl;
  private final List<String> errors = new CopyOnWriteArrayList<>();

  /**
   * @param stagedContent the content folder JBake reads (a staged copy of the guide's)
   * @param editBaseUrl prefix of a chapter's "edit this page" link; its path under content/ is appended
   */
  public GuideMarkdownEngine(ChapterRenderer renderer, Book book, Path stagedContent, String editBaseUrl) {
    this.renderer = renderer;
    this.book = book;
    this.stagedContent = stagedContent.toAbsolutePath().normalize();
    this.editBaseUrl = editBaseUrl;
  }

  /** Problems met while rendering, as located one-line messages; JBake itself only logs them. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  @Override
  public void processBody(ParserContext context) {
    Path staged = context.getFile().toPath().toAbsolutePath().normalize();
    String relative = stagedContent.relativize(staged).toString().replace('\\', '/');
    Chapter chapter = book.byRelativePath(relative).orElse(null);
    if (chapter == null) {
      // A draft, or a file the verifier did not read: render nothing unverified.
      context.setBody("");
      if ("published".equals(context.getStatus())) {
        errors.add("content/" + relative + ": error: page was not verified, so it cannot be published");
      }
      return;
    }
    try {
      String html = renderer.render(chapter.shownFile(), ChapterModel.rootPath(chapter.uri()), firstBodyLine(staged),
          context.getBody());
      context.setBody(html);
      context.getDocumentModel().putAll(ChapterModel.of(book, chapter, html, editBaseUrl));
    } catch (RuntimeException e) {
      errors.add(e.getMessage());
      context.setBody("");
    }
  }

  /** JBake hands over the lines after the {@code ~~~~~~} separator; locations count from the file's top. */
  private static int firstBodyLine(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).strip().equals("~~~~~~")) return i + 2;
      }
    } catch (IOException e) {
      // The file was just read by JBake; fall back to line 1 rather than fail the page.
    }
    return 1;
  }
}
