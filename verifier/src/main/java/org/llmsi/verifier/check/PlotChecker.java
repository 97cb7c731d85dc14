package org.llmsi.verifier.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.data.Glossary;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.lang.FormulaLanguage;
import org.llmsi.verifier.lang.SyntaxError;
import org.llmsi.verifier.model.VerifiedPlot;
import org.llmsi.verifier.model.VerifiedPlot.Axis;
import org.llmsi.verifier.model.VerifiedPlot.Point;
import org.llmsi.verifier.model.VerifiedPlot.Series;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Location;
import org.llmsi.verifier.source.FencedBlock;
import org.llmsi.verifier.units.Unit;
import org.llmsi.verifier.units.UnitParser;

/**
 * Checks a {@code plot} block and computes its points: each series is an expression of the example
 * language evaluated at every sampled value of the x axis's symbol, so what is drawn is what the
 * verified formulas give (see verifier/LANGUAGE.md, "Plot blocks").
 */
final class PlotChecker {
  /** Samples per series, evenly spaced on the axis's scale; the renderer drops collinear ones. */
  static final int SAMPLES = 97;
  private static final List<String> KEYS =
      List.of("kind", "x", "y", "series", "limit", "point", "schedule", "bar", "segment", "caption", "alt");
  private static final List<String> KINDS = List.of("line", "timeline", "bars");
  /** The longest label a bar's line holds in the drawing's width, at the phone's text size (publisher's Bars). */
  static final int BAR_LABEL = 40;
  /** The keys each kind takes besides kind, caption and alt. */
  private static final Map<String, List<String>> KIND_KEYS = Map.of("line", List.of("x", "y", "series", "limit", "point"),
      "timeline", List.of("schedule"), "bars", List.of("x", "bar", "segment"));
  /** The schedules a timeline can simulate, by the name a plot calls them. */
  private static final List<String> SCHEDULES = List.of("gpipe", "one_f_one_b", "interleaved", "ring_all_reduce");
  private static final List<String> PASSES = List.of("forward pass of micro-batch n", "backward pass (twice as long)");
  private static final List<String> RING = List.of("reduce-scatter: sends chunk n, the next GPU adds it",
      "all-gather: sends reduced chunk n, the next GPU keeps it");
  private static final Pattern LINE =
      Pattern.compile("([a-z]+)(?:\\s+\"([^\"]*)\")?(?:\\s+on\\s+\"([^\"]*)\")?(?:\\s+(fits))?\\s*:\\s*(.*)");
  private static final Pattern AXIS =
      Pattern.compile("(\\S+)\\s+(\\S+)\\s*\\.\\.\\s*(\\S+)\\s+(\\S+)(?:\\s+(\\S+))?\\s*");

  private final Glossary glossary;
  private final ExampleChecker examples;
  private final Diagnostics errors;
  private final Map<String, Location> ids = new LinkedHashMap<>();

  PlotChecker(Glossary glossary, ExampleChecker examples, Diagnostics errors) {
    this.glossary = glossary;
    this.examples = examples;
    this.errors = errors;
  }

  /**
   * A line of the block: its key, label, the series it is on, and its value with its offset;
   * {@code labelAt} is the offset of its label (inside the quotes) and {@code fitsAt} of a bar's {@code fits}, or -1.
   */
  private record Entry(String key, String label, String on, String value, int valueAt, int keyAt, int labelAt, int fitsAt) {}

  /** Checks one plot; returns it when it holds, else null (errors were added). */
  VerifiedPlot check(FencedBlock block) {
    Diagnostics.Mark before = errors.mark();
    String id = block.argument();
    if (!id.matches("[a-z][a-z0-9_]*")) {
      errors.add(Diagnostic.of(Kind.SYNTAX, block.file().location(block.argumentOffset(), Math.max(id.length(), 1)),
          "plot block needs an id of lower-case letters, digits and _: ```plot roofline_gpus"));
      return null;
    }
    Location earlier = ids.putIfAbsent(id, block.fence());
    if (earlier != null) {
      errors.add(Diagnostic.of(Kind.DUPLICATE, block.file().location(block.argumentOffset(), id.length()),
          "duplicate plot id '" + id + "'", "note: the first is at " + earlier.display()));
    }
    List<Entry> entries = entries(block);
    if (entries == null) return null;
    Map<String, Entry> single = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (List.of("kind", "x", "y", "caption", "alt").contains(e.key())) {
        Entry first = single.putIfAbsent(e.key(), e);
        if (first != null) {
          errors.add(Diagnostic.of(Kind.DUPLICATE, at(block, e.keyAt(), e.key().length()),
              "'" + e.key() + "' is given twice in this plot"));
        }
      }
    }
    Entry kind = single.get("kind");
    boolean timeline = kind != null && kind.value().equals("timeline");
    boolean bars = kind != null && kind.value().equals("bars");
    for (String required : timeline ? List.of("kind", "caption", "alt") : bars ? List.of("kind", "x", "caption", "alt")
        : List.of("kind", "x", "y", "caption", "alt")) {
      Entry e = single.get(required);
      if (e == null || e.value().isBlank()) {
        errors.add(Diagnostic.of(Kind.SYNTAX, e == null ? block.fence() : at(block, e.keyAt(), required.length()),
            "plot '" + id + "' has no " + required + ": add a line '" + required + ": …'"
                + (required.equals("alt") ? " that says in words what the plot shows" : "")));
      }
    }
    String drawn = timeline ? "schedule" : bars ? "bar" : "series";
    if (entries.stream().noneMatch(e -> e.key().equals(drawn))) {
      errors.add(Diagnostic.of(Kind.SYNTAX, block.fence(), "plot '" + id + "' has no " + drawn + ": add a line '"
          + drawn + " \"label\": " + (timeline ? "gpipe(p = 4, n_mb = 8)" : bars ? "capacity" : "expression") + "'"));
    }
    for (Entry e : entries) {
      boolean common = List.of("kind", "caption", "alt").contains(e.key());
      if (kind != null && KINDS.contains(kind.value()) && !common && !KIND_KEYS.get(kind.value()).contains(e.key())) {
        errors.add(Diagnostic.of(Kind.SYNTAX, at(block, e.keyAt(), e.key().length()),
            "a plot of kind " + kind.value() + " has no '" + e.key() + "'"));
      }
    }
    if (kind != null && !kind.value().isBlank() && !KINDS.contains(kind.value())) {
      errors.add(Diagnostic.of(Kind.SYNTAX, at(block, kind.valueAt(), kind.value().length()),
          "unknown plot kind '" + kind.value() + "'", "note: the kinds are " + String.join(", ", KINDS)));
    }
    if (timeline) {
      List<VerifiedPlot.Schedule> schedules = new ArrayList<>();
      List<DataValue> cites = new ArrayList<>();
      for (Entry e : entries) {
        VerifiedPlot.Schedule schedule = e.key().equals("schedule") ? schedule(block, e, cites) : null;
        if (schedule != null) schedules.add(schedule);
      }
      if (before.hasNew()) return null;
      double end = schedules.stream().mapToDouble(VerifiedPlot.Schedule::makespan).max().orElse(1);
      boolean rounds = schedules.stream().allMatch(sc -> sc.phases().equals(RING));
      Axis time = new Axis("t", rounds ? "round: every GPU sends one chunk to the next" : "time, in forward passes of one micro-batch",
          "1", 0, end, false, ticks(0, end, false));
      return new VerifiedPlot(id, kind.value(), time, null, List.of(), List.of(), schedules, List.of(), single.get("caption").value(),
          single.get("alt").value(), cites, block.fence(), block.node());
    }
    if (bars) return before.hasNew() ? null : bars(block, id, entries, single);
    Axis x = single.containsKey("x") ? axis(block, single.get("x")) : null;
    Axis y = single.containsKey("y") ? axis(block, single.get("y")) : null;
    if (before.hasNew() || x == null || y == null) return null;

    SymbolDef xSymbol = glossary.symbol(x.symbol()).orElseThrow();
    Unit xUnit = unit(x.unit());
    Unit yUnit = unit(y.unit());
    double[] xs = samples(x, xSymbol.integer());
    List<DataValue> cites = new ArrayList<>();
    List<Series> series = new ArrayList<>();
    Map<String, Expr> exprs = new LinkedHashMap<>();
    Map<String, Entry> seriesEntries = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (!e.key().equals("series") && !e.key().equals("limit")) continue;
      if (seriesEntries.putIfAbsent(e.label(), e) != null) {
        errors.add(Diagnostic.of(Kind.DUPLICATE, at(block, e.keyAt(), e.key().length()),
            "two series of plot '" + id + "' are labelled \"" + e.label() + "\""));
        continue;
      }
      Expr expr = parse(block, e);
      if (expr == null) continue;
      double[] ys = new double[xs.length];
      double[] atTicks = new double[x.ticks().size()];
      boolean ok = true;
      for (int i = 0; i < xs.length && ok; i++) {
        Double v = value(block, e, expr, xSymbol, xUnit.toBase(xs[i]), yUnit, y, cites);
        if (v == null) ok = false;
        else ys[i] = v;
      }
      for (int j = 0; j < atTicks.length && ok; j++) {
        Double v = value(block, e, expr, xSymbol, xUnit.toBase(x.ticks().get(j)), yUnit, y, cites);
        if (v == null) ok = false;
        else atTicks[j] = v;
      }
      if (!ok) continue;
      exprs.put(e.label(), expr);
      series.add(new Series(e.label(), e.key().equals("limit"), xs, ys, atTicks));
    }
    List<Point> points = new ArrayList<>();
    List<String> labels = new ArrayList<>(seriesEntries.keySet());
    for (Entry e : entries) {
      if (!e.key().equals("point")) continue;
      if (e.on() == null || !seriesEntries.containsKey(e.on())) {
        String hint = e.on() == null ? null : Names.suggest(e.on(), labels);
        errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, at(block, e.keyAt(), e.key().length()),
            e.on() == null ? "a point names the series it sits on: point \"label\" on \"series\": x"
                : "plot '" + id + "' has no series \"" + e.on() + "\"",
            hint != null ? hint : "note: its series are \"" + String.join("\", \"", labels) + "\""));
        continue;
      }
      Expr expr = parse(block, e);
      Expr on = exprs.get(e.on());
      if (expr == null || on == null) continue;
      Location where = at(block, e.valueAt() + expr.start(), expr.end() - expr.start());
      try {
        Quantity q = examples.evaluate(block, expr, Map.of(), where, cites);
        if (!q.dimension().equals(xUnit.dimension())) {
          errors.add(Diagnostic.of(Kind.UNITS, where, "point \"" + e.label() + "\" is in " + q.dimension()
              + " but the x axis is in " + x.unit() + " (" + xUnit.dimension() + ")"));
          continue;
        }
        double px = xUnit.fromBase(q.value());
        if (!(px >= x.low() && px <= x.high())) {
          errors.add(Diagnostic.of(Kind.EVALUATION, where, "point \"" + e.label() + "\" is at " + num(px) + " "
              + x.unit() + ", outside the x axis (" + num(x.low()) + " .. " + num(x.high()) + ")",
              "help: widen the x axis's range"));
          continue;
        }
        Double py = value(block, seriesEntries.get(e.on()), on, xSymbol, q.value(), yUnit, y, cites);
        if (py != null) points.add(new Point(e.label(), labels.indexOf(e.on()), px, py));
      } catch (EvaluationError err) {
        report(block, e, err);
      }
    }
    if (before.hasNew()) return null;
    return new VerifiedPlot(id, kind.value(), x, y, series, points, List.of(), List.of(), single.get("caption").value(),
        single.get("alt").value(), cites, block.fence(), block.node());
  }

  /** The block's lines as entries; an indented line continues the text of the line above. */
  private List<Entry> entries(FencedBlock block) {
    List<Entry> out = new ArrayList<>();
    String text = block.text();
    int start = 0;
    boolean ok = true;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) end = text.length();
      String line = text.substring(start, end);
      String stripped = line.strip();
      if (!stripped.isEmpty() && !stripped.startsWith("#")) {
        Entry last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (Character.isWhitespace(line.charAt(0)) && last != null
            && (last.key().equals("caption") || last.key().equals("alt"))) {
          out.set(out.size() - 1, new Entry(last.key(), last.label(), last.on(),
              last.value() + " " + stripped, last.valueAt(), last.keyAt(), -1, -1));
        } else {
          int lead = line.length() - line.stripLeading().length();
          Matcher m = LINE.matcher(stripped);
          if (!m.matches()) {
            errors.add(Diagnostic.of(Kind.SYNTAX, at(block, start + lead, stripped.length()),
                "expected 'key: value' in a plot, e.g. 'series \"H100 SXM\": attainable_performance(…)'"));
            ok = false;
          } else if (!KEYS.contains(m.group(1))) {
            String hint = Names.suggest(m.group(1), KEYS);
            errors.add(Diagnostic.of(Kind.SYNTAX, at(block, start + lead, m.group(1).length()),
                "unknown plot key '" + m.group(1) + "'", hint != null ? hint : "note: the keys are " + String.join(", ", KEYS)));
            ok = false;
          } else {
            boolean labelled = List.of("series", "limit", "point", "schedule", "bar", "segment").contains(m.group(1));
            if (labelled != (m.group(2) != null) || (m.group(3) != null && !m.group(1).equals("point"))) {
              errors.add(Diagnostic.of(Kind.SYNTAX, at(block, start + lead, m.group(1).length()),
                  labelled ? "'" + m.group(1) + "' needs a quoted label: " + m.group(1) + " \"H100 SXM\": …"
                      : "'" + m.group(1) + "' takes no label"));
              ok = false;
            } else if (m.group(4) != null && !m.group(1).equals("bar")) {
              errors.add(Diagnostic.of(Kind.SYNTAX, at(block, start + lead + m.start(4), 4),
                  "only a bar claims it fits: bar \"one H100\" fits: gpus.h100_sxm.hbm_bytes"));
              ok = false;
            } else {
              out.add(new Entry(m.group(1), m.group(2), m.group(3), m.group(5).strip(), start + lead + m.start(5), start + lead,
                  m.group(2) == null ? -1 : start + lead + m.start(2), m.group(4) == null ? -1 : start + lead + m.start(4)));
            }
          }
        }
      }
      start = end + 1;
    }
    return ok ? out : null;
  }

  /**
   * {@code gpipe(p = …, n_mb = …)}, {@code one_f_one_b(…)} or {@code interleaved(p = …, n_mb = …, v = …)}:
   * the pipeline simulation of formulas' tests of the bubble, run with these counts; or
   * {@code ring_all_reduce(g = …)}, the collective simulation of the tests of the ring's traffic.
   */
  private VerifiedPlot.Schedule schedule(FencedBlock block, Entry e, List<DataValue> cites) {
    Expr expr = parse(block, e);
    if (expr == null) return null;
    if (!(expr instanceof Expr.Call call) || !SCHEDULES.contains(call.function())) {
      String name = expr instanceof Expr.Call c ? c.function() : e.value();
      String hint = Names.suggest(name, SCHEDULES);
      errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, at(block, e.valueAt() + expr.start(), expr instanceof Expr.Call c
              ? c.nameEnd() - c.start() : expr.end() - expr.start()), "unknown schedule '" + name + "'",
          hint != null ? hint : "note: the schedules are " + String.join(", ", SCHEDULES) + ", called with counts"));
      return null;
    }
    List<String> inputs = switch (call.function()) {
      case "interleaved" -> List.of("p", "n_mb", "v");
      case "ring_all_reduce" -> List.of("g");
      default -> List.of("p", "n_mb");
    };
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Expr.Arg a : call.args()) {
      Location where = at(block, e.valueAt() + a.start(), a.value().end() - a.start());
      if (!a.named() || !inputs.contains(a.name())) {
        errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, where, call.function() + " takes " + String.join(", ", inputs)
            + " by name" + (a.named() ? ", not '" + a.name() + "'" : "")));
        return null;
      }
      try {
        Quantity q = examples.evaluate(block, a.value(), Map.of(), where, cites);
        double v = q.value();
        if (!q.dimension().isNone() || v != Math.rint(v) || v < 1 || v > 64) {
          errors.add(Diagnostic.of(Kind.EVALUATION, where, a.name() + " of " + call.function()
              + " must be a whole count from 1 to 64 to be drawn, not " + ValueFormat.auto(q)));
          return null;
        }
        counts.put(a.name(), (int) v);
      } catch (EvaluationError err) {
        report(block, e, err);
        return null;
      }
    }
    for (String input : inputs) {
      if (!counts.containsKey(input)) {
        errors.add(Diagnostic.of(Kind.SYNTAX, at(block, e.valueAt() + call.start(), call.end() - call.start()),
            call.function() + " needs " + input + " = …"));
        return null;
      }
    }
    if (call.function().equals("ring_all_reduce")) return ring(e.label(), counts.get("g"));
    int p = counts.get("p");
    int m = counts.get("n_mb");
    int v = counts.getOrDefault("v", 1);
    if (call.function().equals("interleaved") && m % p != 0) {
      errors.add(Diagnostic.of(Kind.EVALUATION, at(block, e.valueAt() + call.start(), call.end() - call.start()),
          "the interleaved schedule sends micro-batches in groups of p: n_mb = " + m + " is not a multiple of p = " + p));
      return null;
    }
    var orders = switch (call.function()) {
      case "gpipe" -> org.llmsi.formulas.simulation.PipelineSimulation.gpipe(p, m);
      case "one_f_one_b" -> org.llmsi.formulas.simulation.PipelineSimulation.oneForwardOneBackward(p, m);
      default -> org.llmsi.formulas.simulation.PipelineSimulation.interleaved(p, m, v);
    };
    var run = org.llmsi.formulas.simulation.PipelineSimulation.simulate(orders, p, v, 1, 2);
    List<VerifiedPlot.Bar> bars = run.slots().stream().map(slot -> new VerifiedPlot.Bar(slot.device(),
        slot.op().microBatch() + 1, slot.op().forward() ? 0 : 1, slot.start(), slot.end())).toList();
    double[] bubble = new double[p];
    for (int d = 0; d < p; d++) bubble[d] = run.bubbleFraction(d);
    return new VerifiedPlot.Schedule(e.label(), p, run.makespan(), bars, PASSES, bubble);
  }

  /** The ring all-reduce of formulas' collective simulation on g GPUs, one box per chunk sent. */
  private static VerifiedPlot.Schedule ring(String label, int g) {
    double[][] input = new double[g][g]; // one element per chunk: the simulation's data is not drawn
    var run = org.llmsi.formulas.simulation.CollectiveSimulation.ringAllReduce(input, 1, 1);
    List<VerifiedPlot.Bar> bars = new ArrayList<>();
    for (int round = 0; round < run.sends().size(); round++) {
      for (int r = 0; r < g; r++) {
        bars.add(new VerifiedPlot.Bar(r, run.sends().get(round)[r] + 1, round < g - 1 ? 0 : 1, round, round + 1));
      }
    }
    return new VerifiedPlot.Schedule(label, g, run.rounds(), bars, RING, new double[g]);
  }

  /**
   * A bars plot: each {@code bar} line opens a bar (its value, if any, is the capacity), and each
   * {@code segment} below it is one part of that bar, evaluated as an example's right-hand side.
   */
  private VerifiedPlot bars(FencedBlock block, String id, List<Entry> entries, Map<String, Entry> single) {
    Diagnostics.Mark before = errors.mark();
    Entry xEntry = single.get("x");
    Axis x = axis(block, xEntry);
    if (x == null) return null;
    if (x.log() || x.low() != 0) {
      errors.add(Diagnostic.of(Kind.SYNTAX, at(block, xEntry.valueAt(), xEntry.value().length()),
          "a bar's parts add up from 0: write the axis '" + x.symbol() + " 0 .. " + num(x.high()) + " " + x.unit()
              + "', linear"));
      return null;
    }
    // Fewer ticks than a line plot's: the drawing is narrower, and each part is labelled with its value.
    x = new Axis(x.symbol(), x.title(), x.unit(), 0, x.high(), false, ticks(0, x.high(), false, 4));
    Unit unit = unit(x.unit());
    Map<Entry, List<Entry>> groups = new LinkedHashMap<>();
    List<Entry> current = null;
    for (Entry e : entries) {
      if (e.key().equals("bar")) {
        current = new ArrayList<>();
        if (e.label().length() > BAR_LABEL) {
          errors.add(Diagnostic.of(Kind.SYNTAX, at(block, e.labelAt(), e.label().length()),
              "the label of bar \"" + e.label() + "\" has " + e.label().length() + " characters; it is drawn on one line"
                  + " above its bar, which holds " + BAR_LABEL + ": say the rest in the caption"));
        } else if (groups.keySet().stream().anyMatch(b -> b.label().equals(e.label()))) {
          errors.add(Diagnostic.of(Kind.DUPLICATE, at(block, e.keyAt(), e.key().length()),
              "two bars of plot '" + id + "' are labelled \"" + e.label() + "\""));
        } else {
          groups.put(e, current);
        }
      } else if (e.key().equals("segment")) {
        if (current == null) {
          errors.add(Diagnostic.of(Kind.SYNTAX, at(block, e.keyAt(), e.key().length()),
              "a segment is a part of the bar above it: write 'bar \"label\": capacity' before it"));
        } else {
          current.add(e);
        }
      }
    }
    List<DataValue> cites = new ArrayList<>();
    List<VerifiedPlot.Stack> stacks = new ArrayList<>();
    for (Map.Entry<Entry, List<Entry>> group : groups.entrySet()) {
      Entry bar = group.getKey();
      Location barAt = at(block, bar.keyAt(), bar.key().length());
      if (group.getValue().isEmpty()) {
        errors.add(Diagnostic.of(Kind.SYNTAX, barAt, "bar \"" + bar.label() + "\" has no segments: add a line "
            + "'segment \"label\": expression' under it for each part"));
        continue;
      }
      double capacity = Double.NaN;
      if (!bar.value().isBlank()) {
        Double c = amount(block, bar, "the capacity of bar \"" + bar.label() + "\"", x, unit, cites);
        if (c == null) continue;
        capacity = c;
      } else if (bar.fitsAt() >= 0) {
        errors.add(Diagnostic.of(Kind.SYNTAX, at(block, bar.fitsAt(), 4), "bar \"" + bar.label()
            + "\" claims it fits but states no capacity: write it after the colon, e.g. fits: gpus.h100_sxm.hbm_bytes"));
        continue;
      }
      List<VerifiedPlot.Segment> parts = new ArrayList<>();
      for (Entry s : group.getValue()) {
        if (parts.stream().anyMatch(p -> p.label().equals(s.label()))) {
          errors.add(Diagnostic.of(Kind.DUPLICATE, at(block, s.keyAt(), s.key().length()),
              "bar \"" + bar.label() + "\" has two segments labelled \"" + s.label() + "\""));
          continue;
        }
        String what = "segment \"" + s.label() + "\" of bar \"" + bar.label() + "\"";
        Double v = amount(block, s, what, x, unit, cites);
        if (v != null && v < 0) {
          errors.add(Diagnostic.of(Kind.EVALUATION, at(block, s.valueAt(), s.value().length()),
              what + " is " + num(v) + " " + x.unit() + ": a part of a budget cannot be negative"));
        } else if (v != null) {
          parts.add(new VerifiedPlot.Segment(s.label(), v));
        }
      }
      if (parts.size() < group.getValue().size()) continue;
      VerifiedPlot.Stack stack = new VerifiedPlot.Stack(bar.label(), parts, capacity, bar.fitsAt() >= 0);
      double reach = Math.max(stack.total(), stack.hasCapacity() ? capacity : 0);
      if (reach > x.high()) {
        errors.add(Diagnostic.of(Kind.EVALUATION, barAt, "bar \"" + bar.label() + "\" reaches " + num(reach) + " "
            + x.unit() + ", beyond the x axis (0 .. " + num(x.high()) + ")", "help: widen the x axis's range"));
      } else if (stack.fits() && stack.total() > capacity * (1 + 1e-12)) {
        errors.add(Diagnostic.of(Kind.EVALUATION, at(block, bar.fitsAt(), 4), "bar \"" + bar.label()
            + "\" does not fit: its segments add up to " + num(stack.total()) + " " + x.unit() + ", "
            + num(stack.total() - capacity) + " " + x.unit() + " over its capacity of " + num(capacity) + " " + x.unit(),
            "help: without 'fits' the bar is drawn past its capacity, as a fact of the design"));
      } else {
        stacks.add(stack);
      }
    }
    if (before.hasNew()) return null;
    return new VerifiedPlot(id, "bars", x, null, List.of(), List.of(), List.of(), stacks, single.get("caption").value(),
        single.get("alt").value(), cites, block.fence(), block.node());
  }

  /** A bar's capacity or a segment, in the x axis's unit, or null after reporting why not. */
  private Double amount(FencedBlock block, Entry e, String what, Axis x, Unit unit, List<DataValue> cites) {
    Expr expr = parse(block, e);
    if (expr == null) return null;
    Location where = at(block, e.valueAt() + expr.start(), expr.end() - expr.start());
    try {
      Quantity q = examples.evaluate(block, expr, Map.of(), where, cites);
      if (!q.dimension().equals(unit.dimension())) {
        errors.add(Diagnostic.of(Kind.UNITS, where, "unit mismatch: " + what + " is in " + q.dimension()
            + " but the x axis is in " + x.unit() + " (" + unit.dimension() + ")",
            "note: the parts of a bar add up, so each is in the axis's dimension"));
        return null;
      }
      double v = unit.fromBase(q.value());
      if (!Double.isFinite(v)) {
        errors.add(Diagnostic.of(Kind.EVALUATION, where, what + " is " + v));
        return null;
      }
      return v;
    } catch (EvaluationError err) {
      report(block, e, err);
      return null;
    }
  }

  /** {@code symbol low .. high unit [log|linear]}, checked against the glossary. */
  private Axis axis(FencedBlock block, Entry e) {
    Matcher m = AXIS.matcher(e.value());
    if (!m.matches()) {
      errors.add(Diagnostic.of(Kind.SYNTAX, at(block, e.valueAt(), Math.max(e.value().length(), 1)),
          "expected '" + e.key() + ": symbol low .. high unit [log]', e.g. 'x: I 0.1 .. 10000 FLOP/B log'"));
      return null;
    }
    Optional<SymbolDef> symbol = glossary.symbol(m.group(1));
    if (symbol.isEmpty()) {
      String hint = Names.suggest(m.group(1), glossary.symbols().stream().map(SymbolDef::name).toList());
      errors.add(Diagnostic.of(Kind.UNKNOWN_NAME, at(block, e.valueAt() + m.start(1), m.group(1).length()),
          "unknown symbol '" + m.group(1) + "' for the " + e.key() + " axis",
          hint != null ? hint : "note: an axis names a symbol of the glossary, which gives its title"));
      return null;
    }
    Unit unit;
    try {
      unit = UnitParser.parse(m.group(4));
    } catch (UnitParser.UnitException ex) {
      errors.add(Diagnostic.of(Kind.UNITS, at(block, e.valueAt() + m.start(4), m.group(4).length()), ex.getMessage()));
      return null;
    }
    if (!unit.dimension().equals(symbol.get().unit().dimension())) {
      errors.add(Diagnostic.of(Kind.UNITS, at(block, e.valueAt() + m.start(4), m.group(4).length()),
          "unit mismatch: the " + e.key() + " axis is in " + m.group(4) + " (" + unit.dimension() + ") but "
              + m.group(1) + " is in " + symbol.get().unitText() + " (" + symbol.get().unit().dimension() + ")"));
      return null;
    }
    double low;
    double high;
    try {
      low = Double.parseDouble(m.group(2));
      high = Double.parseDouble(m.group(3));
    } catch (NumberFormatException ex) {
      errors.add(Diagnostic.of(Kind.SYNTAX, at(block, e.valueAt() + m.start(2), m.end(3) - m.start(2)),
          "the range of the " + e.key() + " axis is two numbers, 'low .. high'"));
      return null;
    }
    Location range = at(block, e.valueAt() + m.start(2), m.end(3) - m.start(2));
    if (!(low < high)) {
      errors.add(Diagnostic.of(Kind.SYNTAX, range, "the " + e.key() + " axis's range " + m.group(2) + " .. "
          + m.group(3) + " is " + (low == high ? "empty" : "inverted") + ": write it low .. high"));
      return null;
    }
    String scale = m.group(5) == null ? "linear" : m.group(5);
    if (!scale.equals("log") && !scale.equals("linear")) {
      errors.add(Diagnostic.of(Kind.SYNTAX, at(block, e.valueAt() + m.start(5), scale.length()),
          "unknown axis scale '" + scale + "': write log or linear"));
      return null;
    }
    boolean log = scale.equals("log");
    if (log && low <= 0) {
      errors.add(Diagnostic.of(Kind.SYNTAX, range, "a log axis needs a positive range, not " + m.group(2) + " .. " + m.group(3)));
      return null;
    }
    return new Axis(symbol.get().name(), symbol.get().meaning(), m.group(4), low, high, log, ticks(low, high, log));
  }

  private Expr parse(FencedBlock block, Entry e) {
    try {
      return FormulaLanguage.parseExpression(e.value());
    } catch (SyntaxError err) {
      errors.add(Diagnostic.of(Kind.SYNTAX, at(block, e.valueAt() + err.start(), Math.max(err.end() - err.start(), 1)),
          err.getMessage()));
      return null;
    }
  }

  /** The series' value at x (base units) in the y axis's unit, or null after reporting why not. */
  private Double value(FencedBlock block, Entry e, Expr expr, SymbolDef xSymbol, double x, Unit yUnit, Axis y,
      List<DataValue> cites) {
    Location where = at(block, e.valueAt() + expr.start(), expr.end() - expr.start());
    Quantity q;
    try {
      q = examples.evaluate(block, expr, Map.of(xSymbol.name(), new Quantity(x, xSymbol.unit().dimension())), where, cites);
    } catch (EvaluationError err) {
      report(block, e, err);
      return null;
    }
    if (!q.dimension().equals(yUnit.dimension())) {
      errors.add(Diagnostic.of(Kind.UNITS, where, "unit mismatch: series \"" + e.label() + "\" is in "
          + q.dimension() + " but the y axis is in " + y.unit() + " (" + yUnit.dimension() + ")"));
      return null;
    }
    double v = yUnit.fromBase(q.value());
    String at = xSymbol.name() + " = " + num(xSymbol.unit().fromBase(x)) + " " + xSymbol.unitText();
    if (!Double.isFinite(v)) {
      errors.add(Diagnostic.of(Kind.EVALUATION, where, "series \"" + e.label() + "\" is " + v + " at " + at));
      return null;
    }
    if (v < y.low() || v > y.high()) {
      errors.add(Diagnostic.of(Kind.EVALUATION, where, "series \"" + e.label() + "\" is " + num(v) + " " + y.unit()
          + " at " + at + ", outside the y axis (" + num(y.low()) + " .. " + num(y.high()) + ")",
          "help: widen the y axis's range, or narrow the x axis's"));
      return null;
    }
    return v;
  }

  private void report(FencedBlock block, Entry e, EvaluationError err) {
    if (err.kind() == null) return; // reported where it failed (a data file, a formula)
    errors.add(new Diagnostic(err.kind(), at(block, e.valueAt() + err.start(), Math.max(err.end() - err.start(), 1)),
        err.getMessage(), err.notes()));
  }

  private static Unit unit(String text) {
    try {
      return UnitParser.parse(text);
    } catch (UnitParser.UnitException e) {
      throw new IllegalStateException("checked when the axis was read", e);
    }
  }

  /** Evenly spaced on the axis's scale, the ends exact; whole numbers for a count drawn as integers. */
  static double[] samples(Axis axis, boolean integer) {
    double[] out = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      double f = (double) i / (SAMPLES - 1);
      out[i] = i == 0 ? axis.low() : i == SAMPLES - 1 ? axis.high()
          : axis.log() ? Math.exp(Math.log(axis.low()) + f * (Math.log(axis.high()) - Math.log(axis.low())))
          : axis.low() + f * (axis.high() - axis.low());
      if (integer) out[i] = Math.round(out[i]);
    }
    return integer ? java.util.Arrays.stream(out).distinct().toArray() : out;
  }

  /** Powers of ten on a log axis (every other one past seven), else 1-2-5 steps, about six of them. */
  static List<Double> ticks(double low, double high, boolean log) {
    return ticks(low, high, log, 6);
  }

  /** As {@link #ticks(double, double, boolean)}, about {@code steps} steps on a linear axis. */
  static List<Double> ticks(double low, double high, boolean log, int steps) {
    List<Double> out = new ArrayList<>();
    if (log) {
      int first = (int) Math.ceil(Math.log10(low) - 1e-9);
      int last = (int) Math.floor(Math.log10(high) + 1e-9);
      int step = last - first >= 7 ? 2 : 1;
      for (int k = first; k <= last; k += step) out.add(Double.parseDouble("1e" + k));
      return out;
    }
    double raw = (high - low) / steps;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
    for (long k = (long) Math.ceil(low / step - 1e-9); k * step <= high + 1e-9 * step; k++) {
      out.add(new java.math.BigDecimal(k).multiply(java.math.BigDecimal.valueOf(step)).doubleValue());
    }
    return out;
  }

  private static Location at(FencedBlock block, int offset, int length) {
    return block.locate(offset, length);
  }

  private static String num(double v) {
    return ValueFormat.sig(v);
  }
}
