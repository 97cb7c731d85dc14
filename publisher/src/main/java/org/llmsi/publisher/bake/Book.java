package org.llmsi.publisher.bake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.llmsi.verifier.model.VerifiedGuide;
import org.llmsi.verifier.source.Page;

/**
 * The chapters in book order (their {@code order=} header), not JBake's date order: previous/next,
 * the chapter list and the PDF all follow this.
 */
public record Book(String title, String description, List<Chapter> chapters) {
  public Book {
    chapters = List.copyOf(chapters);
  }

  /** The published pages of a verified guide, which the verifier already sorted by order. */
  public static Book of(String title, String description, VerifiedGuide guide, Path contentDir) {
    List<Chapter> chapters = new ArrayList<>();
    Path content = contentDir.toAbsolutePath().normalize();
    for (Page page : guide.pages()) {
      if (!"published".equals(page.header().get("status"))) continue;
      Path source = page.file().path().toAbsolutePath().normalize();
      String relative = content.relativize(source).toString().replace('\\', '/');
      String uri = relative.replaceFirst("\\.(md|markdown)$", "") + ".html";
      chapters.add(new Chapter(source, page.file().shownPath().toString().replace('\\', '/'), relative, uri,
          page.title(), chapters.size() + 1, page));
    }
    return new Book(title, description, chapters);
  }

  /**
   * Each verified page's text as the verifier read and checked it, by its file's absolute path:
   * what is staged and rendered, so that an edit saved during a build cannot publish text that
   * was not verified.
   */
  public static java.util.Map<Path, String> verifiedTexts(VerifiedGuide guide) {
    java.util.Map<Path, String> texts = new java.util.LinkedHashMap<>();
    for (Page page : guide.pages()) texts.put(page.file().path().toAbsolutePath().normalize(), page.file().text());
    return texts;
  }

  public Optional<Chapter> byRelativePath(String relative) {
    return chapters.stream().filter(c -> c.relativePath().equals(relative)).findFirst();
  }

  public Optional<Chapter> byShownFile(String shown) {
    String s = shown.replace('\\', '/');
    return chapters.stream().filter(c -> c.shownFile().equals(s)).findFirst();
  }

  public Optional<Chapter> previous(Chapter c) {
    return c.number() > 1 ? Optional.of(chapters.get(c.number() - 2)) : Optional.empty();
  }

  public Optional<Chapter> next(Chapter c) {
    return c.number() < chapters.size() ? Optional.of(chapters.get(c.number())) : Optional.empty();
  }
}
