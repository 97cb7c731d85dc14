package org.llmsi.verifier.data;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.units.Unit;
import org.llmsi.verifier.units.UnitParser;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The guide's single notation: every symbol a formula may use, declared once in
 * {@code data/symbols.yaml} with its typeset form, meaning, unit and property-test domain (or a
 * fixed value with its source, for fitted constants).
 */
public final class Glossary {
  private static final Set<String> KEYS =
      Set.of("tex", "meaning", "unit", "domain", "integer", "value", "source");

  private final Map<String, SymbolDef> symbols;
  private final Set<String> invalid;

  private Glossary(Map<String, SymbolDef> symbols, Set<String> invalid) {
    this.symbols = symbols;
    this.invalid = invalid;
  }

  public static Glossary empty() {
    return new Glossary(Map.of(), Set.of());
  }

  /** Whether the symbol is declared but its entry had errors (already reported at the entry). */
  public boolean isInvalid(String name) {
    return invalid.contains(name);
  }

  public Optional<SymbolDef> symbol(String name) {
    return Optional.ofNullable(symbols.get(name));
  }

  public Collection<SymbolDef> symbols() {
    return symbols.values();
  }

  /** Reads a glossary file; problems are added to {@code errors} at their line. */
  public static Glossary read(Path file, Path shownPath, Diagnostics errors) {
    List<Path[]> one = new java.util.ArrayList<>();
    one.add(new Path[] {file, shownPath});
    return read(one, errors);
  }

  /**
   * Reads a glossary split over several files (one per topic keeps contributors out of each
   * other's way); a symbol declared twice is an error at its second declaration.
   *
   * @param files pairs of {file on disk, path as shown}
   */
  public static Glossary read(List<Path[]> files, Diagnostics errors) {
    Map<String, SymbolDef> out = new LinkedHashMap<>();
    Set<String> invalid = new java.util.HashSet<>();
    for (Path[] f : files) {
      YamlFile yaml = YamlFile.read(f[0], f[1], errors);
      if (yaml != null) readInto(yaml, out, invalid, errors);
    }
    return new Glossary(out, invalid);
  }

  private static void readInto(YamlFile yaml, Map<String, SymbolDef> out, Set<String> invalid,
      Diagnostics errors) {
    for (NodeTuple entry : yaml.entries()) {
      String name = YamlFile.key(entry);
      Node keyNode = entry.getKeyNode();
      if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
        errors.add(Diagnostic.of(Kind.DATA, yaml.at(keyNode),
            "symbol name '" + name + "' must be letters, digits and underscores, starting with a letter"));
        continue;
      }
      List<NodeTuple> fields = YamlFile.mapping(entry.getValueNode());
      if (fields == null) {
        errors.add(Diagnostic.of(Kind.DATA, yaml.at(entry.getValueNode()),
            "symbol '" + name + "' must be a mapping with tex, meaning, unit and domain"));
        invalid.add(name);
        continue;
      }
      if (out.containsKey(name) || invalid.contains(name)) {
        errors.add(Diagnostic.of(Kind.DUPLICATE, yaml.at(keyNode), "symbol '" + name + "' is declared twice",
            out.containsKey(name) ? "note: first declared at " + out.get(name).location().display()
                : "note: its first declaration has errors of its own"));
        continue;
      }
      SymbolDef def = symbol(name, yaml, keyNode, fields, errors);
      if (def != null) out.put(name, def);
      else invalid.add(name);
    }
  }

  private static SymbolDef symbol(
      String name, YamlFile yaml, Node keyNode, List<NodeTuple> fields, Diagnostics errors) {
    Map<String, Node> f = new LinkedHashMap<>();
    Diagnostics.Mark before = errors.mark();
    for (NodeTuple t : fields) {
      String key = YamlFile.key(t);
      if (!KEYS.contains(key)) {
        errors.add(Diagnostic.of(Kind.DATA, yaml.at(t.getKeyNode()),
            "unknown key '" + key + "' in symbol '" + name + "'",
            "known keys: tex, meaning, unit, domain, integer, value, source"));
      }
      f.put(key, t.getValueNode());
    }
    for (String required : List.of("tex", "meaning", "unit")) {
      if (YamlFile.scalar(f.get(required)) == null) {
        errors.add(Diagnostic.of(Kind.DATA, yaml.at(keyNode),
            "symbol '" + name + "' has no " + required + (required.equals("unit") ? " (write unit: \"1\" for a count)" : "")));
      }
    }
    Unit unit = Unit.NONE;
    String unitText = YamlFile.scalar(f.get("unit"));
    if (unitText != null && !unitText.equals("1")) {
      try {
        unit = UnitParser.parse(unitText);
      } catch (UnitParser.UnitException e) {
        errors.add(Diagnostic.of(Kind.DATA, yaml.at(f.get("unit")), "symbol '" + name + "': " + e.getMessage()));
      }
    }
    Double constant = null;
    double low = Double.NaN;
    double high = Double.NaN;
    String source = YamlFile.scalar(f.get("source"));
    if (f.containsKey("value")) {
      constant = number(yaml, f.get("value"), name, "value", errors);
      if (source == null || source.isBlank()) {
        errors.add(Diagnostic.of(Kind.DATA, yaml.at(keyNode),
            "constant '" + name + "' has no source: name the paper, table or equation it comes from"));
      }
      if (f.containsKey("domain")) {
        errors.add(Diagnostic.of(Kind.DATA, yaml.at(f.get("domain")),
            "constant '" + name + "' has a fixed value and cannot also have a domain"));
      }
    } else {
      List<Node> domain = YamlFile.sequence(f.get("domain"));
      if (domain == null || domain.size() != 2) {
        errors.add(Diagnostic.of(Kind.DATA, yaml.at(f.getOrDefault("domain", keyNode)),
            "symbol '" + name + "' needs a property-test domain: [low, high] in its unit"));
      } else {
        Double lo = number(yaml, domain.get(0), name, "domain", errors);
        Double hi = number(yaml, domain.get(1), name, "domain", errors);
        if (lo != null && hi != null) {
          if (!(lo < hi) || lo < 0) {
            errors.add(Diagnostic.of(Kind.DATA, yaml.at(f.get("domain")),
                "domain of '" + name + "' must satisfy 0 <= low < high, got [" + lo + ", " + hi + "]"));
          }
          low = lo;
          high = hi;
        }
      }
    }
    boolean integer = "true".equals(YamlFile.scalar(f.get("integer")));
    if (before.hasNew()) return null;
    return new SymbolDef(name, YamlFile.scalar(f.get("tex")), YamlFile.scalar(f.get("meaning")), unit,
        low, high, integer, constant, source, yaml.at(keyNode));
  }

  static Double number(YamlFile yaml, Node node, String owner, String what, Diagnostics errors) {
    String text = YamlFile.scalar(node);
    try {
      if (text == null) throw new NumberFormatException();
      double v = Double.parseDouble(text.replace("_", ""));
      if (!Double.isFinite(v)) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      errors.add(Diagnostic.of(Kind.DATA, yaml.at(node),
          what + " of '" + owner + "' must be a number, got '" + (text == null ? "a structure" : text) + "'"));
      return null;
    }
  }
}
