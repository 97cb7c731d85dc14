package org.llmsi.verifier.units;

import java.util.LinkedHashMap;
import java.util.Map;
import org.llmsi.verifier.units.Dimension.Base;

/**
 * Parses unit text such as {@code B}, {@code GiB}, {@code TFLOP/s}, {@code Gbit/s}, {@code ms},
 * {@code USD/h}, {@code FLOP/B}, {@code %}. A unit is one or more atoms joined by {@code /} or
 * {@code ·}/{@code *}; an atom is an optional prefix, a base unit and an optional integer power
 * ({@code s^2}). Everything after the first {@code /} divides, as in {@code B/(s)} written flat.
 */
public final class UnitParser {

  /** Thrown with a message fit for a diagnostic. */
  public static final class UnitException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnitException(String message) {
      super(message);
    }
  }

  private record Atom(double factor, Dimension dimension, boolean binary) {}

  private static final Map<String, Atom> PLAIN = new LinkedHashMap<>();
  private static final Map<String, Double> SI = new LinkedHashMap<>();
  private static final Map<String, Double> BINARY = new LinkedHashMap<>();

  static {
    Dimension bytes = Dimension.of(Base.BYTE);
    Dimension bits = Dimension.of(Base.BIT);
    Dimension flop = Dimension.of(Base.FLOP);
    Dimension sec = Dimension.of(Base.SECOND);
    Dimension usd = Dimension.of(Base.DOLLAR);
    PLAIN.put("B", new Atom(1, bytes, false));
    PLAIN.put("bit", new Atom(1, bits, false));
    PLAIN.put("FLOP", new Atom(1, flop, false));
    PLAIN.put("FLOPs", new Atom(1, flop, false));
    PLAIN.put("s", new Atom(1, sec, false));
    PLAIN.put("min", new Atom(60, sec, false));
    PLAIN.put("h", new Atom(3600, sec, false));
    PLAIN.put("day", new Atom(86400, sec, false));
    PLAIN.put("days", new Atom(86400, sec, false));
    PLAIN.put("USD", new Atom(1, usd, false));
    PLAIN.put("%", new Atom(0.01, Dimension.NONE, false));
    // Words for counts: plain numbers, but they make a claim read as the reader says it
    // (tokens/s, USD/Mtoken). They cannot catch a unit slip, so formulas keep to real units.
    for (String word : new String[] {"1", "token", "tokens", "param", "params", "GPU", "GPUs", "req", "step", "steps"}) {
      PLAIN.put(word, new Atom(1, Dimension.NONE, false));
    }
    SI.put("k", 1e3);
    SI.put("M", 1e6);
    SI.put("G", 1e9);
    SI.put("T", 1e12);
    SI.put("P", 1e15);
    SI.put("E", 1e18);
    SI.put("Z", 1e21);
    SI.put("m", 1e-3);
    SI.put("u", 1e-6);
    SI.put("µ", 1e-6);
    SI.put("n", 1e-9);
    BINARY.put("Ki", 0x1p10);
    BINARY.put("Mi", 0x1p20);
    BINARY.put("Gi", 0x1p30);
    BINARY.put("Ti", 0x1p40);
    BINARY.put("Pi", 0x1p50);
  }

  private UnitParser() {}

  /** Whether a character may appear in unit text; units are written without spaces. */
  public static boolean isUnitChar(char c) {
    return Character.isLetter(c) || c == '/' || c == '·' || c == '%' || c == '^' || c == 'µ'
        || Character.isDigit(c);
  }

  public static Unit parse(String text) throws UnitException {
    if (text.isEmpty()) throw new UnitException("empty unit");
    double factor = 1;
    Dimension dim = Dimension.NONE;
    boolean binary = false;
    boolean dividing = false;
    int i = 0;
    while (i < text.length()) {
      int j = i;
      while (j < text.length() && text.charAt(j) != '/' && text.charAt(j) != '·'
          && text.charAt(j) != '*') {
        j++;
      }
      String atomText = text.substring(i, j);
      if (atomText.isEmpty()) throw new UnitException("malformed unit '" + text + "'");
      int power = 1;
      int caret = atomText.indexOf('^');
      if (caret >= 0) {
        try {
          power = Integer.parseInt(atomText.substring(caret + 1));
        } catch (NumberFormatException e) {
          throw new UnitException("bad power in unit '" + text + "'");
        }
        atomText = atomText.substring(0, caret);
      }
      Atom atom = atom(atomText, text);
      if (dividing) power = -power;
      factor *= Math.pow(atom.factor, power);
      dim = dim.times(atom.dimension.pow(power));
      binary |= atom.binary;
      if (j < text.length() && text.charAt(j) == '/') dividing = true;
      i = j + 1;
      if (j == text.length() - 1) throw new UnitException("malformed unit '" + text + "'");
    }
    return new Unit(text, factor, dim, binary);
  }

  private static Atom atom(String atom, String whole) throws UnitException {
    if (atom.endsWith("FLOPS")) {
      throw new UnitException("'FLOPS' is ambiguous: write FLOP for a count and FLOP/s for a rate");
    }
    Atom plain = PLAIN.get(atom);
    if (plain != null) return plain;
    for (Map.Entry<String, Double> p : BINARY.entrySet()) {
      if (atom.startsWith(p.getKey())) {
        Atom base = PLAIN.get(atom.substring(p.getKey().length()));
        if (base != null && (base.dimension.equals(Dimension.of(Base.BYTE))
            || base.dimension.equals(Dimension.of(Base.BIT)))) {
          return new Atom(p.getValue(), base.dimension, true);
        }
      }
    }
    for (Map.Entry<String, Double> p : SI.entrySet()) {
      if (atom.startsWith(p.getKey())) {
        String rest = atom.substring(p.getKey().length());
        Atom base = PLAIN.get(rest);
        if (base != null && base.factor == 1 && !rest.equals("%") && !rest.equals("1")) {
          return new Atom(p.getValue(), base.dimension, false);
        }
      }
    }
    if (atom.equals("b") || atom.endsWith("b") && SI.containsKey(atom.substring(0, atom.length() - 1))) {
      throw new UnitException("'" + atom + "' is ambiguous: write bit for bits and B for bytes");
    }
    throw new UnitException("unknown unit '" + atom + "'" + (atom.equals(whole) ? "" : " in '" + whole + "'")
        + " (units: B, bit, FLOP, s, min, h, day, USD, %, token, param, GPU, req, step; prefixes k M G T P E m u n, Ki Mi Gi Ti Pi)");
  }
}
