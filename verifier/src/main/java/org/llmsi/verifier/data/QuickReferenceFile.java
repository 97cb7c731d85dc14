package org.llmsi.verifier.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.llmsi.verifier.model.ExampleStep;
import org.llmsi.verifier.model.QuickReference;
import org.llmsi.verifier.model.VerifiedExample;
import org.llmsi.verifier.model.VerifiedFormula;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.report.Diagnostics;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads {@code quick-reference.yaml}, the card's definition, and resolves every name in it against
 * the verified guide: a formula id, a data entity and field, a worked example's title and step. A
 * name that resolves to nothing, and a figure typed into a title or a meaning (the card would show
 * it unverified), is an error at its line in the file.
 */
public final class QuickReferenceFile {
  /**
   * A number standing on its own: digits not joined to letters, so names such as H100, BF16 or
   * Llama 3 70B's "70B" are words, while "295" or "3.35" would be a figure nobody checked.
   */
  private static final Pattern TYPED_NUMBER = Pattern.compile("(?<![\\p{L}\\d_.,])\\d[\\d.,]*(?![\\p{L}\\d_])");

  private final YamlFile yaml;
  private final Map<String, VerifiedFormula> formulas = new java.util.HashMap<>();
  private final List<VerifiedExample> examples;
  private final DataSets data;
  private final Diagnostics errors;

  private QuickReferenceFile(YamlFile yaml, List<VerifiedFormula> formulas, List<VerifiedExample> examples,
      DataSets data, Diagnostics errors) {
    this.yaml = yaml;
    formulas.forEach(f -> this.formulas.put(f.id(), f));
    this.examples = examples;
    this.data = data;
    this.errors = errors;
  }

  /**
   * The card, or null when the file had errors (each added to {@code errors}).
   *
   * @param file the card file; {@code shown} is how diagnostics name it
   */
  public static QuickReference read(Path file, Path shown, List<VerifiedFormula> formulas,
      List<VerifiedExample> examples, DataSets data, Diagnostics errors) {
    Diagnostics.Mark before = errors.mark();
    YamlFile yaml = YamlFile.read(file, shown, errors);
    if (yaml == null) return null;
    QuickReference card = new QuickReferenceFile(yaml, formulas, examples, data, errors).card();
    return before.hasNew() ? null : card;
  }

  private QuickReference card() {
    List<QuickReference.Table> tables = new ArrayList<>();
    List<QuickReference.Topic> topics = new ArrayList<>();
    for (NodeTuple t : yaml.entries()) {
      String key = YamlFile.key(t);
      if (!key.equals("topics") && !key.equals("tables")) {
        unknownKey(t, "the card", "tables, topics");
        continue;
      }
      List<Node> list = YamlFile.sequence(t.getValueNode());
      if (list == null) {
        errors.add(Diagnostic.of(Kind.DATA, yaml.at(t.getValueNode()), key + " must be a list"));
        continue;
      }
      for (Node n : list) {
        if (key.equals("tables")) tables.add(table(n));
        else topics.add(topic(n));
      }
    }
    return new QuickReference(tables, topics);
  }

  private QuickReference.Topic topic(Node node) {
    List<NodeTuple> fields = mapping(node, "a topic", "{title: …, formulas: …, rules: …}");
    String title = null;
    List<QuickReference.FormulaLine> lines = new ArrayList<>();
    List<QuickReference.Rule> rules = new ArrayList<>();
    for (NodeTuple f : fields) {
      Node value = f.getValueNode();
      switch (YamlFile.key(f)) {
        case "title" -> title = text(value, "a topic's title");
        case "formulas" -> {
          // id: meaning, in the order the card shows them
          List<NodeTuple> entries = mapping(value, "formulas", "a mapping of formula id to its one-line meaning");
          for (NodeTuple e : entries) {
            VerifiedFormula formula = formulas.get(YamlFile.key(e));
            if (formula == null) {
              errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, yaml.at(e.getKeyNode()),
                  "unknown formula id '" + YamlFile.key(e) + "' on the card", "note: the card shows formulas of the guide by the id of their formula block"));
            }
            String meaning = text(e.getValueNode(), "the meaning of " + YamlFile.key(e));
            if (formula != null) lines.add(new QuickReference.FormulaLine(formula, meaning));
          }
        }
        case "rules" -> {
          List<Node> list = YamlFile.sequence(value);
          if (list == null) errors.add(Diagnostic.of(Kind.DATA, yaml.at(value), "rules must be a list of rules"));
          else for (Node n : list) {
            QuickReference.Rule r = rule(n);
            if (r != null) rules.add(r);
          }
        }
        default -> unknownKey(f, "a topic", "title, formulas, rules");
      }
    }
    if (title == null) errors.add(Diagnostic.of(Kind.DATA, yaml.at(node), "a topic needs a title"));
    return new QuickReference.Topic(title == null ? "" : title, lines, rules);
  }

  private QuickReference.Table table(Node node) {
    String caption = null;
    List<DataSets.Entity> rows = new ArrayList<>();
    List<QuickReference.Column> columns = new ArrayList<>();
    List<Node> columnNodes = new ArrayList<>();
    for (NodeTuple f : mapping(node, "a table", "{caption: …, rows: […], columns: {field: heading}}")) {
      Node value = f.getValueNode();
      switch (YamlFile.key(f)) {
        case "caption" -> caption = text(value, "a table's caption");
        case "rows" -> {
          List<Node> list = YamlFile.sequence(value);
          if (list == null) {
            errors.add(Diagnostic.of(Kind.DATA, yaml.at(value), "rows must be a list of data entries such as gpus.h100_sxm"));
            continue;
          }
          for (Node n : list) {
            DataSets.Entity e = entity(n);
            if (e != null) rows.add(e);
          }
        }
        case "columns" -> {
          for (NodeTuple c : mapping(value, "columns", "a mapping of data field to its heading")) {
            columns.add(new QuickReference.Column(YamlFile.key(c), text(c.getValueNode(), "a column's heading")));
            columnNodes.add(c.getKeyNode());
          }
        }
        default -> unknownKey(f, "a table", "caption, rows, columns");
      }
    }
    // A column no row has is a misspelt field; a row lacking one field shows a dash (an A100 has no FP8).
    for (int i = 0; i < columns.size(); i++) {
      String field = columns.get(i).field();
      if (!rows.isEmpty() && rows.stream().noneMatch(r -> r.fields().containsKey(field))) {
        errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, yaml.at(columnNodes.get(i)),
            "unknown data field '" + field + "': none of the table's rows has it"));
      }
    }
    if (caption == null) errors.add(Diagnostic.of(Kind.DATA, yaml.at(node), "a table needs a caption"));
    return new QuickReference.Table(caption == null ? "" : caption, rows, columns);
  }

  private DataSets.Entity entity(Node node) {
    String key = YamlFile.scalar(node);
    String[] parts = key == null ? new String[0] : key.split("\\.", -1);
    if (parts.length != 2) {
      errors.add(Diagnostic.of(Kind.DATA, yaml.at(node), "a row names a data entry as set.key, e.g. gpus.h100_sxm"));
      return null;
    }
    if (!data.hasSet(parts[0])) {
      errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, yaml.at(node), "unknown data set '" + parts[0] + "'",
          "note: known: " + String.join(", ", data.sets().keySet())));
      return null;
    }
    DataSets.Entity e = data.entity(parts[0], parts[1]).orElse(null);
    if (e == null) {
      errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, yaml.at(node),
          "unknown key '" + parts[1] + "' in " + parts[0] + " (data/" + parts[0] + ".yaml)"));
    }
    return e;
  }

  private QuickReference.Rule rule(Node node) {
    String title = null;
    String stepName = null;
    String meaning = null;
    Node stepNode = node;
    Node exampleNode = node;
    for (NodeTuple f : mapping(node, "a rule", "{example: title, step: name, say: meaning}")) {
      switch (YamlFile.key(f)) {
        case "example" -> {
          title = YamlFile.scalar(f.getValueNode());
          exampleNode = f.getValueNode();
        }
        case "step" -> {
          stepName = YamlFile.scalar(f.getValueNode());
          stepNode = f.getValueNode();
        }
        case "say" -> meaning = text(f.getValueNode(), "a rule's meaning");
        default -> unknownKey(f, "a rule", "example, step, say");
      }
    }
    if (title == null || stepName == null || meaning == null) {
      errors.add(Diagnostic.of(Kind.DATA, yaml.at(node), "a rule needs example, step and say"));
      return null;
    }
    String wanted = title;
    List<VerifiedExample> found = examples.stream().filter(e -> e.title().equals(wanted)).toList();
    if (found.size() != 1) {
      errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, yaml.at(exampleNode), found.isEmpty()
          ? "no worked example is titled \"" + title + "\"" : found.size() + " worked examples are titled \"" + title + "\"",
          "note: a rule shows the stated result of one worked example, named by its title"));
      return null;
    }
    VerifiedExample example = found.get(0);
    String name = stepName;
    ExampleStep step = example.steps().stream().filter(s -> name.equals(s.name())).findFirst().orElse(null);
    if (step == null || !step.isClaim()) {
      errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, yaml.at(stepNode), step == null
          ? "the example \"" + title + "\" has no step '" + stepName + "'"
          : "step '" + stepName + "' of \"" + title + "\" states no result (≈ value unit) to show",
          "note: steps that state a result: " + String.join(", ",
              example.steps().stream().filter(ExampleStep::isClaim).map(ExampleStep::name).toList())));
      return null;
    }
    return new QuickReference.Rule(example, step, meaning);
  }

  /** A title, heading or meaning: plain text that holds no figure, since nothing would check it. */
  private String text(Node node, String what) {
    String s = YamlFile.scalar(node);
    if (s == null || s.isBlank()) {
      errors.add(Diagnostic.of(Kind.DATA, yaml.at(node), what + " must be text"));
      return "";
    }
    Matcher m = TYPED_NUMBER.matcher(s);
    boolean found = false;
    while (!found && m.find()) found = !partOfAName(s, m.start(), m.group());
    if (found) {
      // The scalar's column is where its text starts, after a quote if it has one.
      var mark = node.getStartMark();
      int quote = node instanceof org.yaml.snakeyaml.nodes.ScalarNode sn && sn.getScalarStyle()
          != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN ? 1 : 0;
      errors.add(Diagnostic.of(Kind.UNVERIFIED, org.llmsi.verifier.report.Location.of(yaml.shownPath,
              mark.getLine() + 1, mark.getColumn() + 1 + quote + m.start()).withLength(m.group().length()),
          "the figure " + m.group() + " is typed into the card, where nothing checks it",
          "help: show it through a formula, a data table or a rule (a worked example's result)"));
    }
    return s;
  }

  /**
   * Whether the number at {@code at} follows a word with which a data entry's name holds it, as
   * "Llama 3" in "Llama 3 8B": the prose rule for names (verifier/LANGUAGE.md).
   */
  private boolean partOfAName(String text, int at, String number) {
    Matcher word = Pattern.compile("(\\p{L}+) $").matcher(text.substring(0, at));
    if (!word.find()) return false;
    String pair = word.group(1) + " " + number;
    return data.sets().values().stream().flatMap(set -> set.values().stream())
        .anyMatch(e -> (" " + e.name() + " ").contains(" " + pair + " "));
  }

  private List<NodeTuple> mapping(Node node, String what, String shape) {
    List<NodeTuple> m = YamlFile.mapping(node);
    if (m == null) {
      errors.add(Diagnostic.of(Kind.DATA, yaml.at(node), what + " must be " + shape));
      return List.of();
    }
    return m;
  }

  private void unknownKey(NodeTuple t, String where, String known) {
    errors.add(Diagnostic.of(Kind.DATA, yaml.at(t.getKeyNode()),
        "unknown key '" + YamlFile.key(t) + "' in " + where + " (known: " + known + ")"));
  }
}
