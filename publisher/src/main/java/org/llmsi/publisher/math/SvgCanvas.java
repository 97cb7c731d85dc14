package org.llmsi.publisher.math;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.batik.ext.awt.g2d.AbstractGraphics2D;

/**
 * The {@link java.awt.Graphics2D} JLaTeXMath paints on: it keeps no pixels and no DOM, only the
 * filled area as SVG path data, one path per colour. Text becomes glyph outlines (so no font is
 * needed to show it) and strokes become the outlines of their strokes.
 *
 * <p>JLaTeXMath draws a formula glyph by glyph through {@code drawChars}; a glyph's outline is read
 * from its font once per build and only transformed after that.
 */
final class SvgCanvas extends AbstractGraphics2D {
  /** Glyph outlines do not depend on anti-aliasing or the device: one fixed context keeps them identical. */
  private static final FontRenderContext OUTLINE_CONTEXT = new FontRenderContext(null, true, true);

  /** Path data by fill (colour and winding rule), in the order first painted; shared with copies. */
  private final Map<String, PathData> fills;
  /** Outlines at the font's own size, by font and text: the same few hundred glyphs, over and over. */
  private final Map<Font, Map<String, Shape>> outlines;

  /** @param outlines glyph outlines read so far, shared by the canvases of one build */
  SvgCanvas(Map<Font, Map<String, Shape>> outlines) {
    super(true);
    this.outlines = outlines;
    this.gc = new org.apache.batik.ext.awt.g2d.GraphicContext(); // the base class leaves it to us
    this.fills = new LinkedHashMap<>();
  }

  private SvgCanvas(SvgCanvas parent) {
    super(parent);
    this.fills = parent.fills;
    this.outlines = parent.outlines;
  }

  /**
   * The SVG elements for everything painted so far: one {@code <path>} per fill, black left to the
   * SVG default (so the page decides how it is coloured) and any other colour named.
   */
  String paths() {
    StringBuilder out = new StringBuilder();
    fills.forEach((fill, d) -> {
      if (!d.isEmpty()) out.append("<path").append(fill).append(" d=\"").append(d).append("\"/>");
    });
    return out.toString();
  }

  /** {@code {minX, minY, maxX, maxY}} of all that was painted, or null when nothing was. */
  long[] inkBounds() {
    long[] all = null;
    for (PathData d : fills.values()) {
      long[] b = d.bounds();
      if (b == null) continue;
      if (all == null) all = b.clone();
      else all = new long[] {Math.min(all[0], b[0]), Math.min(all[1], b[1]), Math.max(all[2], b[2]), Math.max(all[3], b[3])};
    }
    return all;
  }

  @Override
  public void fill(Shape shape) {
    Paint paint = gc.getPaint();
    Color color = paint instanceof Color c ? c : Color.BLACK;
    if (color.getAlpha() == 0) return;
    var it = shape.getPathIterator(gc.getTransform());
    StringBuilder fill = new StringBuilder();
    if (!Color.BLACK.equals(color)) {
      fill.append(" fill=\"#").append(String.format("%06x", color.getRGB() & 0xffffff)).append('"');
      if (color.getAlpha() < 255) fill.append(" fill-opacity=\"").append(Math.round(color.getAlpha() / 2.55) / 100.0).append('"');
    }
    if (it.getWindingRule() == java.awt.geom.PathIterator.WIND_EVEN_ODD) fill.append(" fill-rule=\"evenodd\"");
    fills.computeIfAbsent(fill.toString(), k -> new PathData()).append(it);
  }

  @Override
  public void draw(Shape shape) {
    fill(gc.getStroke().createStrokedShape(shape));
  }

  @Override
  public void drawString(String text, float x, float y) {
    Font font = getFont();
    Shape outline = outlines.computeIfAbsent(font, f -> new ConcurrentHashMap<>())
        .computeIfAbsent(text, t -> font.createGlyphVector(OUTLINE_CONTEXT, t).getOutline());
    AffineTransform saved = gc.getTransform();
    gc.translate(x, y);
    fill(outline);
    gc.setTransform(saved);
  }

  @Override
  public void drawString(AttributedCharacterIterator text, float x, float y) {
    StringBuilder s = new StringBuilder();
    for (char c = text.first(); c != AttributedCharacterIterator.DONE; c = text.next()) s.append(c);
    drawString(s.toString(), x, y);
  }

  @Override
  public void drawGlyphVector(GlyphVector glyphs, float x, float y) {
    fill(glyphs.getOutline(x, y));
  }

  @Override
  public Graphics create() {
    return new SvgCanvas(this);
  }

  @Override
  public void dispose() {
    // Nothing is held but the path data, which the renderer reads after painting.
  }

  @Override
  public GraphicsConfiguration getDeviceConfiguration() {
    return null;
  }

  @Override
  public FontMetrics getFontMetrics(Font font) {
    return new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics().getFontMetrics(font);
  }

  @Override
  public void setXORMode(Color color) {
    // XOR painting has no meaning in a vector drawing; JLaTeXMath does not use it.
  }

  @Override
  public void copyArea(int x, int y, int width, int height, int dx, int dy) {
    throw unsupported("copyArea");
  }

  @Override
  public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
    throw unsupported("an embedded image");
  }

  @Override
  public boolean drawImage(Image img, int x, int y, int width, int height, ImageObserver observer) {
    throw unsupported("an embedded image");
  }

  @Override
  public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
    throw unsupported("an embedded image");
  }

  @Override
  public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
    throw unsupported("an embedded image");
  }

  /** Math that needs a bitmap cannot be drawn as shapes: a located error, not a blurry picture. */
  private static UnsupportedOperationException unsupported(String what) {
    return new UnsupportedOperationException("the math SVG writer cannot draw " + what);
  }
}
