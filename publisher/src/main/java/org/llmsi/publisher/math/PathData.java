package org.llmsi.publisher.math;

import java.awt.geom.PathIterator;

/**
 * SVG path data written as compactly as a hand-tuned font file: integer coordinates, every command
 * relative to the point before it (so a glyph's outline reads the same wherever it is placed), a
 * command letter only where it changes, and no space before a minus sign.
 *
 * <p>Coordinates are rounded to integers first and the differences taken between rounded points,
 * so rounding never accumulates along an outline: each point is within half a unit of where the
 * shape put it.
 */
final class PathData {
  private final StringBuilder d = new StringBuilder();
  /** The current point and the start of the current subpath, in rounded units. */
  private long x;
  private long y;
  private long startX;
  private long startY;
  private char last;
  /** The bounds of every point written, control points included (so never smaller than the ink). */
  private long minX = Long.MAX_VALUE;
  private long minY = Long.MAX_VALUE;
  private long maxX = Long.MIN_VALUE;
  private long maxY = Long.MIN_VALUE;

  /** Appends every segment of the iterator (already transformed into the SVG's units). */
  void append(PathIterator it) {
    double[] c = new double[6];
    for (; !it.isDone(); it.next()) {
      switch (it.currentSegment(c)) {
        case PathIterator.SEG_MOVETO -> {
          long nx = Math.round(c[0]);
          long ny = Math.round(c[1]);
          command('m');
          pair(nx - x, ny - y);
          x = startX = nx;
          y = startY = ny;
        }
        case PathIterator.SEG_LINETO -> lineTo(Math.round(c[0]), Math.round(c[1]));
        case PathIterator.SEG_QUADTO -> curve('q', c, 2);
        case PathIterator.SEG_CUBICTO -> curve('c', c, 3);
        default -> { // SEG_CLOSE: the current point goes back to where the subpath began
          if (last != 'z' && last != 'm') {
            d.append('z');
            last = 'z';
          }
          x = startX;
          y = startY;
        }
      }
    }
  }

  /** A Bézier segment: every control point and the end point, each relative to the segment's start. */
  private void curve(char letter, double[] c, int points) {
    command(letter);
    long endX = x;
    long endY = y;
    for (int i = 0; i < points; i++) {
      endX = Math.round(c[2 * i]);
      endY = Math.round(c[2 * i + 1]);
      pair(endX - x, endY - y);
    }
    x = endX;
    y = endY;
  }

  private void lineTo(long nx, long ny) {
    long dx = nx - x;
    long dy = ny - y;
    if (dx == 0 && dy == 0) return; // a zero-length edge encloses nothing
    if (dy == 0) {
      command('h');
      number(dx);
      cover(nx, ny);
    } else if (dx == 0) {
      command('v');
      number(dy);
      cover(nx, ny);
    } else {
      command('l');
      pair(dx, dy);
    }
    x = nx;
    y = ny;
  }

  /** Writes the letter unless it repeats the previous command (SVG then repeats it implicitly). */
  private void command(char letter) {
    // After a moveto, further pairs would mean lineto; every other command may simply repeat.
    if (letter != last || letter == 'm' || letter == 'z') {
      d.append(letter);
      separatorNeeded = false;
    }
    last = letter;
  }

  private boolean separatorNeeded;

  /** Writes a point as its offset from the current point (the caller then moves the current point). */
  private void pair(long a, long b) {
    number(a);
    number(b);
    cover(x + a, y + b);
  }

  private void cover(long px, long py) {
    minX = Math.min(minX, px);
    minY = Math.min(minY, py);
    maxX = Math.max(maxX, px);
    maxY = Math.max(maxY, py);
  }

  private void number(long v) {
    if (separatorNeeded && v >= 0) d.append(' ');
    d.append(v);
    separatorNeeded = true;
  }

  /** {@code {minX, minY, maxX, maxY}} of everything written, or null when nothing was. */
  long[] bounds() {
    return minX > maxX ? null : new long[] {minX, minY, maxX, maxY};
  }

  boolean isEmpty() {
    return d.length() == 0;
  }

  @Override
  public String toString() {
    return d.toString();
  }
}
