package org.llmsi.publisher.bake;

import java.nio.file.Path;

/**
 * A published chapter's place in the book.
 *
 * @param source the Markdown file on disk
 * @param shownFile the file as the verifier names it in diagnostics and locations
 * @param relativePath the file relative to {@code content/}, with forward slashes
 * @param uri the page JBake writes for it, relative to the site root
 * @param title its title
 * @param number its 1-based place in book order
 * @param page the verified page, whose parsed document is what gets rendered
 */
public record Chapter(Path source, String shownFile, String relativePath, String uri, String title, int number,
    org.llmsi.verifier.source.Page page) {
  /** Its place in the book: two builds' chapters are equal when only their parsed pages differ. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Chapter c && c.source.equals(source) && c.shownFile.equals(shownFile)
        && c.relativePath.equals(relativePath) && c.uri.equals(uri) && c.title.equals(title) && c.number == number;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(source, shownFile, relativePath, uri, title, number);
  }
}
