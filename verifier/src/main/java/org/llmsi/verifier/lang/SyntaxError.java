package org.llmsi.verifier.lang;

/** A malformed formula or example, with the span of block text at fault. */
public final class SyntaxError extends Exception {
  private static final long serialVersionUID = 1L;
  private final int start;
  private final int end;

  public SyntaxError(String message, int start, int end) {
    super(message);
    this.start = start;
    this.end = end;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }
}
