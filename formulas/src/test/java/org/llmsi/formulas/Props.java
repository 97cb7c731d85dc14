package org.llmsi.formulas;

import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.function.Predicate;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * QuickTheories helpers shared by the property tests: fixed seeds, a failure message that names
 * the seed, and generators for the domains the glossary declares.
 */
final class Props {
  private Props() {}

  static final int EXAMPLES = 300;

  /** Checks {@code property} on {@code examples} draws of {@code inputs} with a fixed seed. */
  static void forAll(long seed, int examples, Gen<Vec> inputs, Predicate<Vec> property) {
    try {
      qt().withFixedSeed(seed).withExamples(examples).forAll(inputs).check(property::test);
    } catch (AssertionError e) {
      throw new AssertionError("property failed (fixed seed " + seed + "): " + e.getMessage(), e);
    }
  }

  static void forAll(long seed, Gen<Vec> inputs, Predicate<Vec> property) {
    forAll(seed, EXAMPLES, inputs, property);
  }

  /** One draw of several inputs, printed readably when a property fails. */
  static final class Vec {
    private final double[] v;

    Vec(double[] v) {
      this.v = v;
    }

    double get(int i) {
      return v[i];
    }

    @Override
    public String toString() {
      return Arrays.toString(v);
    }
  }

  /** A generator of one value per component generator. */
  @SafeVarargs
  static Gen<Vec> vec(Gen<Double>... components) {
    return in -> {
      double[] v = new double[components.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = components[i].generate(in);
      }
      return new Vec(v);
    };
  }

  /** Doubles spread log-uniformly over [lo, hi]: every order of magnitude gets examples. */
  static Gen<Double> logUniform(double lo, double hi) {
    return SourceDSL.doubles().between(0, 1).map(u -> lo * Math.pow(hi / lo, u));
  }

  /** Integers in [lo, hi] as doubles (counts). */
  static Gen<Double> count(int lo, int hi) {
    return SourceDSL.integers().between(lo, hi).map(i -> (double) i);
  }

  /** Powers of two 2^lo .. 2^hi. */
  static Gen<Double> powerOfTwo(int lo, int hi) {
    return SourceDSL.integers().between(lo, hi).map(i -> Math.scalb(1.0, i));
  }

  /** Uniform in [lo, hi]. */
  static Gen<Double> uniform(double lo, double hi) {
    return SourceDSL.doubles().between(lo, hi);
  }

  /** a and b agree within rel of the larger magnitude. */
  static boolean close(double a, double b, double rel) {
    return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
  }

  /** Relative tolerance of the reference contract (1e-9). */
  static boolean same(double a, double b) {
    return close(a, b, 1e-9);
  }
}
