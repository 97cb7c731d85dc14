package org.llmsi.publisher.math;

/**
 * A piece of TeX typeset as an SVG file, and how a page shows it.
 *
 * @param tex the TeX it was rendered from (also its accessible name)
 * @param display whether it was set in display style (a formula block) or text style (inline)
 * @param svg the file's content: glyphs drawn as paths, in thousandths of an em, with
 *     {@code role="img"} and the TeX as its {@code aria-label}
 * @param fileName the file's name under {@link MathRenderer#FOLDER}, a hash of {@code svg}
 * @param style CSS that gives its width in em (the height follows from the SVG's view, which has
 *     the same proportions) and lowers it by its depth, so its baseline sits on the text's baseline
 *     at any font size
 * @param viewWidth the width of the SVG's view, in its units (thousandths of an em)
 * @param viewHeight the height of the SVG's view
 */
public record MathSvg(String tex, boolean display, String svg, String fileName, String style, long viewWidth,
    long viewHeight) {

  /**
   * The markup a page shows it with: an image whose alternative text is the math in words
   * ({@link TexSpeech}), what a screen reader says, not the TeX markup; and over it, in
   * {@code span.m}, its linear text ({@link TexLinear}), transparent but there to be found with the
   * browser's search and copied, hidden from screen readers, which say the image's words instead.
   * The image's width and height are its view's, so its proportions are known before it loads
   * (no layout shift); the style sizes it in em, its height following from those proportions.
   *
   * @param rootPath the way from the page to the site root ({@code ""} or {@code "../"})
   */
  public String img(String rootPath) {
    return "<span class=\"m\"><img class=\"math\" src=\"" + rootPath + MathRenderer.FOLDER + "/" + fileName + "\" alt=\""
        + MathRenderer.escapeAttribute(TexSpeech.say(tex)) + "\" width=\"" + viewWidth + "\" height=\"" + viewHeight
        + "\" style=\"" + style + "\"><span aria-hidden=\"true\">" + MathRenderer.escapeAttribute(linear()) + "</span></span>";
  }

  /** The math as one line of text, as a reader types it ({@code C = 6ND FLOP}). */
  public String linear() {
    return TexLinear.of(tex);
  }
}
