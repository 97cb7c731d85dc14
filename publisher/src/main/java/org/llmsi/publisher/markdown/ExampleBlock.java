package org.llmsi.publisher.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A {@code ```example "title"} fence: rendered as the verified example's step table. */
public final class ExampleBlock extends Block {
  private final String title;
  private final int line;

  /**
   * @param chars the whole fence as written
   * @param title the quoted title, without quotes
   * @param line 1-based line of the fence in the chapter file
   */
  public ExampleBlock(BasedSequence chars, String title, int line) {
    super(chars);
    this.title = title;
    this.line = line;
  }

  public String title() {
    return title;
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
    out.append(" title:\"").append(title).append("\" line:").append(line);
  }
}
