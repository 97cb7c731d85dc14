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

  /** The example whose fence is at {@code line} of {@code file} (as shown in diagnostics). */
  public Optional<VerifiedExample> exampleAt(String file, int line) {
    return examples.stream()
        .filter(e -> e.location().file().toString().replace('\\', '/').equals(file.replace('\\', '/'))
            && e.location().line() == line)
        .findFirst();
  }
}
