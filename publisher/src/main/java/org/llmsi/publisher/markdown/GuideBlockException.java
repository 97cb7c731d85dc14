package org.llmsi.publisher.markdown;

/**
 * A block that cannot be rendered, located in its chapter ({@code file:line: message}); thrown
 * instead of publishing a block the verifier has not vouched for.
 */
public final class GuideBlockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GuideBlockException(String file, int line, String message) {
    super(file + ":" + line + ": error: " + message);
  }
}
