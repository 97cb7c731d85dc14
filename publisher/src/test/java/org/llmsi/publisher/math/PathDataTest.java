package org.llmsi.publisher.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PathDataTest {
  @Test
  void writesRelativeIntegersWithTheShortestCommands() {
    Path2D.Double square = new Path2D.Double();
    square.moveTo(100.2, 50);
    square.lineTo(110, 50);
    square.lineTo(110, 60.4);
    square.lineTo(100, 60);
    square.lineTo(95, 70);
    square.closePath();
    PathData d = new PathData();
    d.append(square.getPathIterator(null));
    assertEquals("m100 50h10v10h-10l-5 10z", d.toString());
    assertArrayEquals(new long[] {95, 50, 110, 70}, d.bounds());
  }

  @Test
  void aRepeatedCommandIsWrittenOnceAndAMinusSignSeparatesItself() {
    Path2D.Double curve = new Path2D.Double();
    curve.moveTo(0, 0);
    curve.quadTo(1, 2, 3, 4);
    curve.quadTo(2, 3, 1, 2);
    PathData d = new PathData();
    d.append(curve.getPathIterator(null));
    assertEquals("m0 0q1 2 3 4-1-1-2-2", d.toString());
  }

  @Test
  void aSecondShapeContinuesFromWhereTheFirstEnded() {
    Path2D.Double a = new Path2D.Double();
    a.moveTo(10, 10);
    a.lineTo(20, 20);
    a.closePath();
    Path2D.Double b = new Path2D.Double();
    b.moveTo(30, 10);
    b.lineTo(40, 40);
    PathData d = new PathData();
    d.append(a.getPathIterator(null));
    d.append(b.getPathIterator(null));
    // After z the current point is the subpath's start (10,10), so the next move is relative to it.
    assertEquals("m10 10l10 10zm20 0l10 30", d.toString());
  }

  /**
   * Relative coordinates could let rounding drift along a long outline; they are differences of
   * rounded points, so every point read back is within half a unit of the one drawn.
   */
  @Test
  void everyPointReadBackIsWithinHalfAUnitOfTheOneDrawn() {
    qt().withFixedSeed(20261129L).withExamples(500)
        .forAll(lists().of(doubles().between(-5000, 5000)).ofSizeBetween(6, 120), integers().between(0, 2))
        .checkAssert((coords, kind) -> {
          Path2D.Double shape = new Path2D.Double();
          List<double[]> drawn = new ArrayList<>();
          shape.moveTo(coords.get(0), coords.get(1));
          drawn.add(new double[] {coords.get(0), coords.get(1)});
          int step = kind == 0 ? 2 : kind == 1 ? 4 : 6;
          for (int i = 2; i + step <= coords.size(); i += step) {
            List<Double> c = coords.subList(i, i + step);
            if (kind == 0) shape.lineTo(c.get(0), c.get(1));
            else if (kind == 1) shape.quadTo(c.get(0), c.get(1), c.get(2), c.get(3));
            else shape.curveTo(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5));
            for (int j = 0; j < step; j += 2) drawn.add(new double[] {c.get(j), c.get(j + 1)});
          }
          PathData d = new PathData();
          d.append(shape.getPathIterator(null));
          List<long[]> read = points(d.toString());
          // A zero-length line is dropped; every other point comes back, in order.
          int r = 0;
          for (double[] p : drawn) {
            if (r < read.size() && Math.abs(read.get(r)[0] - p[0]) <= 0.5 && Math.abs(read.get(r)[1] - p[1]) <= 0.5) r++;
            else assertTrue(kind == 0, "point " + p[0] + "," + p[1] + " lost in " + d);
          }
          assertEquals(read.size(), r, "every point read back was drawn: " + d);
        });
  }

  private static final Pattern TOKEN = Pattern.compile("[mlhvqcz]|-?\\d+");

  /**
   * Every point of path data as written by {@link PathData} (relative commands, implicit repeats),
   * made absolute: end points and control points, in order.
   */
  static List<long[]> points(String d) {
    List<long[]> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(d);
    List<String> tokens = new ArrayList<>();
    while (m.find()) tokens.add(m.group());
    long x = 0;
    long y = 0;
    long sx = 0;
    long sy = 0;
    char cmd = 0;
    int i = 0;
    while (i < tokens.size()) {
      String t = tokens.get(i);
      if (Character.isLetter(t.charAt(0))) {
        cmd = t.charAt(0);
        i++;
        if (cmd == 'z') {
          x = sx;
          y = sy;
        }
        continue;
      }
      switch (cmd) {
        case 'm', 'l' -> {
          x += Long.parseLong(tokens.get(i++));
          y += Long.parseLong(tokens.get(i++));
          if (cmd == 'm') {
            sx = x;
            sy = y;
            cmd = 'l';
          }
          out.add(new long[] {x, y});
        }
        case 'h' -> {
          x += Long.parseLong(tokens.get(i++));
          out.add(new long[] {x, y});
        }
        case 'v' -> {
          y += Long.parseLong(tokens.get(i++));
          out.add(new long[] {x, y});
        }
        case 'q', 'c' -> {
          int pairs = cmd == 'q' ? 2 : 3;
          long bx = x;
          long by = y;
          for (int p = 0; p < pairs; p++) {
            x = bx + Long.parseLong(tokens.get(i++));
            y = by + Long.parseLong(tokens.get(i++));
            out.add(new long[] {x, y});
          }
        }
        default -> throw new AssertionError("number without a command in " + d);
      }
    }
    return out;
  }
}
