package org.llmsi.verifier.model;

import java.util.List;
import org.llmsi.verifier.data.DataSets;
import org.llmsi.verifier.data.DataValue;

/**
 * The quick-reference card as {@code quick-reference.yaml} defines it, every name resolved: the
 * formulas, data figures and worked-example results it shows are the verified ones, and the only
 * text typed into the card file is titles and one-line meanings, which hold no figures.
 *
 * @param tables the hardware and model figures, side by side
 * @param topics the card's groups of formulas and rules, in the file's order
 */
public record QuickReference(List<Table> tables, List<Topic> topics) {
  /** The file, in the guide's folder, that defines the card; a guide without it has no card. */
  public static final String FILE = "quick-reference.yaml";

  public QuickReference {
    tables = List.copyOf(tables);
    topics = List.copyOf(topics);
  }

  /** A group of the card under a title a reader knows it by. */
  public record Topic(String title, List<FormulaLine> formulas, List<Rule> rules) {
    public Topic {
      formulas = List.copyOf(formulas);
      rules = List.copyOf(rules);
    }
  }

  /** A formula of the guide and what it says, in one line. */
  public record FormulaLine(VerifiedFormula formula, String meaning) {}

  /**
   * Figures of several models or accelerators side by side.
   *
   * @param rows the entities, e.g. {@code gpus.h100_sxm}
   * @param columns their fields, each under a short heading
   */
  public record Table(String caption, List<DataSets.Entity> rows, List<Column> columns) {
    public Table {
      rows = List.copyOf(rows);
      columns = List.copyOf(columns);
    }

    /** The figure in a cell, or null where the entity has no such field (an A100 has no FP8 peak). */
    public DataValue cell(DataSets.Entity row, Column column) {
      return row.fields().get(column.field());
    }
  }

  /** A field of a table's entities and its heading. */
  public record Column(String field, String label) {}

  /**
   * A rule of thumb: the result of a worked example's step, as the example states it.
   *
   * @param step a claim of {@code example}, so its value was re-computed and matched
   */
  public record Rule(VerifiedExample example, ExampleStep step, String meaning) {}
}
