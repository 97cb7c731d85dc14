package org.llmsi.verifier.check;

import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.llmsi.verifier.check.ReferenceCatalog.BoundReference;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.lang.Expr;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Configuration;
import org.quicktheories.core.Gen;
import org.quicktheories.core.NoGuidance;
import org.quicktheories.core.Reporter;
import org.quicktheories.core.Strategy;
import org.quicktheories.generators.SourceDSL;

/**
 * The property that ties a Markdown formula to its Java reference: for inputs drawn from the
 * glossary's domains, both give the same value within a relative tolerance. Driven by
 * QuickTheories with a fixed seed, so a failure reproduces and is shrunk to a small
 * counter-example.
 */
public final class PropertyCheck {
  /** Relative agreement required between the Markdown formula and its reference. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  /**
   * A counter-example.
   *
   * @param inputs each input symbol with its value in the symbol's unit
   * @param markdown the Markdown formula's value, in base units
   * @param reference the reference's value, in base units
   * @param problem what went wrong, in words
   */
  public record Failure(Map<String, Double> inputs, double markdown, double reference, String problem) {}

  private final int tries;
  private final long seed;

  public PropertyCheck(int tries, long seed) {
    this.tries = tries;
    this.seed = seed;
  }

  public int tries() {
    return tries;
  }

  public long seed() {
    return seed;
  }

  /**
   * Runs the property; returns the shrunk counter-example, or null when all tries agree.
   *
   * @param rhs the formula's right-hand side
   * @param inputs the reference's symbols in its parameter order
   * @param constants fixed symbols of the formula, by name, in base units
   * @param reference the Java method
   */
  public Failure run(Expr rhs, List<SymbolDef> inputs, Map<String, Quantity> constants, BoundReference reference) {
    // Evaluated through the Evaluator on every try (a compiled form of the formula saved under 0.1 s
    // of the guide's 124,000 tries, measured 2026-12-03, so it was removed).
    ToDoubleFunction<double[]> markdown = in -> {
      Map<String, Quantity> scope = new HashMap<>(constants);
      for (int i = 0; i < in.length; i++) scope.put(inputs.get(i).name(), new Quantity(in[i], inputs.get(i).unit().dimension()));
      try {
        return new Evaluator(Evaluator.Scope.ofSymbols(scope)).eval(rhs).value();
      } catch (EvaluationError e) {
        return Double.NaN; // dimensions were checked before any try; only arithmetic can end here
      }
    };
    double[] smallest = counterExample(inputs, v -> compare(markdown, inputs, reference, v) == null);
    return smallest == null ? null : compare(markdown, inputs, reference, smallest);
  }

  /**
   * Draws the symbols from their domains until {@code holds} fails; returns the shrunk failing draw
   * (values in glossary units), or null when every try held. Relations in prose are tested this way.
   */
  public double[] counterExample(List<SymbolDef> inputs, java.util.function.Predicate<double[]> holds) {
    if (inputs.isEmpty()) return holds.test(new double[0]) ? null : new double[0];
    List<Gen<Double>> gens = new ArrayList<>();
    for (SymbolDef s : inputs) gens.add(generator(s));
    Gen<double[]> gen = in -> {
      double[] v = new double[gens.size()];
      for (int i = 0; i < v.length; i++) v[i] = gens.get(i).generate(in);
      return v;
    };
    Object[] smallest = new Object[1];
    Reporter capture = new Reporter() {
      @Override
      public void falisification(long s, int count, Object value, Throwable cause, List<Object> others,
          AsString<Object> toString) {
        smallest[0] = value;
      }

      @Override
      public void falisification(long s, int count, Object value, List<Object> others, AsString<Object> toString) {
        smallest[0] = value;
      }

      @Override
      public void valuesExhausted(int completed) {}
    };
    Strategy strategy = new Strategy(Configuration.defaultPRNG(seed), tries, -1, 2000, 10, capture,
        prng -> new NoGuidance());
    qt(() -> strategy).forAll(gen).check(holds);
    return (double[]) smallest[0];
  }

  private static Gen<Double> generator(SymbolDef s) {
    double lo = s.low();
    double hi = s.high();
    if (s.integer()) {
      long l = (long) Math.ceil(lo);
      long h = (long) Math.floor(hi);
      if (s.logUniform()) {
        return SourceDSL.doubles().between(Math.log(l), Math.log(h + 1.0))
            .map(x -> (double) Math.min(h, Math.max(l, (long) Math.floor(Math.exp(x)))));
      }
      return SourceDSL.longs().between(l, h).map(Long::doubleValue);
    }
    if (s.logUniform()) {
      return SourceDSL.doubles().between(Math.log(lo), Math.log(hi)).map(Math::exp);
    }
    return SourceDSL.doubles().between(lo, hi);
  }

  /** Evaluates both sides on one input vector (in glossary units); null when they agree. */
  static Failure compare(ToDoubleFunction<double[]> markdown, List<SymbolDef> inputs, BoundReference reference, double[] drawn) {
    double[] args = new double[inputs.size()];
    for (int i = 0; i < args.length; i++) args[i] = inputs.get(i).unit().toBase(drawn[i]);
    double md = markdown.applyAsDouble(args);
    double ref;
    try {
      ref = reference.invoke(args);
    } catch (IllegalStateException e) {
      return new Failure(shown(inputs, drawn), md, Double.NaN, e.getMessage());
    }
    if (!Double.isFinite(md)) {
      return new Failure(shown(inputs, drawn), md, ref, "the Markdown formula gives " + md + " inside the glossary's domains");
    }
    if (!Double.isFinite(ref)) {
      return new Failure(shown(inputs, drawn), md, ref, "the reference gives " + ref + " inside the glossary's domains");
    }
    double scale = Math.max(Math.abs(md), Math.abs(ref));
    if (Math.abs(md - ref) <= RELATIVE_TOLERANCE * scale) return null;
    return new Failure(shown(inputs, drawn), md, ref, "values differ by more than 1e-9 relative");
  }

  /** The inputs by name, as drawn (in glossary units). */
  private static Map<String, Double> shown(List<SymbolDef> inputs, double[] drawn) {
    Map<String, Double> shown = new java.util.LinkedHashMap<>();
    for (int i = 0; i < drawn.length; i++) shown.put(inputs.get(i).name(), drawn[i]);
    return shown;
  }

  /** A short hint when the two sides differ by a simple factor (a dropped 2, bits for bytes…). */
  static String ratioHint(double markdown, double reference) {
    if (reference == 0 || !Double.isFinite(markdown) || !Double.isFinite(reference)) return null;
    double ratio = markdown / reference;
    for (double f : new double[] {2, 3, 4, 6, 8, 1000, 1024, 0x1p30 / 1e9}) {
      if (Math.abs(ratio - f) < 1e-9 * f) return String.format(Locale.ROOT, "the Markdown formula is %s× the reference", trim(f));
      if (Math.abs(ratio - 1 / f) < 1e-9 / f) return String.format(Locale.ROOT, "the reference is %s× the Markdown formula", trim(f));
    }
    return String.format(Locale.ROOT, "ratio Markdown/reference = %.6g", ratio);
  }

  private static String trim(double f) {
    return f == Math.rint(f) ? String.valueOf((long) f) : String.format(Locale.ROOT, "%.6g", f);
  }
}
