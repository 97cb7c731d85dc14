package org.llmsi.publisher.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A {@code ```example "title"} fence: rendered as the verified example's step table. */
public final class ExampleBlock extends VerifiedFence {
  private final String title;

  /**
   * @param chars the whole fence as written
   * @param title the quoted title, without quotes
   * @param line 1-based line of the fence in the chapter file
   */
  public ExampleBlock(BasedSequence chars, String title, int line) {
    super(chars, line);
    this.title = title;
  }

  public String title() {
    return title;
  }

  @Override
  public void getAstExtra(StringBuilder out) {
    out.append(" title:\"").append(title).append("\" line:").append(line());
  }
}
