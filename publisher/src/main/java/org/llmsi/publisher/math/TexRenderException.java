package org.llmsi.publisher.math;

/** TeX that JLaTeXMath cannot typeset; the message names the TeX. */
public final class TexRenderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TexRenderException(String tex, Throwable cause) {
    super("cannot typeset TeX '" + tex + "': " + cause.getMessage(), cause);
  }
}
