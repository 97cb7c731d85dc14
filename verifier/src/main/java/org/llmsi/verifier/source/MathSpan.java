package org.llmsi.verifier.source;

import org.llmsi.verifier.source.markdown.InlineMath;

/**
 * A {@code $…$} span of prose.
 *
 * @param node the parsed node, which the publisher renders
 * @param offset where its opening dollar sign is in the file
 * @param notation whether {@code {notation}} follows it: notation no check reads, counted and listed
 */
public record MathSpan(InlineMath node, int offset, boolean notation) {
  public String tex() {
    return node.tex();
  }

  public int length() {
    return node.getTextLength();
  }
}
