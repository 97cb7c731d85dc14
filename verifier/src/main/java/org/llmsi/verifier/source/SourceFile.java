package org.llmsi.verifier.source;

import java.nio.file.Path;
import java.util.Arrays;
import org.llmsi.verifier.report.Location;

/**
 * A Markdown file's text with a line index, to turn character offsets into editor positions.
 *
 * @param path the file on disk
 * @param shownPath the path as diagnostics print it
 * @param text the whole file
 */
public record SourceFile(Path path, Path shownPath, String text, int[] lineStarts) {

  public static SourceFile of(Path path, Path shownPath, String text) {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
        starts[n++] = i + 1;
      }
    }
    return new SourceFile(path, shownPath, text, Arrays.copyOf(starts, n));
  }

  /** The 1-based line and column of a character offset. */
  public Location location(int offset, int length) {
    int idx = Arrays.binarySearch(lineStarts, offset);
    int line = idx >= 0 ? idx : -idx - 2;
    return new Location(shownPath, line + 1, offset - lineStarts[line] + 1, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceFile f && f.path.equals(path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  @Override
  public String toString() {
    return shownPath.toString();
  }
}
