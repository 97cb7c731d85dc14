package org.llmsi.verifier.source.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** {@code $…$} in prose: TeX typeset inline. */
public final class InlineMath extends Node {
  private final String tex;

  public InlineMath(BasedSequence chars, String tex) {
    super(chars);
    this.tex = tex;
  }

  public String tex() {
    return tex;
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }

  @Override
  public void getAstExtra(StringBuilder out) {
    out.append(" tex:\"").append(tex).append('"');
  }
}
