package org.llmsi.verifier.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.report.Location;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML data file read as a node tree that remembers where each node stands, so a bad value is
 * reported at its own line and column rather than as "somewhere in symbols.yaml".
 */
final class YamlFile {
  final Path shownPath;
  final MappingNode root;

  private YamlFile(Path shownPath, MappingNode root) {
    this.shownPath = shownPath;
    this.root = root;
  }

  /** Reads the file; on failure adds a diagnostic and returns null. */
  static YamlFile read(Path file, Path shownPath, Diagnostics errors) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Node node = new Yaml(options).compose(in);
      if (node == null) return new YamlFile(shownPath, null);
      if (!(node instanceof MappingNode map)) {
        errors.add(Diagnostic.of(Kind.DATA, at(shownPath, node.getStartMark()),
            "a data file must be a mapping of keys to entries"));
        return null;
      }
      return new YamlFile(shownPath, map);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
      errors.add(Diagnostic.of(Kind.DATA, mark == null ? Location.file(shownPath) : at(shownPath, mark),
          "malformed YAML: " + problem.strip()));
      return null;
    } catch (IOException | RuntimeException e) {
      errors.add(Diagnostic.of(Kind.IO, Location.file(shownPath), "cannot read data file: " + e.getMessage()));
      return null;
    }
  }

  List<NodeTuple> entries() {
    return root == null ? List.of() : root.getValue();
  }

  Location at(Node node) {
    return at(shownPath, node.getStartMark());
  }

  static Location at(Path file, Mark mark) {
    return Location.of(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  static String key(NodeTuple t) {
    return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
  }

  static String scalar(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : null;
  }

  static List<Node> sequence(Node n) {
    if (n instanceof org.yaml.snakeyaml.nodes.SequenceNode s) return s.getValue();
    return null;
  }

  static List<NodeTuple> mapping(Node n) {
    return n instanceof MappingNode m ? m.getValue() : null;
  }

  static List<String> keys(List<NodeTuple> tuples) {
    List<String> out = new ArrayList<>();
    for (NodeTuple t : tuples) out.add(key(t));
    return out;
  }
}
