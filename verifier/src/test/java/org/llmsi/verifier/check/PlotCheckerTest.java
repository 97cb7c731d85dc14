package org.llmsi.verifier.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.corpus.CorpusCatalogs;
import org.llmsi.verifier.model.VerifiedPlot;
import org.llmsi.verifier.source.FencedBlock;

/** Plot blocks: what is computed for each point, and the mistakes the corpus does not hold. */
class PlotCheckerTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");
  private static final String HEAD = "title=Fixture\ntype=page\nstatus=published\norder=1\n~~~~~~\n\n"
      + "```formula ridge_point\nI_ridge = P_peak / B_mem\n```\n\n";
  private static final String AXES = "kind: line\nx: B_mem 1 .. 10 TB/s log\ny: I_ridge 10 .. 1000 FLOP/B log\n";
  private static final String TEXTS = "caption: The ridge falls.\nalt: A falling line.\n";

  private static VerificationResult verify(Path site) {
    return new Verifier(VerifyOptions.of(site).withDataDir(CORPUS.resolve("_data")).withTries(50)
        .withCatalog("org.llmsi.verifier.corpus.CorpusCatalogs#ridge").withDisplayBase(site.toAbsolutePath())).verify();
  }

  private static VerificationResult verifyPage(String markdown) throws IOException {
    Path site = Files.createTempDirectory("plot");
    Files.writeString(Files.createDirectories(site.resolve("content")).resolve("page.md"), HEAD + markdown);
    return verify(site);
  }

  private static VerifiedPlot plot(VerificationResult result) {
    assertTrue(result.ok(), () -> result.diagnostics().toString());
    FencedBlock block = result.guide().pages().get(0).blocks().stream()
        .filter(b -> b.kind().equals("plot")).findFirst().orElseThrow();
    return result.guide().plot(block.node()).orElseThrow();
  }

  private static List<String> messages(VerificationResult result) {
    return result.diagnostics().stream().map(d -> d.location().line() + ":" + d.location().column() + " " + d.message()).toList();
  }

  @Test
  void everySampleIsTheReferenceAtItsXInTheAxesUnits() {
    VerifiedPlot plot = plot(verify(CORPUS.resolve("ok-plot")));
    VerifiedPlot.Series s = plot.series().get(0);
    assertEquals(PlotChecker.SAMPLES, s.xs().length);
    assertEquals(1.0, s.xs()[0]);
    assertEquals(10.0, s.xs()[s.xs().length - 1]);
    for (int i = 0; i < s.xs().length; i++) {
      double reference = CorpusCatalogs.Ridge.ridgePoint(989.4e12, s.xs()[i] * 1e12); // FLOP/B, the y axis's unit
      assertEquals(reference, s.ys()[i], 1e-12 * reference, "sample " + i);
      if (i > 0) assertEquals(Math.log(10) / (PlotChecker.SAMPLES - 1), Math.log(s.xs()[i] / s.xs()[i - 1]), 1e-12);
    }
    assertEquals(List.of(1.0, 10.0), plot.x().ticks());
    assertEquals(CorpusCatalogs.Ridge.ridgePoint(989.4e12, 10e12), s.atTicks()[1], 1e-9);
    VerifiedPlot.Point h100 = plot.points().get(0);
    assertEquals(3.35, h100.x(), 1e-12);
    assertEquals(989.4 / 3.35, h100.y(), 1e-9);
    assertEquals("gpus.h100_sxm.bf16_dense", plot.cites().get(0).key());
  }

  @Test
  void aPlotSeesTheGivensOfTheExamplesAboveItAndTextContinuesOnIndentedLines() throws IOException {
    VerifiedPlot plot = plot(verifyPage("```example \"Givens\"\npeak = 500 TFLOP/s\n```\n\n```plot p\n" + AXES
        + "series \"half an H100\": ridge_point(P_peak = peak)\ncaption: The ridge\n  falls.\nalt: A line.\n```\n"));
    assertEquals(50.0, plot.series().get(0).ys()[PlotChecker.SAMPLES - 1], 1e-9);
    assertEquals("The ridge falls.", plot.caption());
  }

  @Test
  void mistakesAreLocatedAtTheirLineAndColumn() throws IOException {
    assertEquals(List.of("16:1 two series of plot 'p' are labelled \"a\""), messages(verifyPage("```plot p\n" + AXES
        + "series \"a\": ridge_point(P_peak = 989.4 TFLOP/s)\nseries \"a\": ridge_point(P_peak = 500 TFLOP/s)\n" + TEXTS + "```\n")));
    assertEquals(List.of("16:19 point \"x\" is in FLOP/s but the x axis is in TB/s (B/s)"), messages(verifyPage("```plot p\n" + AXES
        + "series \"a\": ridge_point(P_peak = 989.4 TFLOP/s)\npoint \"x\" on \"a\": 3 TFLOP/s\n" + TEXTS + "```\n")));
    assertEquals(List.of("11:1 plot 'p' has no alt: add a line 'alt: …' that says in words what the plot shows"),
        messages(verifyPage("```plot p\n" + AXES + "series \"a\": ridge_point(P_peak = 989.4 TFLOP/s)\ncaption: c\n```\n")));
    assertEquals(List.of("15:1 unknown plot key 'serie'"), messages(verifyPage("```plot p\n" + AXES
        + "serie \"a\": ridge_point(P_peak = 989.4 TFLOP/s)\n" + TEXTS + "```\n")));
    assertEquals(List.of("14:4 unknown symbol 'I_rigde' for the y axis"), messages(verifyPage("```plot p\n"
        + AXES.replace("y: I_ridge", "y: I_rigde") + "series \"a\": ridge_point(P_peak = 989.4 TFLOP/s)\n" + TEXTS + "```\n")));
  }

  @Test
  void ticksArePowersOfTenOnALogAxisAndRoundStepsOnALinearOne() {
    assertEquals(List.of(0.1, 1.0, 10.0, 100.0, 1000.0, 10000.0), PlotChecker.ticks(0.1, 10000, true));
    assertEquals(List.of(1e0, 1e2, 1e4, 1e6, 1e8), PlotChecker.ticks(1, 1e9, true));
    assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0), PlotChecker.ticks(0, 128, false));
    assertEquals(List.of(0.5, 1.0, 1.5, 2.0, 2.5, 3.0), PlotChecker.ticks(0.3, 3.2, false));
  }

  @Test
  void aCountIsSampledAtWholeNumbersOnce() {
    VerifiedPlot.Axis axis = new VerifiedPlot.Axis("b", "batch", "1", 1, 16, false, List.of());
    double[] xs = PlotChecker.samples(axis, true);
    assertEquals(16, xs.length);
    for (int i = 0; i < xs.length; i++) assertEquals(i + 1.0, xs[i]);
  }

  @Test
  void aTimelineIsTheSimulatedScheduleWhoseBubbleIsTheClosedForm() throws IOException {
    VerifiedPlot plot = plot(verifyPage("```example \"Givens\"\nstages = 4\n```\n\n```plot t\nkind: timeline\n"
        + "schedule \"GPipe\": gpipe(p = stages, n_mb = 8)\nschedule \"Interleaved\": interleaved(p = 4, n_mb = 8, v = 2)\n"
        + TEXTS + "```\n"));
    VerifiedPlot.Schedule gpipe = plot.schedules().get(0);
    assertEquals(2 * 4 * 8, gpipe.bars().size(), "a forward and a backward per micro-batch per GPU");
    assertEquals((8 + 4 - 1) * 3.0, gpipe.makespan(), 1e-12, "forward 1, backward 2");
    for (int d = 0; d < 4; d++) {
      assertEquals(org.llmsi.formulas.PipelineBubble.gpipe(4, 8), gpipe.bubble()[d], 1e-12, "GPU " + d);
    }
    VerifiedPlot.Schedule interleaved = plot.schedules().get(1);
    assertEquals(2 * 4 * 8 * 2, interleaved.bars().size(), "every chunk of every GPU runs each micro-batch");
    assertEquals(org.llmsi.formulas.PipelineBubble.interleaved(4, 8, 2), interleaved.bubble()[0], 1e-12);
    for (VerifiedPlot.Bar b : interleaved.bars()) assertEquals(b.phase() == 0 ? 0.5 : 1.0, b.end() - b.start(), 1e-12);
    assertEquals(gpipe.makespan(), plot.x().high(), "the time axis spans the longest schedule");
  }

  @Test
  void aRingAllReduceSendsEveryChunkOnceARoundReduceScatterThenAllGather() throws IOException {
    VerifiedPlot.Schedule ring = plot(verifyPage("```plot r\nkind: timeline\nschedule \"ring\": ring_all_reduce(g = 4)\n"
        + TEXTS + "```\n")).schedules().get(0);
    assertEquals(2 * 3.0, ring.makespan(), "2 (g - 1) rounds");
    assertEquals(2 * 3 * 4, ring.bars().size(), "every GPU sends in every round");
    for (VerifiedPlot.Bar b : ring.bars()) {
      // In round k GPU r sends chunk r - k (reduce-scatter), then chunk r + 1 - k (all-gather), numbered from 1.
      int k = (int) b.start();
      int expected = k < 3 ? Math.floorMod(b.device() - k, 4) : Math.floorMod(b.device() + 1 - (k - 3), 4);
      assertEquals(expected + 1, b.number(), "GPU " + b.device() + ", round " + k);
      assertEquals(k < 3 ? 0 : 1, b.phase());
    }
  }

  @Test
  void barsAreTheGivensAndFormulasInTheAxisUnitAndAnUnclaimedOverflowIsAFact() throws IOException {
    VerifiedPlot plot = plot(verify(CORPUS.resolve("ok-plot-bars")));
    assertEquals("bars", plot.kind());
    assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), plot.x().ticks(), "about four 1-2-5 steps from 0");
    VerifiedPlot.Stack one = plot.stacks().get(0);
    assertEquals(List.of(new VerifiedPlot.Segment("weights", 35), new VerifiedPlot.Segment("KV cache", 30),
        new VerifiedPlot.Segment("reserve", 8)), one.segments(), "the givens, in GB");
    assertEquals(80, one.capacity(), 1e-12, "the H100's HBM from the data file");
    assertTrue(one.fits());
    VerifiedPlot.Stack twice = plot.stacks().get(1);
    assertEquals(95, twice.total(), 1e-12);
    assertTrue(!twice.fits() && twice.total() > twice.capacity(), "drawn over its capacity: no claim, no error");
    assertTrue(!plot.stacks().get(2).hasCapacity());
    assertEquals("gpus.h100_sxm.hbm_bytes", plot.cites().get(0).key());
    // A GB axis reads bytes written in GiB in its own unit: no GB/GiB slip.
    VerifiedPlot gib = plot(verifyPage("```plot m\nkind: bars\nx: Q 0 .. 100 GB\nbar \"a\": 64 GiB\n"
        + "segment \"w\": 8 GiB\n" + TEXTS + "```\n"));
    assertEquals(8 * Math.pow(2, 30) / 1e9, gib.stacks().get(0).segments().get(0).value(), 1e-12);
    assertEquals(64 * Math.pow(2, 30) / 1e9, gib.stacks().get(0).capacity(), 1e-12);
  }

  @Test
  void barMistakesAreLocated() throws IOException {
    String bars = "```plot m\nkind: bars\nx: Q 0 .. 100 GB\n";
    assertEquals(List.of("16:1 two bars of plot 'm' are labelled \"a\""), messages(verifyPage(bars
        + "bar \"a\":\nsegment \"w\": 1 GB\nbar \"a\":\nsegment \"w\": 1 GB\n" + TEXTS + "```\n")));
    assertEquals(List.of("16:1 bar \"a\" has two segments labelled \"w\""), messages(verifyPage(bars
        + "bar \"a\":\nsegment \"w\": 1 GB\nsegment \"w\": 2 GB\n" + TEXTS + "```\n")));
    assertEquals(List.of("15:13 only a bar claims it fits: bar \"one H100\" fits: gpus.h100_sxm.hbm_bytes"),
        messages(verifyPage(bars + "bar \"a\":\nsegment \"w\" fits: 1 GB\n" + TEXTS + "```\n")));
    assertEquals(List.of("14:10 unit mismatch: the capacity of bar \"a\" is in s but the x axis is in GB (B)"),
        messages(verifyPage(bars + "bar \"a\": 3 s\nsegment \"w\": 1 GB\n" + TEXTS + "```\n")));
    assertEquals(List.of("16:1 a plot of kind line has no 'bar'"), messages(verifyPage("```plot p\n" + AXES
        + "series \"a\": ridge_point(P_peak = 989.4 TFLOP/s)\nbar \"b\":\n" + TEXTS + "```\n")));
  }
}
