package org.llmsi.publisher.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MathRendererTest {
  @Test
  void typesetsGlyphsAsPathsInAFileNamedByItsContent() {
    MathRenderer math = new MathRenderer();
    MathSvg ridge = math.display("I_{\\text{ridge}} = \\frac{P_{\\text{peak}}}{B_{\\text{mem}}}");
    String svg = ridge.svg();
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\""), svg);
    assertTrue(svg.contains("role=\"img\""));
    assertTrue(svg.contains("aria-label=\"I ridge equals P peak over B mem\""), "the math in words: " + svg);
    assertFalse(svg.contains("<text"), "no font-dependent text");
    assertFalse(svg.contains("fill="), "black is left to the SVG default, so the page's theme can recolour it");
    assertEquals(1, count(svg, "<path "), "one path for all that is drawn in one colour: " + svg);
    assertTrue(ridge.fileName().matches("[0-9a-f]{12}\\.svg"), ridge.fileName());
    assertEquals(Hashes.shortSha1(svg) + ".svg", ridge.fileName());
    assertSame(ridge, math.byFileName(ridge.fileName()).orElseThrow());
  }

  @Test
  void aPageShowsItAsAnImageWhoseTextIsTheMathInWords() {
    MathSvg x = new MathRenderer().inline("x_i");
    String img = x.img("../");
    assertTrue(img.startsWith("<span class=\"m\"><img class=\"math\" src=\"../math/" + x.fileName() + "\" alt=\"x i\" width=\""
        + x.viewWidth() + "\" height=\"" + x.viewHeight() + "\" style=\"width:.813em;"), img);
    assertTrue(x.svg().matches("(?s).* viewBox=\"-?\\d+ -?\\d+ " + x.viewWidth() + " " + x.viewHeight() + "\".*"), x.svg());
    assertTrue(img.endsWith("<span aria-hidden=\"true\">x_i</span></span>"), img);
  }

  @Test
  void sitsOnTheBaselineByItsDepth() {
    MathRenderer math = new MathRenderer();
    double flat = depth(math.inline("x").style());
    double fraction = depth(math.display("\\frac{a}{b}").style());
    assertTrue(fraction > flat, flat + " vs " + fraction);
  }

  private static double depth(String style) {
    Matcher m = Pattern.compile("vertical-align:-([0-9.]+)em").matcher(style);
    assertTrue(m.find(), style);
    return Double.parseDouble(m.group(1));
  }

  /** An image is clipped to its view: every point drawn, the overhang of an italic f included, must be inside it. */
  @Test
  void theViewHoldsEveryPointDrawn() {
    MathRenderer math = new MathRenderer();
    for (String tex : List.of("f", "f_j", "\\sqrt{x^2}", "\\frac{P_{\\text{peak}}}{B_{\\text{mem}}}", "\\sum_{i=1}^{n} x_i",
        "\\lceil \\frac{a}{b} \\rceil", "\\hat{y}")) {
      for (MathSvg svg : List.of(math.inline(tex), math.display(tex))) {
        Matcher view = Pattern.compile("viewBox=\"(-?\\d+) (-?\\d+) (\\d+) (\\d+)\"").matcher(svg.svg());
        assertTrue(view.find(), svg.svg());
        long x0 = Long.parseLong(view.group(1));
        long y0 = Long.parseLong(view.group(2));
        long x1 = x0 + Long.parseLong(view.group(3));
        long y1 = y0 + Long.parseLong(view.group(4));
        Matcher d = Pattern.compile(" d=\"([^\"]+)\"").matcher(svg.svg());
        int paths = 0;
        while (d.find()) {
          paths++;
          for (long[] p : PathDataTest.points(d.group(1))) {
            assertTrue(p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1,
                tex + ": point " + p[0] + "," + p[1] + " outside " + view.group());
          }
        }
        assertTrue(paths > 0, tex);
      }
    }
  }

  /** The page gives only the width: the view has the box's proportions, so a browser derives the height. */
  @Test
  void theWidthIsTheViewsWidthAndNoHeightIsGiven() {
    MathRenderer math = new MathRenderer();
    for (MathSvg svg : List.of(math.inline("x_i"), math.display("\\frac{a}{b}"), math.inline("f"))) {
      Matcher view = Pattern.compile("viewBox=\"-?\\d+ -?\\d+ (\\d+) \\d+\"").matcher(svg.svg());
      assertTrue(view.find(), svg.svg());
      assertTrue(svg.style().startsWith("width:" + MathRenderer.em(Long.parseLong(view.group(1))) + ";"), svg.style());
      assertFalse(svg.style().contains("height"), svg.style());
    }
  }

  @Test
  void anOverhangIsGivenBackByMarginsSoTheLineKeepsTheBoxWidth() {
    String style = new MathRenderer().inline("f").style();
    assertTrue(style.contains("margin-right:-"), "the italic f reaches past its box: " + style);
  }

  @Test
  void cachesByTexAndRendersTheSameTexIdenticallyInAnotherBuild() {
    MathRenderer first = new MathRenderer();
    MathSvg a = first.inline("W / Q");
    assertSame(a, first.inline("W / Q"));
    assertEquals(1, first.typesetCount());
    MathSvg again = new MathRenderer().inline("W / Q");
    assertEquals(a.svg(), again.svg());
    assertEquals(a.fileName(), again.fileName());
  }

  @Test
  void displayAndTextStyleAreDifferentFiles() {
    MathRenderer math = new MathRenderer();
    assertFalse(math.inline("\\frac{a}{b}").fileName().equals(math.display("\\frac{a}{b}").fileName()));
  }

  @Test
  void escapesItsAccessibleNameAndAlternativeText() {
    MathSvg quoted = new MathRenderer().inline("\\text{\"q\" r}");
    assertTrue(quoted.svg().contains("aria-label=\"&quot;q&quot; r\""), quoted.svg());
    assertTrue(quoted.img("").contains("alt=\"&quot;q&quot; r\""), quoted.img(""));
  }

  @Test
  void lengthsAreWrittenInEmWithoutSilentZeros() {
    assertEquals(".3em", MathRenderer.em(300));
    assertEquals("-.25em", MathRenderer.em(-250));
    assertEquals("1.15em", MathRenderer.em(1150));
    assertEquals("2em", MathRenderer.em(2000.4));
    assertEquals("0", MathRenderer.em(0.3));
  }

  @Test
  void badTexIsAnErrorNamingTheTex() {
    TexRenderException e = assertThrows(TexRenderException.class, () -> new MathRenderer().inline("\\nosuchcommand{a}"));
    assertTrue(e.getMessage().startsWith("cannot typeset TeX '\\nosuchcommand{a}'"), e.getMessage());
  }

  private static int count(String s, String part) {
    return s.split(Pattern.quote(part), -1).length - 1;
  }
}
