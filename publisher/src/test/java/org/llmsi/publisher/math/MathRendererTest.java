package org.llmsi.publisher.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MathRendererTest {
  @Test
  void typesetsGlyphsAsSharedShapesNamedByTheirTex() {
    MathRenderer math = new MathRenderer();
    String svg = math.display("I_{\\text{ridge}} = \\frac{P_{\\text{peak}}}{B_{\\text{mem}}}").markup();
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    assertTrue(svg.contains("role=\"img\""));
    assertTrue(svg.contains("aria-label=\"I_{\\text{ridge}} = \\frac{P_{\\text{peak}}}{B_{\\text{mem}}}\""));
    assertFalse(svg.contains("<text"), "no font-dependent text");
    assertFalse(svg.contains("black"), "drawn in currentColor so themes recolour it");
    Matcher ref = Pattern.compile("href=\"#(g[0-9a-f]{10})\"").matcher(svg);
    assertTrue(ref.find());
    assertTrue(math.glyphDefs(java.util.Set.of(ref.group(1))).startsWith("<path id=\"" + ref.group(1) + "\" d=\"M"));
  }

  @Test
  void sitsOnTheBaselineByItsDepth() {
    MathRenderer math = new MathRenderer();
    String flat = math.inline("x").markup();
    String fraction = math.display("\\frac{a}{b}").markup();
    double flatDepth = depth(flat);
    double fractionDepth = depth(fraction);
    assertTrue(fractionDepth > flatDepth, flatDepth + " vs " + fractionDepth);
  }

  private static double depth(String svg) {
    Matcher m = Pattern.compile("vertical-align:-([0-9.]+)em").matcher(svg);
    assertTrue(m.find(), svg);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void cachesByTexAndRendersTheSameTexIdenticallyInAnotherBuild() {
    MathRenderer first = new MathRenderer();
    MathSvg a = first.inline("W / Q");
    assertSame(a, first.inline("W / Q"));
    assertEquals(1, first.typesetCount());
    assertEquals(a.markup(), new MathRenderer().inline("W / Q").markup());
  }

  @Test
  void escapesTheTexInItsAccessibleName() {
    assertTrue(new MathRenderer().inline("a < b").markup().contains("aria-label=\"a &lt; b\""));
  }

  @Test
  void badTexIsAnErrorNamingTheTex() {
    TexRenderException e = assertThrows(TexRenderException.class, () -> new MathRenderer().inline("\\nosuchcommand{a}"));
    assertTrue(e.getMessage().startsWith("cannot typeset TeX '\\nosuchcommand{a}'"), e.getMessage());
  }
}
