package org.llmsi.publisher.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A {@code ```formula <id>} fence: rendered from the verified formula with that id. */
public final class FormulaBlock extends VerifiedFence {
  private final String formulaId;

  /**
   * @param chars the whole fence as written
   * @param formulaId the id on the fence line
   * @param line 1-based line of the fence in the chapter file
   */
  public FormulaBlock(BasedSequence chars, String formulaId, int line) {
    super(chars, line);
    this.formulaId = formulaId;
  }

  public String formulaId() {
    return formulaId;
  }

  @Override
  public void getAstExtra(StringBuilder out) {
    out.append(" id:").append(formulaId).append(" line:").append(line());
  }
}
