package org.llmsi.verifier.report;

import java.nio.file.Path;

/**
 * A position in a source file: 1-based line and column, as editors and GitHub annotations count.
 *
 * @param file the file as it is shown to the user (relative to the display base)
 * @param line 1-based line
 * @param column 1-based column, counted in characters
 * @param length how many characters the position spans on its line (0 for a point)
 */
public record Location(Path file, int line, int column, int length) implements Comparable<Location> {

  public static Location of(Path file, int line, int column) {
    return new Location(file, line, column, 0);
  }

  /** A location that names a whole file (used for data files without a better anchor). */
  public static Location file(Path file) {
    return new Location(file, 0, 0, 0);
  }

  public Location withLength(int newLength) {
    return new Location(file, line, column, newLength);
  }

  /** {@code path:line:col}, or just the path when the location names no line. */
  public String display() {
    String path = file.toString().replace('\\', '/');
    return line <= 0 ? path : path + ":" + line + ":" + column;
  }

  @Override
  public int compareTo(Location o) {
    int c = file.toString().compareTo(o.file.toString());
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return display();
  }
}
