package org.llmsi.publisher.math;

import java.awt.geom.AffineTransform;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SVG transform lists ({@code scale(20,20) translate(0.15,0.83) scale(0.01,0.01)}) folded into one matrix. */
final class Transforms {
  private static final Pattern STEP = Pattern.compile("(matrix|translate|scale)\\(([^)]*)\\)");

  private Transforms() {}

  /** The list as one {@code matrix(a b c d e f)}: scale and shear to five significant digits, offsets to 0.1. */
  static String compose(String list) {
    AffineTransform t = new AffineTransform();
    Matcher m = STEP.matcher(list);
    while (m.find()) {
      String[] p = m.group(2).trim().split("[ ,]+");
      double[] v = new double[p.length];
      for (int i = 0; i < p.length; i++) v[i] = Double.parseDouble(p[i]);
      switch (m.group(1)) {
        case "matrix" -> t.concatenate(new AffineTransform(v[0], v[1], v[2], v[3], v[4], v[5]));
        case "translate" -> t.translate(v[0], v.length > 1 ? v[1] : 0);
        default -> t.scale(v[0], v.length > 1 ? v[1] : v[0]);
      }
    }
    return "matrix(" + n(t.getScaleX()) + " " + n(t.getShearY()) + " " + n(t.getShearX()) + " "
        + n(t.getScaleY()) + " " + offset(t.getTranslateX()) + " " + offset(t.getTranslateY()) + ")";
  }

  /**
   * An offset in the math's viewBox units (1/20 em) to a tenth of a unit, 0.005 em: far below a
   * pixel, as the outlines themselves are rounded, and two or three characters shorter per glyph.
   */
  private static String offset(double v) {
    String s = MathRenderer.round(new BigDecimal(v).setScale(3, java.math.RoundingMode.HALF_EVEN).toPlainString());
    return s.startsWith("0.") ? s.substring(1) : s.startsWith("-0.") ? "-" + s.substring(2) : s;
  }

  private static String n(double v) {
    if (Math.abs(v) < 1e-9) return "0";
    String s = new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros().toPlainString();
    return s.startsWith("0.") ? s.substring(1) : s.startsWith("-0.") ? "-" + s.substring(2) : s;
  }
}
