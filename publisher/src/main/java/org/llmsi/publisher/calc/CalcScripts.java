package org.llmsi.publisher.calc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.llmsi.publisher.bake.Book;
import org.llmsi.publisher.bake.Chapter;
import org.llmsi.publisher.markdown.internal.ReaderValue;
import org.llmsi.publisher.search.SearchIndex;
import org.llmsi.verifier.data.DataSets;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.model.ExampleStep;
import org.llmsi.verifier.model.VerifiedExample;
import org.llmsi.verifier.model.VerifiedFormula;
import org.llmsi.verifier.model.VerifiedGuide;
import org.llmsi.verifier.units.Unit;
import org.llmsi.verifier.units.UnitParser;

/**
 * Writes each chapter's calculator script, {@code calc/<page>.js}: its formulas as functions
 * generated from their syntax trees ({@link JsGenerator}), each input's meaning, unit and the value
 * the first example that calls the formula gave it, the units a reader may switch to, and the data
 * entries the pickers offer. A drill's script also holds its examples' steps, generated the same
 * way, for the what-if panel. The shared runtime {@code assets/calc.js} builds the forms; the HTML
 * carries none of this, so pages stay light and read fully without JavaScript.
 */
public final class CalcScripts {
  /** The folder of the per-page scripts, relative to the site root. */
  public static final String FOLDER = "calc";

  /** Units a reader may switch an input or a result to, when they measure what it measures. */
  private static final List<String> UNITS = List.of(
      "B", "kB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "bit", "Gbit", "Tbit",
      "FLOP", "GFLOP", "TFLOP", "PFLOP", "EFLOP", "s", "ms", "µs", "ns", "min", "h", "day",
      "B/s", "GB/s", "TB/s", "GiB/s", "Gbit/s", "Tbit/s", "FLOP/s", "GFLOP/s", "TFLOP/s", "PFLOP/s",
      "USD", "USD/h", "1/s", "FLOP/B");

  private final JsGenerator generator;

  public CalcScripts(JsGenerator generator) {
    this.generator = generator;
  }

  /** The script's path for a chapter page, relative to the site root ({@code calc/02-roofline.js}). */
  public static String scriptFor(String pageUri) {
    return FOLDER + "/" + pageUri.replaceAll("\\.html$", "") + ".js";
  }

  /** Whether a chapter gets a script: it has a formula, or it is a drill with examples. */
  public static boolean hasScript(Chapter chapter) {
    return chapter.page().blocks().stream()
        .anyMatch(b -> b.kind().equals("formula") || isDrill(chapter) && b.kind().equals("example"));
  }

  /** A drill gets the what-if panel: its file name says so ({@code 11-drill-serve-70b-chat.md}). */
  static boolean isDrill(Chapter chapter) {
    return chapter.relativePath().contains("drill-");
  }

  /** Writes every chapter's script into the site. */
  public void write(Path site, Book book, VerifiedGuide guide) throws IOException {
    for (Chapter chapter : book.chapters()) {
      if (!hasScript(chapter)) continue;
      Path file = site.resolve(scriptFor(chapter.uri()));
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file); // in a refreshed preview, a hard link to the published file
      Files.writeString(file, script(chapter, guide), StandardCharsets.UTF_8);
    }
    // The appendix lists every formula, each with its calculator (templates/appendix.ftl loads it).
    Path appendix = site.resolve(scriptFor("formula-appendix.html"));
    Files.createDirectories(appendix.getParent());
    Files.deleteIfExists(appendix);
    Files.writeString(appendix, formulasScript(guide.formulas(), guide), StandardCharsets.UTF_8);
  }

  /** One chapter's script. */
  String script(Chapter chapter, VerifiedGuide guide) {
    Path file = chapter.page().file().shownPath();
    List<VerifiedFormula> formulas = new ArrayList<>();
    for (VerifiedFormula f : guide.formulas()) {
      if (f.location().file().equals(file)) formulas.add(f);
    }
    List<VerifiedExample> examples = isDrill(chapter)
        ? guide.examples().stream().filter(e -> e.location().file().equals(file)).toList() : List.of();
    // The what-if calls formulas of other chapters too: they come along, without a calculator.
    Set<String> called = new LinkedHashSet<>();
    for (VerifiedExample e : examples) {
      for (ExampleStep s : e.steps()) calls(s.statement().binding().rhs(), called);
    }
    for (VerifiedFormula f : guide.formulas()) {
      if (called.contains(f.id()) && !formulas.contains(f)) formulas.add(f);
    }
    return "window.LLMSI_CALC = " + page(formulas, examples, guide) + ";\n";
  }

  /** The script of the given formulas alone (the agreement test loads it as a page would). */
  public String formulasScript(List<VerifiedFormula> formulas, VerifiedGuide guide) {
    return "window.LLMSI_CALC = " + page(formulas, List.of(), guide) + ";\n";
  }

  private String page(List<VerifiedFormula> formulas, List<VerifiedExample> examples, VerifiedGuide guide) {
    Map<String, SymbolDef> symbols = new TreeMap<>();
    Set<String> sets = new LinkedHashSet<>();
    StringBuilder fs = new StringBuilder("{");
    for (VerifiedFormula f : formulas) {
      if (fs.length() > 1) fs.append(",\n");
      fs.append(SearchIndex.string(f.id())).append(":").append(formula(f, symbols, sets));
    }
    fs.append("}");
    String whatIf = examples.isEmpty() ? "null" : whatIf(examples, guide, sets);
    StringBuilder units = new StringBuilder("{");
    StringBuilder syms = new StringBuilder("{");
    // Unit lists by the glossary unit they start from: a symbol opens in its own unit.
    Set<String> lists = new LinkedHashSet<>();
    for (SymbolDef s : symbols.values()) {
      if (syms.length() > 1) syms.append(",\n");
      String unit = s.unit().text();
      syms.append(SearchIndex.string(s.name())).append(":{\"m\":").append(SearchIndex.string(s.meaning()))
          .append(",\"u\":").append(SearchIndex.string(unit)).append(",\"f\":")
          .append(JsGenerator.number(s.unit().factor())).append("}");
      if (lists.add(unit)) {
        if (units.length() > 1) units.append(",\n");
        units.append(SearchIndex.string(unit)).append(":").append(units(s.unit()));
      }
    }
    units.append("}");
    syms.append("}");
    return "{\"formulas\":" + fs + ",\n\"symbols\":" + syms + ",\n\"units\":" + units
        + ",\n\"data\":" + data(guide.data(), sets) + ",\n\"whatif\":" + whatIf + "}";
  }

  /** A formula: result, inputs, the first example's values, data pickers and the generated function. */
  private String formula(VerifiedFormula f, Map<String, SymbolDef> symbols, Set<String> sets) {
    List<String> inputs = new ArrayList<>();
    for (SymbolDef s : f.symbols().subList(1, f.symbols().size())) {
      if (!s.isConstant()) inputs.add(s.name());
      symbols.put(s.name(), s);
    }
    symbols.put(f.symbols().get(0).name(), f.symbols().get(0));
    StringBuilder ex = new StringBuilder("{");
    StringBuilder pick = new StringBuilder("{");
    for (SymbolDef s : f.symbols()) {
      if (!inputs.contains(s.name())) continue;
      double value = f.firstUse() != null ? f.firstUse().values().get(s.name()) : typical(s);
      if (ex.length() > 1) ex.append(",");
      ex.append(s.name()).append(":").append(JsGenerator.number(value));
      String key = f.firstUse() == null ? null : f.firstUse().dataKeys().get(s.name());
      if (key != null) {
        if (pick.length() > 1) pick.append(",");
        pick.append(s.name()).append(":").append(SearchIndex.string(key));
        sets.add(key.substring(0, key.indexOf('.')));
      }
    }
    return "{\"r\":" + SearchIndex.string(f.symbols().get(0).name()) + ",\"in\":["
        + String.join(",", inputs.stream().map(SearchIndex::string).toList()) + "],\"ex\":" + ex + "}"
        + ",\"pick\":" + pick + "},\"fn\":" + function(f) + "}";
  }

  /** The formula as a JavaScript function of its inputs in base units, {@code v.P_peak}, …; constants inlined. */
  public String function(VerifiedFormula f) {
    return "function(v){return " + generator.expression(f.rhs(), new JsGenerator.Names() {
      @Override
      public String name(Expr.Name n) {
        SymbolDef s = f.symbols().stream().filter(x -> x.name().equals(n.name())).findFirst().orElseThrow();
        return s.isConstant() ? JsGenerator.number(s.unit().toBase(s.constant())) : "v." + s.name();
      }

      @Override
      public String call(Expr.Call call, List<String> argNames, List<String> args) {
        throw new IllegalStateException("formula " + f.id() + " calls " + call.function() + ": formulas call built-ins only");
      }
    }) + ";}";
  }

  /** A value to start from when no example calls the formula: the domain's middle (geometric when drawn so). */
  private static double typical(SymbolDef s) {
    double mid = s.logUniform() ? Math.sqrt(s.low() * s.high()) : (s.low() + s.high()) / 2;
    if (s.integer()) mid = Math.round(mid);
    return s.unit().toBase(mid);
  }

  /** The units of the list that measure what {@code own} measures, {@code own} first: [[text, factor], …]. */
  private static String units(Unit own) {
    // By the name a reader sees, so "us" and "µs" are one choice.
    Map<String, Double> out = new LinkedHashMap<>();
    out.put(ReaderValue.unit(own.text()), own.factor());
    for (String text : UNITS) {
      try {
        Unit u = UnitParser.parse(text);
        if (u.dimension().equals(own.dimension())) out.putIfAbsent(ReaderValue.unit(text), u.factor());
      } catch (UnitParser.UnitException e) {
        throw new IllegalStateException("the calculator's unit list has a unit the guide does not know: " + text, e);
      }
    }
    List<String> pairs = new ArrayList<>();
    out.forEach((t, f) -> pairs.add("[" + SearchIndex.string(t) + "," + JsGenerator.number(f) + "]"));
    return "[" + String.join(",", pairs) + "]";
  }

  /** Every entry of the named data sets: its name and its figures in base units. */
  private static String data(DataSets data, Set<String> sets) {
    StringBuilder b = new StringBuilder("{");
    for (String set : sets) {
      if (b.length() > 1) b.append(",\n");
      b.append(SearchIndex.string(set)).append(":{");
      boolean first = true;
      for (var entity : data.sets().get(set).values()) {
        b.append(first ? "\n" : ",\n");
        first = false;
        b.append(SearchIndex.string(entity.key().substring(set.length() + 1))).append(":{\"name\":")
            .append(SearchIndex.string(entity.name()));
        for (Map.Entry<String, DataValue> field : entity.fields().entrySet()) {
          b.append(",").append(SearchIndex.string(field.getKey())).append(":")
              .append(JsGenerator.number(field.getValue().baseValue()));
        }
        b.append("}");
      }
      b.append("}");
    }
    return b.append("}").toString();
  }

  /**
   * A drill's what-if: its givens (literals and model or accelerator aliases) and every step of its
   * examples in page order, each a generated function of the page's bindings so far ({@code s}),
   * the data ({@code d}) and the formulas ({@code F}). Claims are its key results.
   */
  private String whatIf(List<VerifiedExample> examples, VerifiedGuide guide, Set<String> sets) {
    Set<String> bound = new HashSet<>();
    List<String> steps = new ArrayList<>();
    // The givens shown are those of examples that a later example reads from: the givens of an
    // example that feeds nothing on (the minutes of the time budget) would only crowd the panel.
    Map<String, Integer> givenIn = new LinkedHashMap<>();
    Map<String, Expr> givenRhs = new LinkedHashMap<>();
    Map<String, String> givenLabel = new HashMap<>();
    Map<String, Integer> boundIn = new HashMap<>();
    Map<String, Set<String>> aliasFields = new HashMap<>();
    Set<Integer> feeding = new HashSet<>();
    for (int i = 0; i < examples.size(); i++) {
      VerifiedExample e = examples.get(i);
      Set<String> reads = new HashSet<>();
      for (ExampleStep step : e.steps()) {
        Expr rhs = step.statement().binding().rhs();
        String code = generator.expression(rhs, exampleNames(bound, guide, sets, reads, aliasFields));
        if (step.given()) {
          givenIn.putIfAbsent(step.name(), i);
          givenRhs.putIfAbsent(step.name(), rhs);
          givenLabel.putIfAbsent(step.name(), step.label());
        }
        if (rhs instanceof Expr.Name n && step.given()) code = n.dotted() ? SearchIndex.string(n.name()) : "s." + n.name();
        StringBuilder s = new StringBuilder("{\"n\":" + SearchIndex.string(step.name()) + ",\"e\":" + i);
        if (step.given()) s.append(",\"g\":1");
        if (step.isClaim()) { // a key result: a row of the what-if's table, under its label
          Unit u = step.statement().claim().stated().unit();
          s.append(",\"l\":").append(SearchIndex.string(step.label())).append(",\"c\":").append(SearchIndex.string(ReaderValue.of(step.claimed()))).append(",\"u\":")
              .append(SearchIndex.string(ReaderValue.unit(u.text()))).append(",\"f\":").append(JsGenerator.number(u.factor()))
              .append(",\"p\":").append(Math.max(3, significantDigits(step.statement().claim().stated().text())));
        }
        s.append(",\"fn\":function(s,d,F){return ").append(code).append(";}}");
        steps.add(s.toString());
        bound.add(step.name());
      }
      for (String name : reads) {
        Integer from = boundIn.get(name);
        if (from != null) feeding.add(from);
      }
      for (ExampleStep step : e.steps()) boundIn.put(step.name(), i);
    }
    List<String> givens = new ArrayList<>();
    givenRhs.forEach((name, rhs) -> {
      if (rhs instanceof Expr.Name n && n.name().split("\\.").length == 2) {
        sets.add(n.name().substring(0, n.name().indexOf('.'))); // the steps read the entry's figures
      }
      if (!feeding.contains(givenIn.get(name))) return;
      if (rhs instanceof Expr.Num n) {
        givens.add("{\"n\":" + SearchIndex.string(name) + ",\"l\":" + SearchIndex.string(givenLabel.get(name)) + ",\"v\":" + JsGenerator.number(n.magnitude())
            + ",\"u\":" + SearchIndex.string(n.unit().text()) + ",\"f\":" + JsGenerator.number(n.unit().factor())
            + ",\"units\":" + (n.unit().text().isEmpty() ? "[]" : units(n.unit())) + "}");
      } else if (rhs instanceof Expr.Name n && n.name().split("\\.").length == 2) {
        // A model or GPU to pick: offered only among entries that have every figure the page reads
        // of it, and only when the examples read one (an entry named for prose figures is no given).
        String set = n.name().substring(0, n.name().indexOf('.'));
        Set<String> fields = aliasFields.getOrDefault(name, Set.of());
        long choices = guide.data().sets().get(set).values().stream()
            .filter(entry -> entry.fields().keySet().containsAll(fields)).count();
        if (fields.isEmpty() || choices < 2) return;
        givens.add("{\"n\":" + SearchIndex.string(name) + ",\"l\":" + SearchIndex.string(givenLabel.get(name)) + ",\"set\":" + SearchIndex.string(set)
            + ",\"key\":" + SearchIndex.string(n.name().substring(set.length() + 1)) + ",\"fields\":["
            + String.join(",", fields.stream().map(SearchIndex::string).toList()) + "]}");
      }
    });
    List<String> titles = examples.stream().map(e -> SearchIndex.string(e.title())).toList();
    return "{\"titles\":[" + String.join(",", titles) + "],\n\"givens\":[" + String.join(",\n", givens)
        + "],\n\"steps\":[" + String.join(",\n", steps) + "]}";
  }

  private static final java.util.regex.Pattern LEADING_NUMBER = java.util.regex.Pattern.compile("[-+]?[\\d,]*(?:\\.\\d*)?");

  /**
   * The digits a claim is stated to ({@code 1800} four, {@code 8.4e6} two), so the what-if shows a
   * recomputed result as precisely as the page states it.
   */
  static int significantDigits(String stated) {
    java.util.regex.Matcher m = LEADING_NUMBER.matcher(stated);
    String mantissa = m.lookingAt() ? m.group().replaceAll("[^0-9]", "").replaceFirst("^0+", "") : "";
    return Math.max(1, mantissa.length());
  }

  /** Names in an example step: the page's bindings so far, data figures, constants, formulas by id. */
  private static JsGenerator.Names exampleNames(Set<String> bound, VerifiedGuide guide, Set<String> sets, Set<String> reads,
      Map<String, Set<String>> aliasFields) {
    return new JsGenerator.Names() {
      @Override
      public String name(Expr.Name n) {
        String[] parts = n.name().split("\\.");
        if (parts.length == 1) {
          if (bound.contains(n.name())) {
            reads.add(n.name());
            return "s." + n.name();
          }
          SymbolDef s = guide.glossary().symbol(n.name()).orElseThrow();
          return JsGenerator.number(s.unit().toBase(s.constant()));
        }
        if (parts.length == 2) {
          reads.add(parts[0]);
          aliasFields.computeIfAbsent(parts[0], a -> new java.util.TreeSet<>()).add(parts[1]);
          return "d(s." + parts[0] + "," + SearchIndex.string(parts[1]) + ")";
        }
        sets.add(parts[0]);
        return "d(" + SearchIndex.string(parts[0] + "." + parts[1]) + "," + SearchIndex.string(parts[2]) + ")";
      }

      @Override
      public String call(Expr.Call call, List<String> argNames, List<String> args) {
        VerifiedFormula f = guide.formula(call.function()).orElseThrow();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) fields.add(argNames.get(i) + ":" + args.get(i));
        for (SymbolDef s : f.symbols().subList(1, f.symbols().size())) {
          if (!s.isConstant() && !argNames.contains(s.name())) {
            reads.add(s.name());
            fields.add(s.name() + ":s." + s.name());
          }
        }
        return "F." + f.id() + "({" + String.join(",", fields) + "})";
      }
    };
  }

  private static void calls(Expr e, Set<String> out) {
    if (e instanceof Expr.Call c) {
      out.add(c.function());
      c.args().forEach(a -> calls(a.value(), out));
    } else if (e instanceof Expr.Binary b) {
      calls(b.left(), out);
      calls(b.right(), out);
    } else if (e instanceof Expr.Unary u) {
      calls(u.operand(), out);
    } else if (e instanceof Expr.Group g) {
      calls(g.inner(), out);
    }
  }
}
