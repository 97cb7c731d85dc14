package org.llmsi.publisher.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A {@code ```formula <id>} fence: rendered from the verified formula with that id. */
public final class FormulaBlock extends Block {
  private final String formulaId;
  private final int line;

  /**
   * @param chars the whole fence as written
   * @param formulaId the id on the fence line
   * @param line 1-based line of the fence in the chapter file
   */
  public FormulaBlock(BasedSequence chars, String formulaId, int line) {
    super(chars);
    this.formulaId = formulaId;
    this.line = line;
  }

  public String formulaId() {
    return formulaId;
  }

  /** 1-based line of the fence in the chapter file. */
  public int line() {
    return line;
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }

  @Override
  public void getAstExtra(StringBuilder out) {
    out.append(" id:").append(formulaId).append(" line:").append(line);
  }
}
