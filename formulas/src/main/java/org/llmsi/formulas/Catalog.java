package org.llmsi.formulas;

import java.util.List;

/**
 * The topic classes whose {@link Reference} methods the guide's formulas are tested against.
 *
 * <p>The verifier reads this list (never the class path) so that a reference nobody uses is
 * reported as an error instead of silently ignored.
 */
public final class Catalog {
  private Catalog() {}

  /** Every topic class of the reference implementation. */
  public static List<Class<?>> topics() {
    return List.of(Roofline.class);
  }
}
