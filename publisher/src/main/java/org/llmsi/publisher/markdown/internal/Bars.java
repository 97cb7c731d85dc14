package org.llmsi.publisher.markdown.internal;

import static org.llmsi.publisher.markdown.internal.PlotSvg.n;

import com.vladsch.flexmark.html.HtmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.model.VerifiedPlot;
import org.llmsi.verifier.model.VerifiedPlot.Segment;
import org.llmsi.verifier.model.VerifiedPlot.Stack;

/**
 * Draws a plot of kind bars: each budget as a stacked horizontal bar on a shared axis from 0, its
 * parts coloured by label (the same label, the same colour, in every bar), its capacity as a faint
 * box with a dashed end, so what is left shows as the faint part and an overflow runs past the dash.
 * The drawing is narrower than a line plot's, so that it fits a phone's column with its text still
 * readable (guide.css caps its width on a wide screen).
 */
final class Bars {
  /**
   * The drawing's width: on a 390 px phone the column is about 335 px wide, where 13-unit text draws
   * at 11.5 px; a bar's label (at most {@code PlotChecker}'s 40 characters) fits on its line.
   */
  static final double WIDTH = 380;
  static final double LEFT = 6;
  static final double RIGHT = WIDTH - 14;
  private static final double TITLE = 18;
  private static final double BAR = 24;
  private static final double GAP = 12;
  /** A part narrower than this (drawing units) carries no number; the table has it. */
  private static final double LABELLED = 34;

  private Bars() {}

  /** The drawing's x of an axis value. */
  static double x(VerifiedPlot plot, double v) {
    return LEFT + (RIGHT - LEFT) * v / plot.x().high();
  }

  static void write(VerifiedPlot plot, HtmlWriter html, ToIntFunction<DataValue> cite, String dataPage) {
    List<String> parts = parts(plot);
    List<Stack> stacks = plot.stacks();
    double axisAt = 4 + stacks.size() * (TITLE + BAR + GAP);
    PlotSvg.open(plot, WIDTH, axisAt + 40, html);
    // Each kind of mark is one element for all the bars (a path of one box per bar), which keeps a
    // figure to a few kilobytes: the labels, the capacities' faint boxes, the parts of each colour,
    // the numbers on the parts and the capacities' dashed ends.
    html.attr("fill", "currentColor").attr("font-weight", "600").withAttr().tag("g").line();
    for (int b = 0; b < stacks.size(); b++) {
      Stack s = stacks.get(b);
      String over = s.hasCapacity() && s.total() > s.capacity() // a fact of the design, said where it shows
          ? ": " + PlotSvg.number(s.total() - s.capacity()) + (plot.x().unit().equals("1") ? "" : " " + plot.x().unit())
              + " over" : "";
      html.attr("x", n(LEFT)).attr("y", n(top(b) - 5)).withAttr().tag("text").text(s.label() + over).tag("/text").line();
    }
    html.tag("/g").line();
    StringBuilder idle = new StringBuilder(); // path data, not HTML: the writer escapes the attribute
    StringBuilder ends = new StringBuilder();
    for (int b = 0; b < stacks.size(); b++) {
      Stack s = stacks.get(b);
      if (!s.hasCapacity()) continue;
      idle.append(box(LEFT, x(plot, s.capacity()), top(b)));
      ends.append('M').append(n(x(plot, s.capacity()))).append(' ').append(n(top(b) - 3)).append('v').append(n(BAR + 6));
    }
    if (idle.length() > 0) {
      html.attr("class", "idle").attr("d", idle.toString()).attr("fill", "currentColor").attr("fill-opacity", "0.14")
          .withAttr().tag("path").tag("/path").line();
    }
    for (int colour = 0; colour < parts.size(); colour++) {
      StringBuilder d = new StringBuilder();
      for (int b = 0; b < stacks.size(); b++) {
        double at = 0;
        for (Segment part : stacks.get(b).segments()) {
          if (part.label().equals(parts.get(colour))) d.append(box(x(plot, at), x(plot, at + part.value()), top(b)));
          at += part.value();
        }
      }
      html.attr("class", "part " + PlotSvg.cls(colour)).attr("d", d.toString()).attr("fill", PlotSvg.print(colour))
          .withAttr().tag("path").tag("/path").line();
    }
    html.attr("class", "on-box").attr("text-anchor", "middle").attr("fill", "#fff").withAttr().tag("g");
    for (int b = 0; b < stacks.size(); b++) {
      double at = 0;
      for (Segment part : stacks.get(b).segments()) {
        double x0 = x(plot, at);
        double w = x(plot, at + part.value()) - x0;
        if (w >= LABELLED) {
          html.attr("x", n(x0 + w / 2)).attr("y", n(top(b) + 16.5)).withAttr().tag("text")
              .text(PlotSvg.number(part.value())).tag("/text");
        }
        at += part.value();
      }
    }
    html.tag("/g").line();
    if (ends.length() > 0) {
      html.attr("class", "limit").attr("d", ends.toString()).attr("stroke", "currentColor").attr("stroke-width", "2")
          .attr("stroke-dasharray", "4 3").withAttr().tag("path").tag("/path").line();
    }
    html.attr("class", "axes").attr("stroke", "currentColor").attr("fill", "none").withAttr().tag("g");
    html.attr("d", "M" + n(LEFT) + " " + n(axisAt) + "H" + n(RIGHT)).attr("stroke-width", "1.2").withAttr()
        .tag("path").tag("/path").tag("/g").line();
    html.attr("class", "ticks").attr("fill", "currentColor").attr("text-anchor", "middle").withAttr().tag("g").line();
    for (double t : plot.x().ticks()) {
      html.attr("x", n(Math.max(x(plot, t), LEFT + 4))).attr("y", n(axisAt + 16)).withAttr().tag("text")
          .text(PlotSvg.tick(t)).tag("/text").line();
    }
    html.attr("x", n((LEFT + RIGHT) / 2)).attr("y", n(axisAt + 35)).withAttr().tag("text").text(PlotSvg.title(plot.x()))
        .tag("/text").line();
    html.tag("/g").line().tag("/svg").line();
    html.attr("class", "plot-legend").withAttr().tag("ul").line();
    for (int i = 0; i < parts.size(); i++) {
      PlotSvg.legendEntry(html, "part " + PlotSvg.cls(i), PlotSvg.print(i), false, true, parts.get(i));
    }
    if (plot.stacks().stream().anyMatch(Stack::hasCapacity)) {
      PlotSvg.legendEntry(html, "limit", "currentColor", true, false, "capacity");
    }
    if (plot.stacks().stream().anyMatch(s -> s.hasCapacity() && s.total() < s.capacity())) {
      PlotSvg.legendEntry(html, "idle", "currentColor", false, true, "free");
    }
    html.tag("/ul").line();
    html.tag("figcaption").text(plot.caption()).tag("/figcaption").line();
    table(plot, parts, html);
    PlotSvg.sources(plot, html, cite, dataPage);
  }

  /** The top of bar {@code b}'s box; its label sits above it. */
  static double top(int b) {
    return 4 + b * (TITLE + BAR + GAP) + TITLE;
  }

  /** A bar-high box from x0 to x1 at {@code top} as path data: {@code M x0 top h width v BAR h -width z}. */
  static String box(double x0, double x1, double top) {
    return "M" + n(x0) + " " + n(top) + "h" + n(x1 - x0) + "v" + n(BAR) + "h" + n(x0 - x1) + "z";
  }

  /** Every part's label, in the order first drawn: a label's index is its colour. */
  static List<String> parts(VerifiedPlot plot) {
    List<String> out = new ArrayList<>();
    for (Stack s : plot.stacks()) {
      for (Segment part : s.segments()) {
        if (!out.contains(part.label())) out.add(part.label());
      }
    }
    return out;
  }

  /** A row per bar: each part (a dash where the bar has none), the total, the capacity and what is left. */
  private static void table(VerifiedPlot plot, List<String> parts, HtmlWriter html) {
    boolean capacities = plot.stacks().stream().anyMatch(Stack::hasCapacity);
    String unit = PlotSvg.unit(plot.x());
    List<String> heads = new ArrayList<>();
    heads.add("bar");
    for (String part : parts) heads.add(part + unit);
    heads.add("total" + unit);
    if (capacities) {
      heads.add("capacity" + unit);
      heads.add("free" + unit);
    }
    List<List<String>> rows = new ArrayList<>();
    for (Stack s : plot.stacks()) {
      List<String> row = new ArrayList<>();
      row.add(s.label());
      for (String part : parts) {
        row.add(s.segments().stream().filter(p -> p.label().equals(part)).findFirst()
            .map(p -> PlotSvg.number(p.value())).orElse("–"));
      }
      row.add(PlotSvg.number(s.total()));
      if (capacities) {
        row.add(s.hasCapacity() ? PlotSvg.number(s.capacity()) : "–");
        row.add(s.hasCapacity() ? PlotSvg.number(s.capacity() - s.total()) : "–");
      }
      rows.add(row);
    }
    PlotSvg.openNumbers(html);
    PlotSvg.numberTable(html, heads, rows);
    PlotSvg.closeNumbers(html);
  }
}
