package org.llmsi.publisher.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * A fence the verifier executed: it renders from the verified guide, found by its line, never from
 * its own text, so what is published is what was checked.
 */
public abstract class VerifiedFence extends Block {
  private final int line;

  /**
   * @param chars the whole fence as written
   * @param line 1-based line of the fence in the chapter file
   */
  protected VerifiedFence(BasedSequence chars, int line) {
    super(chars);
    this.line = line;
  }

  /** 1-based line of the fence in the chapter file. */
  public int line() {
    return line;
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }
}
