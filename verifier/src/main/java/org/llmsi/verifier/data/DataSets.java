package org.llmsi.verifier.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.units.Unit;
import org.llmsi.verifier.units.UnitParser;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Model and accelerator figures, one YAML file per set ({@code data/models.yaml},
 * {@code data/gpus.yaml}), each value with its unit and its source. Examples refer to them as
 * {@code set.entity.field}, so a figure is written once and cited once.
 */
public final class DataSets {
  private final Map<String, Map<String, Entity>> sets;
  private final java.util.Set<String> invalid;

  /**
   * A model or accelerator.
   *
   * @param key e.g. {@code gpus.h100_sxm}
   * @param name display name
   * @param fields its figures by field name
   */
  public record Entity(String key, String name, Map<String, DataValue> fields) {}

  private DataSets(Map<String, Map<String, Entity>> sets, java.util.Set<String> invalid) {
    this.sets = sets;
    this.invalid = invalid;
  }

  public static DataSets empty() {
    return new DataSets(Map.of(), java.util.Set.of());
  }

  /** Whether a dotted key names a figure whose entry had errors (already reported there). */
  public boolean isInvalid(String key) {
    return invalid.contains(key);
  }

  public Optional<Entity> entity(String set, String key) {
    return Optional.ofNullable(sets.getOrDefault(set, Map.of()).get(key));
  }

  public boolean hasSet(String set) {
    return sets.containsKey(set);
  }

  public Map<String, Map<String, Entity>> sets() {
    return sets;
  }

  /** Reads every data file; the set's name is the file name without {@code .yaml}. */
  public static DataSets read(Map<String, Path[]> files, Diagnostics errors) {
    Map<String, Map<String, Entity>> sets = new TreeMap<>();
    java.util.Set<String> invalid = new java.util.HashSet<>();
    files.forEach((set, paths) -> sets.put(set, readSet(set, paths[0], paths[1], errors, invalid)));
    return new DataSets(sets, invalid);
  }

  private static Map<String, Entity> readSet(String set, Path file, Path shown, Diagnostics errors,
      java.util.Set<String> invalid) {
    Map<String, Entity> out = new LinkedHashMap<>();
    YamlFile yaml = YamlFile.read(file, shown, errors);
    if (yaml == null) return out;
    for (NodeTuple entry : yaml.entries()) {
      String key = YamlFile.key(entry);
      List<NodeTuple> fields = YamlFile.mapping(entry.getValueNode());
      if (!key.matches("[a-z][a-z0-9_]*")) {
        errors.add(Diagnostic.of(Kind.DATA, yaml.at(entry.getKeyNode()),
            "key '" + key + "' must be lower-case letters, digits and underscores"));
        continue;
      }
      if (fields == null) {
        errors.add(Diagnostic.of(Kind.DATA, yaml.at(entry.getValueNode()),
            "'" + key + "' must be a mapping of fields"));
        continue;
      }
      String name = key;
      Map<String, DataValue> values = new LinkedHashMap<>();
      for (NodeTuple field : fields) {
        String fieldName = YamlFile.key(field);
        if (fieldName.equals("name")) {
          name = String.valueOf(YamlFile.scalar(field.getValueNode()));
          continue;
        }
        DataValue v = value(set + "." + key + "." + fieldName, yaml, field, errors);
        if (v != null) values.put(fieldName, v);
        else invalid.add(set + "." + key + "." + fieldName);
      }
      out.put(key, new Entity(set + "." + key, name, values));
    }
    return out;
  }

  private static DataValue value(String fullKey, YamlFile yaml, NodeTuple field, Diagnostics errors) {
    List<NodeTuple> parts = YamlFile.mapping(field.getValueNode());
    if (parts == null) {
      errors.add(Diagnostic.of(Kind.DATA, yaml.at(field.getValueNode()),
          fullKey + " must be {value: …, unit: …, source: …}: every figure carries its source"));
      return null;
    }
    Map<String, Node> p = new LinkedHashMap<>();
    for (NodeTuple t : parts) {
      String k = YamlFile.key(t);
      if (!List.of("value", "unit", "source").contains(k)) {
        errors.add(Diagnostic.of(Kind.DATA, yaml.at(t.getKeyNode()),
            "unknown key '" + k + "' in " + fullKey + " (known: value, unit, source)"));
        return null;
      }
      p.put(k, t.getValueNode());
    }
    String source = YamlFile.scalar(p.get("source"));
    if (source == null || source.isBlank()) {
      errors.add(Diagnostic.of(Kind.DATA, yaml.at(field.getKeyNode()),
          fullKey + " has no source: name the paper section, model config or datasheet it comes from"));
      return null;
    }
    if (!p.containsKey("value")) {
      errors.add(Diagnostic.of(Kind.DATA, yaml.at(field.getKeyNode()), fullKey + " has no value"));
      return null;
    }
    Double value = Glossary.number(yaml, p.get("value"), fullKey, "value", errors);
    if (value == null) return null;
    Unit unit = Unit.NONE;
    String unitText = YamlFile.scalar(p.get("unit"));
    if (unitText != null) {
      try {
        unit = UnitParser.parse(unitText);
      } catch (UnitParser.UnitException e) {
        errors.add(Diagnostic.of(Kind.DATA, yaml.at(p.get("unit")), fullKey + ": " + e.getMessage()));
        return null;
      }
    }
    return new DataValue(fullKey, value, unit, source, yaml.at(field.getKeyNode()));
  }
}
