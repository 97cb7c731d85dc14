package org.llmsi.publisher.math;

/**
 * A piece of TeX typeset as inline SVG markup, ready to be placed in HTML or in the PDF's XHTML.
 *
 * @param tex the TeX it was rendered from (also its accessible name)
 * @param markup the {@code <svg>} element, glyphs drawn as paths, sized in {@code em} and shifted
 *     down by its depth so its baseline sits on the text baseline
 * @param display whether it was set in display style (a formula block) or text style (inline)
 */
public record MathSvg(String tex, String markup, boolean display) {}
