package org.llmsi.publisher.bake;

import java.util.List;

/** The site could not be baked; each problem is one located line, printed without a stack trace. */
public final class BakeFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public BakeFailure(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
