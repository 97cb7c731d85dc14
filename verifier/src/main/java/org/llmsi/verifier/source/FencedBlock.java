package org.llmsi.verifier.source;

import org.llmsi.verifier.report.Location;

/**
 * The content of a {@code formula}, {@code example} or {@code plot} fence, with the map from offsets in its
 * text back to the Markdown file, so every later error lands on the right line and column.
 *
 * @param file the Markdown file
 * @param kind {@code formula}, {@code example} or {@code plot}
 * @param argument what follows the kind on the fence line: the id, or the quoted title
 * @param fenceOffset offset of the opening fence in the file
 * @param argumentOffset offset of the argument in the file (the fence's end when absent)
 * @param text the content lines joined with {@code \n}
 * @param lineOffsets file offset at which each content line starts
 * @param node the fence in the page's document, which the publisher renders
 */
public record FencedBlock(
    SourceFile file, String kind, String argument, int fenceOffset, int argumentOffset,
    String text, int[] lineOffsets, com.vladsch.flexmark.ast.FencedCodeBlock node) {

  /** The file location of an offset into {@link #text}. */
  public Location locate(int offset, int length) {
    if (lineOffsets.length == 0) return file.location(fenceOffset, length);
    int line = lineIndexOf(offset);
    return file.location(lineOffsets[line] + (offset - textLineStart(line)), length);
  }

  /** The location of the fence line itself. */
  public Location fence() {
    return file.location(fenceOffset, 3);
  }

  /** The text of content line {@code i}. */
  public String line(int i) {
    int start = textLineStart(i);
    int end = text.indexOf('\n', start);
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }

  /** Index of the content line holding block offset {@code offset}. */
  public int lineIndexOf(int offset) {
    int line = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') line++;
    }
    return Math.min(line, Math.max(lineOffsets.length - 1, 0));
  }

  /** Offset in {@link #text} at which content line {@code i} starts. */
  private int textLineStart(int i) {
    int pos = 0;
    for (int k = 0; k < i; k++) pos = text.indexOf('\n', pos) + 1;
    return pos;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FencedBlock b && b.file.equals(file) && b.fenceOffset == fenceOffset;
  }

  @Override
  public int hashCode() {
    return file.hashCode() * 31 + fenceOffset;
  }

  @Override
  public String toString() {
    return kind + " " + argument + " at " + fence().display();
  }
}
