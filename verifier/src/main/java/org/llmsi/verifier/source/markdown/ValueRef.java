package org.llmsi.verifier.source.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * {@code {name}} in prose, written right after a figure ({@code 29.4 MiB{h100_smem}}) or after
 * inline math ({@code $S = QK^\top${notation}}): it names the verified value the figure states, or
 * marks the math as notation that no check reads. It is for the verifier; a reader never sees it.
 */
public final class ValueRef extends Node {
  /** The reserved name that marks inline math as notation. */
  public static final String NOTATION = "notation";

  private final String name;

  public ValueRef(BasedSequence chars, String name) {
    super(chars);
    this.name = name;
  }

  /** What is inside the braces: a step name, {@code alias.field}, {@code set.key.field} or a constant. */
  public String name() {
    return name;
  }

  public boolean isNotation() {
    return name.equals(NOTATION);
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }

  @Override
  public void getAstExtra(StringBuilder out) {
    out.append(" name:\"").append(name).append('"');
  }
}
