package org.llmsi.publisher.markdown.internal;

import static org.llmsi.publisher.markdown.internal.PlotSvg.LEFT;
import static org.llmsi.publisher.markdown.internal.PlotSvg.RIGHT;
import static org.llmsi.publisher.markdown.internal.PlotSvg.n;

import com.vladsch.flexmark.html.HtmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.model.VerifiedPlot.Bar;
import org.llmsi.verifier.model.VerifiedPlot.Schedule;
import org.llmsi.verifier.model.VerifiedPlot;

/**
 * Draws a plot of kind timeline: each simulated pipeline schedule as one row per device, on a
 * shared time axis, forward and backward passes as boxes numbered by micro-batch, and the idle
 * time (the bubble) as the shaded row behind them.
 */
final class Timelines {
  private static final double ROW = 20;
  private static final double BOX = 16;
  private static final double TITLE = 22;
  private static final double GAP = 12;

  private Timelines() {}

  static void write(VerifiedPlot plot, HtmlWriter html, ToIntFunction<DataValue> cite, String dataPage) {
    double height = 8;
    for (Schedule s : plot.schedules()) height += TITLE + s.devices() * ROW + GAP;
    double axisAt = height;
    height += 46;
    PlotSvg.openScroll(plot, html);
    PlotSvg.open(plot, PlotSvg.WIDTH, height, html);
    double y = 8;
    for (Schedule s : plot.schedules()) {
      html.attr("x", n(LEFT - 50)).attr("y", n(y + 15)).attr("fill", "currentColor").attr("font-weight", "600")
          .withAttr().tag("text").text(s.label()).tag("/text").line();
      y += TITLE;
      // One group per GPU row, then per phase, so each box carries only its position and width.
      for (int d = 0; d < s.devices(); d++) {
        html.attr("transform", "translate(0 " + n(y + d * ROW) + ")").withAttr().tag("g");
        html.attr("x", n(LEFT - 6)).attr("y", "13").attr("text-anchor", "end").attr("fill", "currentColor")
            .withAttr().tag("text").text("GPU " + (d + 1)).tag("/text");
        html.attr("class", "idle").attr("x", n(x(plot, 0))).attr("width", n(x(plot, s.makespan()) - LEFT))
            .attr("height", n(BOX)).attr("fill", "currentColor").attr("fill-opacity", "0.14").withAttr().tag("rect")
            .tag("/rect").line();
        for (int phase = 0; phase < s.phases().size(); phase++) {
          html.attr("class", "phase " + PlotSvg.cls(phase)).attr("fill", PlotSvg.print(phase)).withAttr().tag("g");
          for (Bar b : s.bars()) {
            if (b.device() != d || b.phase() != phase) continue;
            double x0 = x(plot, b.start());
            html.attr("x", n(x0 + 0.5)).attr("width", n(x(plot, b.end()) - x0 - 1)).attr("height", n(BOX)).withAttr()
                .tag("rect").tag("/rect");
          }
          html.tag("/g").line();
        }
        html.attr("class", "on-box").attr("text-anchor", "middle").attr("font-size", "10").attr("fill", "#fff")
            .withAttr().tag("g");
        for (Bar b : s.bars()) {
          double x0 = x(plot, b.start());
          double w = x(plot, b.end()) - x0;
          if (b.device() == d && w >= 11) {
            html.attr("x", n(x0 + w / 2)).attr("y", "12").withAttr().tag("text").text(Integer.toString(b.number())).tag("/text");
          }
        }
        html.tag("/g").tag("/g").line();
      }
      y += s.devices() * ROW + GAP;
    }
    html.attr("class", "axes").attr("stroke", "currentColor").attr("fill", "none").withAttr().tag("g");
    html.attr("d", "M" + n(LEFT) + " " + n(axisAt) + "H" + n(RIGHT)).attr("stroke-width", "1.2").withAttr()
        .tag("path").tag("/path").tag("/g").line();
    html.attr("class", "ticks").attr("fill", "currentColor").withAttr().tag("g").line();
    for (double t : plot.x().ticks()) {
      html.attr("x", n(x(plot, t))).attr("y", n(axisAt + 16)).attr("text-anchor", "middle").withAttr()
          .tag("text").text(PlotSvg.tick(t)).tag("/text").line();
    }
    html.attr("x", n((LEFT + RIGHT) / 2)).attr("y", n(axisAt + 38)).attr("text-anchor", "middle").withAttr()
        .tag("text").text(PlotSvg.title(plot.x())).tag("/text").line();
    html.tag("/g").line().tag("/svg").tag("/div").line();
    html.attr("class", "plot-legend").withAttr().tag("ul").line();
    List<String> phases = plot.schedules().get(0).phases();
    for (int i = 0; i < phases.size(); i++) {
      PlotSvg.legendEntry(html, "phase " + PlotSvg.cls(i), PlotSvg.print(i), false, true, phases.get(i));
    }
    if (plot.schedules().stream().anyMatch(s -> s.makespan() * s.devices() > s.bars().stream()
        .mapToDouble(b -> b.end() - b.start()).sum() + 1e-9)) {
      PlotSvg.legendEntry(html, "idle", "currentColor", false, true, "idle: the bubble");
    }
    html.tag("/ul").line();
    PlotSvg.caption(plot, html);
    table(plot, html);
    PlotSvg.sources(plot, html, cite, dataPage);
  }

  private static double x(VerifiedPlot plot, double t) {
    return PlotSvg.px(plot.x(), t);
  }

  /** Each device's busy and idle time and its bubble, as the simulation measured them. */
  private static void table(VerifiedPlot plot, HtmlWriter html) {
    List<List<String>> rows = new ArrayList<>();
    for (Schedule s : plot.schedules()) {
      for (int d = 0; d < s.devices(); d++) {
        double busy = s.makespan() * (1 - s.bubble()[d]);
        rows.add(List.of(s.label(), Integer.toString(d + 1), PlotSvg.number(s.makespan()), PlotSvg.number(busy),
            String.format(Locale.ROOT, "%.1f %%", 100 * s.bubble()[d])));
      }
    }
    PlotSvg.openNumbers(html);
    PlotSvg.numberTable(html, List.of("schedule", "GPU", "step time", "busy", "bubble"), rows);
    PlotSvg.closeNumbers(html);
  }
}
