package org.llmsi.verifier.contrib;

import java.util.ArrayList;
import java.util.List;
import org.llmsi.formulas.Catalog;

/**
 * The guide's reference catalog plus the topic classes CONTRIBUTING.md shows, compiled by the
 * snippet test. The verifier names a catalog as {@code Class#method} and loads it by name, so a
 * class compiled while the tests run is handed over through this field (set and cleared by
 * {@link ContributingSnippetsTest}).
 */
public final class SnippetCatalog {
  static volatile List<Class<?>> compiled = List.of();

  private SnippetCatalog() {}

  /** {@link Catalog#guide()} and the compiled snippet classes. */
  public static List<Class<?>> topics() {
    List<Class<?>> all = new ArrayList<>(Catalog.guide());
    all.addAll(compiled);
    return all;
  }
}
