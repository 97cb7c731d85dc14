package org.llmsi.formulas;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guide's data files (site-src/data/*.yaml) as the tests see them: values converted to base
 * units (bytes, bits, FLOP, seconds), so a test never copies a figure the data file holds.
 */
final class Data {
  private Data() {}

  static final Path DIR = Path.of("..", "site-src", "data");
  static final Map<String, Map<String, Object>> MODELS = read("models.yaml");
  static final Map<String, Map<String, Object>> GPUS = read("gpus.yaml");
  static final Map<String, Map<String, Object>> PAPERS = read("papers.yaml");
  static final Map<String, Map<String, Object>> NETWORK = read("network.yaml");
  static final Map<String, Map<String, Object>> RUNS = read("runs.yaml");

  /** A data file as entity key to its fields (the same YAML library as the verifier's reader). */
  private static Map<String, Map<String, Object>> read(String file) {
    try (Reader in = Files.newBufferedReader(DIR.resolve(file))) {
      return new org.yaml.snakeyaml.Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the entity {@code key} of the file has the field. */
  static boolean has(Map<String, Map<String, Object>> file, String key, String field) {
    return file.containsKey(key) && file.get(key).containsKey(field);
  }

  /** The entity keys of a file, in file order. */
  static Set<String> keys(Map<String, Map<String, Object>> file) {
    return file.keySet();
  }

  /** A model field in base units. */
  static double model(String key, String field) {
    return value(MODELS, key, field);
  }

  /** A GPU field in base units. */
  static double gpu(String key, String field) {
    return value(GPUS, key, field);
  }

  /** A published figure (papers.yaml) in base units; a percentage is returned as a fraction. */
  static double paper(String key, String field) {
    return value(PAPERS, key, field);
  }

  /** A training run or published projection (runs.yaml) in base units. */
  static double run(String key, String field) {
    return value(RUNS, key, field);
  }

  static double value(Map<String, Map<String, Object>> file, String key, String field) {
    if (!has(file, key, field)) {
      throw new IllegalArgumentException("no " + key + "." + field);
    }
    Map<?, ?> entry = (Map<?, ?>) file.get(key).get(field);
    Object unit = entry.get("unit");
    return ((Number) entry.get("value")).doubleValue() * unitFactor(unit == null ? "" : unit.toString());
  }

  private static final Map<String, Double> PREFIX = Map.of(
      "", 1.0, "k", 1e3, "M", 1e6, "G", 1e9, "T", 1e12, "P", 1e15,
      "Ki", 0x1p10, "Mi", 0x1p20, "Gi", 0x1p30, "Ti", 0x1p40);
  static final Pattern UNIT =
      Pattern.compile("(|k|M|G|T|P|Ki|Mi|Gi|Ti)(B|bit|FLOP|s|USD)(/s)?");

  /** The factor that turns a value in {@code unit} into base units; "" is a plain count. */
  static double unitFactor(String unit) {
    if (unit.isEmpty()) {
      return 1;
    }
    if (unit.equals("%")) {
      return 0.01;
    }
    Matcher m = UNIT.matcher(unit);
    if (!m.matches()) {
      throw new IllegalArgumentException("unit not allowed: " + unit);
    }
    return PREFIX.get(m.group(1));
  }
}
