package org.llmsi.verifier.model;

import java.util.List;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.report.Location;

/**
 * A plot whose every point was computed by the verifier's evaluator from the formulas and data it
 * names; values are in the units of its axes.
 *
 * @param id its anchor on the page ({@code plot-} and the id)
 * @param kind what is drawn: {@code line}, {@code timeline} or {@code bars}
 * @param x the swept axis (for a timeline, time; for bars, the axis the bars' parts add up along)
 * @param y the value axis (null for a timeline)
 * @param series the curves, in the order written
 * @param points labelled points, each on a series
 * @param schedules a timeline's simulated schedules, in the order written
 * @param stacks a bars plot's bars, in the order written
 * @param caption what the plot shows
 * @param alt the text alternative, for readers who cannot see it
 * @param cites the data figures it reads, in the order first read
 * @param location the fence line
 * @param node the fence in the page's document, which the publisher renders
 */
public record VerifiedPlot(String id, String kind, Axis x, Axis y, List<Series> series, List<Point> points,
    List<Schedule> schedules, List<Stack> stacks, String caption, String alt, List<DataValue> cites, Location location, com.vladsch.flexmark.util.ast.Node node) {
  public VerifiedPlot {
    series = List.copyOf(series);
    points = List.copyOf(points);
    schedules = List.copyOf(schedules);
    stacks = List.copyOf(stacks);
    cites = List.copyOf(cites);
  }

  /**
   * An axis.
   *
   * @param title what it measures (the glossary's meaning of its symbol)
   * @param unit its unit as written ({@code 1} or a count word such as {@code tokens} for counts)
   * @param ticks the values it is labelled at, which the data table lists too
   */
  public record Axis(String symbol, String title, String unit, double low, double high, boolean log, List<Double> ticks) {
    public Axis {
      ticks = List.copyOf(ticks);
    }
  }

  /**
   * A curve: {@code xs[i], ys[i]} are its sampled points; {@code atTicks[j]} its value at the x
   * axis's tick {@code j}, for the data table.
   *
   * @param limit drawn dashed: a bound such as a memory capacity, not a quantity of the model
   */
  public record Series(String label, boolean limit, double[] xs, double[] ys, double[] atTicks) {}

  /**
   * A schedule as a simulation ran it: a pipeline's passes (forward 1, backward 2, divided among a
   * device's chunks) or a ring collective's rounds (1 each).
   *
   * @param phases what each phase's boxes are, for the legend: forward and backward passes, or a
   *     ring's reduce-scatter and all-gather rounds
   * @param bubble each device's idle share of the makespan
   */
  public record Schedule(String label, int devices, double makespan, List<Bar> bars, List<String> phases, double[] bubble) {
    public Schedule {
      bars = List.copyOf(bars);
      phases = List.copyOf(phases);
    }
  }

  /**
   * One box of a schedule: on a device, numbered (the micro-batch or the chunk, from 1), in a phase
   * (an index into {@link Schedule#phases()}), from start to end.
   */
  public record Bar(int device, int number, int phase, double start, double end) {}

  /** A labelled point on series {@code series} (an index into {@link #series()}). */
  public record Point(String label, int series, double x, double y) {}

  /**
   * A budget drawn as one stacked bar: its parts add up along the x axis, against an optional capacity.
   *
   * @param capacity in the axis's unit, or NaN when the bar states none
   * @param fits whether the page claims the parts fit the capacity (checked: an overflow is an error);
   *     without the claim an overflow is drawn as a fact of the design
   */
  public record Stack(String label, List<Segment> segments, double capacity, boolean fits) {
    public Stack {
      segments = List.copyOf(segments);
    }

    /** The parts' sum, in the axis's unit. */
    public double total() {
      return segments.stream().mapToDouble(Segment::value).sum();
    }

    public boolean hasCapacity() {
      return !Double.isNaN(capacity);
    }
  }

  /** One part of a bar, its value in the axis's unit. */
  public record Segment(String label, double value) {}
}
