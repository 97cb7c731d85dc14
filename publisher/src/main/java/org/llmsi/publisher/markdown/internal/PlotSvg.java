package org.llmsi.publisher.markdown.internal;

import com.vladsch.flexmark.html.HtmlWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.model.VerifiedPlot.Axis;
import org.llmsi.verifier.model.VerifiedPlot.Point;
import org.llmsi.verifier.model.VerifiedPlot.Series;
import org.llmsi.verifier.model.VerifiedPlot;

/**
 * Draws a verified plot as inline SVG inside a {@code figure}: axes, the series' polylines, the
 * labelled points, an HTML legend, the caption, and the plotted numbers as a table in a
 * {@code details} for readers who cannot see the drawing. Colours come from the stylesheet's
 * classes {@code s1}…{@code s6} (light and dark themes); the attributes written here are the
 * fallback that the PDF renderer, which reads no page stylesheet, draws with.
 */
public final class PlotSvg {
  /** The drawing's coordinate system (the SVG scales to the column's width). */
  public static final double WIDTH = 640;
  public static final double HEIGHT = 400;
  /** The plot area inside it. */
  public static final double LEFT = 62;
  public static final double RIGHT = WIDTH - 30;
  public static final double TOP = 36;
  public static final double BOTTOM = HEIGHT - 58;
  /** Print colours, one per series class; the screen's come from the stylesheet. */
  private static final String[] PRINT = {"#1f5fa8", "#c2410c", "#15803d", "#7c3aed", "#b91c1c", "#a16207"};
  /** A sample closer than this (in drawing units) to the line through its neighbours is not drawn. */
  private static final double FLAT = 0.02;

  private PlotSvg() {}

  /** The drawing's x of an axis value. */
  public static double px(Axis x, double v) {
    return LEFT + (RIGHT - LEFT) * fraction(x, v);
  }

  /** The drawing's y of an axis value. */
  public static double py(Axis y, double v) {
    return BOTTOM - (BOTTOM - TOP) * fraction(y, v);
  }

  private static double fraction(Axis a, double v) {
    return a.log() ? Math.log(v / a.low()) / Math.log(a.high() / a.low()) : (v - a.low()) / (a.high() - a.low());
  }

  /** @param dataPage the page that holds the data list the figure's sources link to (its chapter's record) */
  static void write(VerifiedPlot plot, HtmlWriter html, ToIntFunction<DataValue> cite, String dataPage) {
    html.attr("class", plot.kind().equals("bars") ? "plot bars" : "plot").attr("id", "plot-" + plot.id()).withAttr()
        .tag("figure").line();
    if (!plot.kind().equals("line")) {
      if (plot.kind().equals("bars")) Bars.write(plot, html, cite, dataPage);
      else Timelines.write(plot, html, cite, dataPage);
      html.tag("/figure").line();
      return;
    }
    openScroll(plot, html);
    open(plot, WIDTH, HEIGHT, html);
    axes(plot, html);
    for (int i = 0; i < plot.series().size(); i++) {
      Series s = plot.series().get(i);
      stroke(plot, i, html).attr("points", points(plot, s)).attr("fill", "none").attr("stroke-width", "2.5");
      html.withAttr().tag("polyline").tag("/polyline").line();
      if (s.limit()) { // named where it ends, above the line
        int last = s.xs().length - 1;
        html.attr("x", n(px(plot.x(), s.xs()[last]) - 4)).attr("y", n(py(plot.y(), s.ys()[last]) - 6))
            .attr("text-anchor", "end").attr("class", "label").attr("fill", "currentColor").withAttr().tag("text").text(s.label())
            .tag("/text").line();
      }
    }
    for (int i = 0; i < plot.points().size(); i++) {
      Point p = plot.points().get(i);
      double x = px(plot.x(), p.x());
      double y = py(plot.y(), p.y());
      int colour = colour(plot, p.series());
      html.attr("class", "point " + cls(colour)).attr("cx", n(x)).attr("cy", n(y)).attr("r", "4.5")
          .attr("fill", PRINT[colour % PRINT.length]).withAttr().tag("circle").tag("/circle");
      // Toward the middle, so it stays inside; above and below in turn, so neighbours do not collide.
      boolean left = x > (LEFT + RIGHT) / 2;
      html.attr("x", n(x + (left ? -8 : 8))).attr("y", n(i % 2 == 0 ? y - 8 : y + 17)).attr("text-anchor", left ? "end" : "start")
          .attr("class", "label").attr("fill", "currentColor").withAttr().tag("text").text(p.label()).tag("/text").line();
    }
    html.tag("/svg").tag("/div").line();
    html.attr("class", "plot-legend").withAttr().tag("ul").line();
    for (int i = 0; i < plot.series().size(); i++) {
      Series s = plot.series().get(i);
      legendEntry(html, s.limit() ? "series limit" : "series " + cls(colour(plot, i)),
          s.limit() ? "currentColor" : print(colour(plot, i)), s.limit(), false, s.label());
    }
    html.tag("/ul").line();
    caption(plot, html);
    table(plot, html);
    sources(plot, html, cite, dataPage);
    html.tag("/figure").line();
  }

  /** Links to the data list at the end of the chapter's record page, where the examples' data are listed too. */
  static void sources(VerifiedPlot plot, HtmlWriter html, ToIntFunction<DataValue> cite, String dataPage) {
    List<Integer> items = new ArrayList<>();
    for (DataValue v : plot.cites()) {
      int item = cite.applyAsInt(v);
      if (!items.contains(item)) items.add(item);
    }
    CitedSources.links(items, dataPage, "plot-sources", html);
  }

  /**
   * Opens the box of a drawing too wide to shrink to a phone's column with its text readable: there
   * it scrolls sideways (guide.css), so it is focusable to be scrolled by keyboard, named by the
   * caption, and guide.css writes a cue above it.
   */
  static void openScroll(VerifiedPlot plot, HtmlWriter html) {
    html.attr("class", "plot-scroll").attr("tabindex", "0").attr("role", "region")
        .attr("aria-labelledby", "plot-" + plot.id() + "-caption").withAttr().tag("div").line();
  }

  /** The caption of a plot whose drawing scrolls, with the id its box is named by. */
  static void caption(VerifiedPlot plot, HtmlWriter html) {
    html.attr("id", "plot-" + plot.id() + "-caption").withAttr().tag("figcaption").text(plot.caption())
        .tag("/figcaption").line();
  }

  /** Opens the drawing: its coordinate system, what a screen reader says for it, its text style. */
  static void open(VerifiedPlot plot, double width, double height, HtmlWriter html) {
    html.attr("xmlns", "http://www.w3.org/2000/svg").attr("viewBox", "0 0 " + n(width) + " " + n(height))
        .attr("role", "img").attr("aria-label", plot.alt()).attr("font-size", "13")
        .attr("font-family", "sans-serif").withAttr().tag("svg").line();
  }

  /** A legend entry: a short line (or, with {@code block}, a box) of the entry's class and print colour. */
  static void legendEntry(HtmlWriter html, String cls, String print, boolean dashed, boolean block, String label) {
    // Drawn in pixels (no viewBox), from the origin, with no xmlns (the HTML parser, and jsoup for the
    // PDF, put an svg in its namespace): the fewest bytes, as every plot repeats it per entry.
    html.tag("li").attr("width", "24")
        .attr("height", "12").attr("aria-hidden", "true").withAttr().tag("svg");
    if (block) {
      html.attr("class", cls).attr("width", "24").attr("height", "12").attr("fill", print);
      if (print.equals("currentColor")) html.attr("fill-opacity", "0.14");
      html.withAttr().tag("rect").tag("/rect");
    } else {
      html.attr("class", cls).attr("x1", "0").attr("y1", "6").attr("x2", "24").attr("y2", "6").attr("stroke", print)
          .attr("stroke-width", "3");
      if (dashed) html.attr("stroke-dasharray", "7 5");
      html.withAttr().tag("line").tag("/line");
    }
    html.tag("/svg").text(" " + label).tag("/li").line();
  }

  static String print(int colour) {
    return PRINT[colour % PRINT.length];
  }

  private static void axes(VerifiedPlot plot, HtmlWriter html) {
    Axis x = plot.x();
    Axis y = plot.y();
    html.attr("class", "axes").attr("stroke", "currentColor").attr("fill", "none").withAttr().tag("g");
    html.attr("class", "grid").attr("d", grid(x, y)).attr("stroke-width", "1").attr("stroke-opacity", "0.18")
        .withAttr().tag("path").tag("/path");
    html.attr("d", "M" + n(LEFT) + " " + n(TOP) + "V" + n(BOTTOM) + "H" + n(RIGHT)).attr("stroke-width", "1.2")
        .withAttr().tag("path").tag("/path");
    html.tag("/g").line();
    html.attr("class", "ticks").attr("fill", "currentColor").withAttr().tag("g").line();
    for (double t : x.ticks()) {
      // A label wider than the margin at the right end is set flush with the drawing's edge.
      boolean flush = px(x, t) + tick(t).length() * 4 > WIDTH;
      html.attr("x", n(flush ? WIDTH - 2 : px(x, t))).attr("y", n(BOTTOM + 18))
          .attr("text-anchor", flush ? "end" : "middle").withAttr().tag("text").text(tick(t)).tag("/text").line();
    }
    for (double t : y.ticks()) {
      html.attr("x", n(LEFT - 6)).attr("y", n(py(y, t) + 4.5)).attr("text-anchor", "end").withAttr()
          .tag("text").text(tick(t)).tag("/text").line();
    }
    html.attr("x", n((LEFT + RIGHT) / 2)).attr("y", n(HEIGHT - 12)).attr("text-anchor", "middle").withAttr()
        .tag("text").text(title(x)).tag("/text").line();
    // Above the plot, read across: a rotated title would not fit a long meaning.
    html.attr("x", n(LEFT - 50)).attr("y", n(TOP - 18)).withAttr().tag("text").text(title(y)).tag("/text").line();
    html.tag("/g").line();
  }

  private static String grid(Axis x, Axis y) {
    StringBuilder d = new StringBuilder(); // path data, not HTML: the writer escapes the attribute
    for (double t : x.ticks()) d.append('M').append(n(px(x, t))).append(' ').append(n(TOP)).append('V').append(n(BOTTOM));
    for (double t : y.ticks()) d.append('M').append(n(LEFT)).append(' ').append(n(py(y, t))).append('H').append(n(RIGHT));
    return d.toString();
  }

  /** The series' samples as drawing coordinates, leaving out those on the line through their neighbours. */
  static String points(VerifiedPlot plot, Series s) {
    List<double[]> kept = new ArrayList<>();
    for (int i = 0; i < s.xs().length; i++) {
      double[] p = {px(plot.x(), s.xs()[i]), py(plot.y(), s.ys()[i])};
      if (kept.size() >= 2 && onLine(kept.get(kept.size() - 2), kept.get(kept.size() - 1), p)) {
        kept.set(kept.size() - 1, p);
      } else {
        kept.add(p);
      }
    }
    StringBuilder out = new StringBuilder();
    for (double[] p : kept) out.append(out.length() == 0 ? "" : " ").append(n(p[0])).append(',').append(n(p[1]));
    return out.toString();
  }

  /** Whether b lies within {@link #FLAT} of the line from a to c. */
  private static boolean onLine(double[] a, double[] b, double[] c) {
    double dx = c[0] - a[0];
    double dy = c[1] - a[1];
    double len = Math.hypot(dx, dy);
    return len > 0 && Math.abs(dx * (b[1] - a[1]) - dy * (b[0] - a[0])) / len < FLAT;
  }

  private static void table(VerifiedPlot plot, HtmlWriter html) {
    openNumbers(html);
    List<String> heads = new ArrayList<>(List.of(title(plot.x())));
    for (Series s : plot.series()) heads.add(s.label() + unit(plot.y()));
    List<List<String>> rows = new ArrayList<>();
    for (int j = 0; j < plot.x().ticks().size(); j++) {
      List<String> row = new ArrayList<>(List.of(number(plot.x().ticks().get(j))));
      for (Series s : plot.series()) row.add(number(s.atTicks()[j]));
      rows.add(row);
    }
    numberTable(html, heads, rows);
    if (!plot.points().isEmpty()) {
      rows = new ArrayList<>();
      for (Point p : plot.points()) {
        rows.add(List.of(p.label(), plot.series().get(p.series()).label(), number(p.x()), number(p.y())));
      }
      numberTable(html, List.of("point", "on", plot.x().symbol() + unit(plot.x()), plot.y().symbol() + unit(plot.y())), rows);
    }
    closeNumbers(html);
  }

  /** Opens the fold that holds a plot's numbers, for readers who cannot see the drawing. */
  static void openNumbers(HtmlWriter html) {
    html.attr("class", "plot-data").withAttr().tag("details").line();
    html.tag("summary").text("The numbers of this plot").tag("/summary").line();
  }

  static void closeNumbers(HtmlWriter html) {
    html.tag("/details").line();
  }

  /** A table of a plot's numbers: a row of headings, then rows each headed by its first cell. */
  static void numberTable(HtmlWriter html, List<String> heads, List<List<String>> rows) {
    html.attr("tabindex", "0").withAttr().tag("table").line().tag("thead").tag("tr"); // it may scroll on a phone
    for (String head : heads) html.tag("th").text(head).tag("/th");
    html.tag("/tr").tag("/thead").line().tag("tbody").line();
    for (List<String> row : rows) {
      html.tag("tr").tag("th").text(row.get(0)).tag("/th");
      for (String cell : row.subList(1, row.size())) html.tag("td").text(cell).tag("/td");
      html.tag("/tr").line();
    }
    html.tag("/tbody").line().tag("/table").line();
  }

  static String title(Axis a) {
    return a.title() + unit(a);
  }

  /** The axis's unit in brackets after a heading; nothing for a plain count. */
  static String unit(Axis a) {
    return a.unit().equals("1") ? "" : " [" + a.unit() + "]";
  }

  /**
   * The class and print stroke of series {@code i}: a limit is dashed in the text colour, faint;
   * the others take the palette in turn.
   */
  private static HtmlWriter stroke(VerifiedPlot plot, int i, HtmlWriter html) {
    if (plot.series().get(i).limit()) {
      return html.attr("class", "series limit").attr("stroke", "currentColor").attr("stroke-opacity", "0.6")
          .attr("stroke-dasharray", "7 5");
    }
    int colour = colour(plot, i);
    return html.attr("class", "series " + cls(colour)).attr("stroke", PRINT[colour % PRINT.length]);
  }

  /** The palette index of series {@code i}: limits take none. */
  private static int colour(VerifiedPlot plot, int i) {
    return (int) plot.series().subList(0, i).stream().filter(s -> !s.limit()).count();
  }

  static String cls(int series) {
    return "s" + (series % PRINT.length + 1);
  }

  /** Drawing coordinates: two decimals, fixed, so two builds write the same bytes. */
  static String n(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    s = s.contains(".") ? s.replaceFirst("0+$", "").replaceFirst("\\.$", "") : s;
    return s.equals("-0") ? "0" : s;
  }

  /**
   * A tick label: as {@link #number}, but a million and up, or under a thousandth, as a power of
   * ten the way a reader writes it ({@code 10⁸}, {@code 3×10⁸}), short enough to fit under a tick.
   */
  static String tick(double v) {
    if (v != 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) {
      BigDecimal d = new BigDecimal(v).round(new MathContext(3));
      int exp = d.precision() - d.scale() - 1;
      String mantissa = d.movePointLeft(exp).stripTrailingZeros().toPlainString();
      String power = "10" + superscript(exp);
      return mantissa.equals("1") ? power : mantissa.equals("-1") ? "-" + power : mantissa + "×" + power;
    }
    return number(v);
  }

  private static String superscript(int exp) {
    StringBuilder s = new StringBuilder();
    for (char c : Integer.toString(exp).toCharArray()) s.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
    return s.toString();
  }

  /** A value for readers: a whole number as it is, else three significant digits; thousands grouped, no exponent. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e7) return String.format(Locale.ROOT, "%,d", (long) v);
    BigDecimal d = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros();
    if (d.scale() <= 0) return String.format(Locale.ROOT, "%,d", d.toBigInteger());
    return d.toPlainString();
  }
}
