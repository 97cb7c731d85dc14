package org.llmsi.verifier.model;

import java.util.List;
import java.util.Optional;
import org.llmsi.verifier.data.DataSets;
import org.llmsi.verifier.data.Glossary;
import org.llmsi.verifier.source.Page;

/**
 * Everything the publisher renders, after verification: the pages and, for each formula and
 * example block, how it was checked. Only built when there were no errors.
 *
 * @param pages the chapters, in book order
 * @param glossary the notation
 * @param data model and accelerator figures
 * @param formulas every formula, in book order
 * @param examples every worked example, in book order
 */
public record VerifiedGuide(
    List<Page> pages,
    Glossary glossary,
    DataSets data,
    List<VerifiedFormula> formulas,
    List<VerifiedExample> examples) {
  public VerifiedGuide {
    pages = List.copyOf(pages);
    formulas = List.copyOf(formulas);
    examples = List.copyOf(examples);
  }

  public Optional<VerifiedFormula> formula(String id) {
    return formulas.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /**
   * The example's anchor on its page: {@code example-} and the slug of its title (lower case,
   * letters and digits, other runs as one hyphen), with {@code -2}, {@code -3}, … for a title used
   * again on the same page. Unlike the fence line, it stays put when text above the example moves.
   */
  public String exampleAnchor(VerifiedExample example) {
    String file = example.location().file().toString().replace('\\', '/');
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (VerifiedExample e : examples) {
      if (!e.location().file().toString().replace('\\', '/').equals(file)) continue;
      String base = "example-" + slug(e.title());
      String anchor = base;
      for (int n = 2; !taken.add(anchor); n++) anchor = base + "-" + n;
      if (e.equals(example)) return anchor;
    }
    throw new IllegalArgumentException("not an example of this guide: " + example.title() + " at " + example.location());
  }

  /** Lower case letters and digits; every other run of characters becomes one hyphen. */
  static String slug(String title) {
    String ascii = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD)
        .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return ascii.isEmpty() ? "untitled" : ascii;
  }

  /** The example whose fence is at {@code line} of {@code file} (as shown in diagnostics). */
  public Optional<VerifiedExample> exampleAt(String file, int line) {
    return examples.stream()
        .filter(e -> e.location().file().toString().replace('\\', '/').equals(file.replace('\\', '/'))
            && e.location().line() == line)
        .findFirst();
  }
}
