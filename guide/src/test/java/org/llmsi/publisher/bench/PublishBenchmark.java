package org.llmsi.publisher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jbake.app.Oven;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;
import org.jbake.parser.MarkdownEngine;
import org.llmsi.publisher.GuidePublisher;
import org.llmsi.publisher.PublishRequest;
import org.llmsi.publisher.PublishResult;
import org.llmsi.publisher.output.AtomicOutput;

/**
 * On-demand benchmark (not a test): full build vs a plain JBake bake of the same Markdown with no
 * checks, preview rebuild after editing one chapter, and the median page size.
 *
 * <p>The build is compared with the plain bake in two ways, each as the median of alternating
 * runs (this machine's speed drifts by a third from minute to minute):
 *
 * <ul>
 *   <li><b>one build per JVM</b>, what a reader waits for after typing the build command: each
 *       build in a fresh {@code java} process, timed from start to exit (class loading and the
 *       JIT included, as they are for JBake's own command line). Each program runs with JVM
 *       defaults and with the flags the build command passes ({@link #BUILD_JVM_FLAGS}), so the
 *       ratio is printed like for like and as each command runs;
 *   <li><b>warmed JVM</b>, the work a build does once its code is compiled: all sides in this
 *       JVM after {@value #WARMUP_PAIRS} warm-up pairs, with the share of CPU the JIT compiler
 *       still took printed beside it. Every full or site-only build starts from nothing, a new
 *       {@link GuidePublisher}, so no math or check result is carried over.
 * </ul>
 *
 * Only the preview reuses state, as {@code serve} does ({@link GuidePublisher#warm()}): typeset
 * math, property-test outcomes, and, since the edit changes only chapter text, the last site, of
 * which it re-renders the edited page and the appendix (every check still runs).
 *
 * <p>Times are wall time around the whole call. The build overlaps its stages on the machine's
 * cores (JBake's database start with verification, rendering with the property tests), so the
 * process's CPU time of the same runs is printed beside it: the ratio of wall times is what a
 * reader waits, the ratio of CPU times is the work done.
 *
 * <ul>
 *   <li>plain bake: JBake's own Markdown engine and a one-line template, the same content/; no
 *       verification, no math, no guide templates, no search index, no PDFs.
 *   <li>site only: verification (every formula's 1,000 property tries, examples, claims, prose
 *       figures), math typeset as SVG, the guide's templates, search index, self-containment
 *       check and the atomic swap; no PDFs.
 *   <li>site + PDFs: the same plus guide.pdf and formula-appendix.pdf (what {@code build} does).
 * </ul>
 *
 * Run from the reactor root:
 * {@code mvn -q -pl guide -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.llmsi.publisher.bench.PublishBenchmark} (or with java -cp).
 */
public final class PublishBenchmark {
  private static final int ROUNDS = 7;
  /** Paired runs of the plain bake and the site-only build in the warmed JVM. */
  private static final int PAIRS = 15;
  /** Rounds of the four one-build-per-JVM runs (two programs, two sets of JVM flags). */
  private static final int COLD_ROUNDS = 5;
  /**
   * The JVM flags the build command gives its JVM (guide/pom.xml, execution publish-guide);
   * {@code BuildCommandFlagsTest} holds the two to the same.
   */
  static final List<String> BUILD_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  /**
   * Pairs of builds before timing in the warmed JVM. Methods a build calls a few times each (once
   * per page, per example) reach the JIT's thresholds only after a hundred builds or more; after
   * ten pairs the JIT still took about half of all CPU, after two hundred 6 to 32 % (printed).
   * {@code -Dbench.warmup=N} sets fewer for a quick run (the warmed figures are then not comparable).
   */
  static final int WARMUP_PAIRS = Integer.getInteger("bench.warmup", 200);
  private static final java.lang.management.CompilationMXBean JIT = java.lang.management.ManagementFactory.getCompilationMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  public static void main(String[] args) throws Exception {
    if (args.length == 5 && args[0].equals(ONCE)) {
      once(args[1], Path.of(args[2]), Path.of(args[3]), Path.of(args[4]));
      return;
    }
    Path siteSrc = Path.of(args.length > 0 ? args[0] : "site-src");
    Path templates = Path.of(args.length > 1 ? args[1] : "templates");
    quietLogs();
    for (String name : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
      com.openhtmltopdf.util.XRLog.setLevel(name, java.util.logging.Level.WARNING);
    }
    // Beside the sources, where `build` writes out/: on this machine creating a file under /tmp
    // costs ten times what it costs on /work (300 files: about 120 ms against 9 ms), which would
    // weigh on the build's 300 math files and hardly on the plain bake's 15 pages.
    Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "publish-bench");
    try {
      PublishRequest full = PublishRequest.of(siteSrc, templates, work.resolve("full"));
      PublishRequest site = full.withoutPdfs().withOutput(work.resolve("site"));
      // One build per JVM first, while this one is idle.
      ColdRuns cold = coldRuns(siteSrc, templates, work);
      // Then warm this JVM: class loading and JIT are not what is compared here. No PDF is printed
      // before the site-only pairs and the preview are timed: after a few PDF builds in the same
      // JVM, later site builds ran slower (the preview's verification two to three times), and
      // neither `serve` nor a site-only build ever prints one.
      for (int i = 0; i < WARMUP_PAIRS; i++) {
        run(site);
        AtomicOutput.deleteTree(work.resolve("plain-warm"));
        plainBake(siteSrc, work.resolve("plain-warm"));
      }
      // The plain bake and the site-only build are timed in pairs, one right after the other (the
      // order alternating), and the ratio reported is the median of the pairs' ratios: this
      // machine's speed drifts by a third from minute to minute, and a baseline timed minutes
      // apart from what it is compared with moved the ratio by as much.
      // No collection is forced before a run: a full collection clears the JVM's soft caches
      // (reflection data, fonts, …) and shrinks the heap, and the next build pays to refill them
      // (measured: the site-only build took twice as long, 430 -> 880 ms, and twice the CPU).
      // Wall time is taken around the whole call, clean-up included; CPU time is the whole
      // process's (every thread, the JIT and the collector too), to show what overlap bought.
      long[] plainMs = new long[PAIRS];
      long[] plainCpu = new long[PAIRS];
      long[] plainJit = new long[PAIRS];
      long[] siteJit = new long[PAIRS];
      long[] siteMs = new long[PAIRS];
      long[] siteCpu = new long[PAIRS];
      double[] ratios = new double[PAIRS];
      double[] cpuRatios = new double[PAIRS];
      java.util.Map<String, long[]> siteStages = new java.util.LinkedHashMap<>();
      for (int i = 0; i < PAIRS; i++) {
        for (int half = 0; half < 2; half++) {
          boolean plainNow = (i + half) % 2 == 0;
          long c = OS.getProcessCpuTime();
          long j = JIT.getTotalCompilationTime();
          long t = System.nanoTime();
          if (plainNow) {
            plainBake(siteSrc, work.resolve("plain-" + i));
            plainMs[i] = (System.nanoTime() - t) / 1_000_000;
            plainCpu[i] = (OS.getProcessCpuTime() - c) / 1_000_000;
            plainJit[i] = JIT.getTotalCompilationTime() - j;
          } else {
            PublishResult r = run(site);
            siteMs[i] = (System.nanoTime() - t) / 1_000_000;
            siteCpu[i] = (OS.getProcessCpuTime() - c) / 1_000_000;
            siteJit[i] = JIT.getTotalCompilationTime() - j;
            for (var stage : r.stages().entrySet()) siteStages.computeIfAbsent(stage.getKey(), k -> new long[PAIRS])[i] = stage.getValue();
          }
        }
        ratios[i] = siteMs[i] / (double) plainMs[i];
        cpuRatios[i] = siteCpu[i] / (double) plainCpu[i];
      }
      // The preview before any PDF is printed: a `serve` session never prints one.
      long[] previewMs = previewEdits(siteSrc, templates, work);
      long[] fullMs = new long[3];
      run(full);
      for (int i = 0; i < fullMs.length; i++) {
        long t = System.nanoTime();
        run(full);
        fullMs[i] = (System.nanoTime() - t) / 1_000_000;
      }
      java.util.Map<String, Long> stageMedians = new java.util.LinkedHashMap<>();
      siteStages.forEach((stage, ms) -> stageMedians.put(stage, median(ms)));
      System.out.println("site-only build, median per stage (ms): " + stageMedians);
      System.out.printf(Locale.ROOT, "one build per JVM (a fresh `java` process each, start to exit, class loading and JIT"
          + " included; medians of %d rounds):%n", COLD_ROUNDS);
      for (Cold kind : Cold.values()) {
        System.out.printf(Locale.ROOT, "  %-68s median %5d ms (CPU %5d ms)%n", kind.label, median(cold.wall[kind.ordinal()]),
            median(cold.cpu[kind.ordinal()]));
      }
      cold.printRatio("site only / plain bake, both with the build command's JVM flags", Cold.SITE_FLAGS, Cold.PLAIN_FLAGS);
      cold.printRatio("site only / plain bake, both with JVM defaults", Cold.SITE_DEFAULTS, Cold.PLAIN_DEFAULTS);
      cold.printRatio("site only / plain bake, each as its command runs it", Cold.SITE_FLAGS, Cold.PLAIN_DEFAULTS);
      cold.printRatio("site and both PDFs / plain bake, each as its command runs it", Cold.FULL_FLAGS, Cold.PLAIN_DEFAULTS);
      System.out.printf(Locale.ROOT, "warmed JVM (after %d warm-up pairs):%n", WARMUP_PAIRS);
      System.out.printf(Locale.ROOT, "  plain JBake bake (no checks, no math, no PDFs): median %5d ms%n", median(plainMs));
      System.out.printf(Locale.ROOT, "  site only (verify, math, site, no PDFs):        median %5d ms  ratio to plain %.2f"
          + " (median of %d paired runs; quartiles %.2f-%.2f; target <= 1.5)%n",
          median(siteMs), median(ratios), PAIRS, quantile(ratios, 0.25), quantile(ratios, 0.75));
      System.out.printf(Locale.ROOT, "  CPU time of the same runs (%d cores): plain median %d ms, site only median %d ms, ratio %.2f%n",
          Runtime.getRuntime().availableProcessors(), median(plainCpu), median(siteCpu), median(cpuRatios));
      System.out.printf(Locale.ROOT, "  JIT compiler time still spent in those runs: plain %d%%, site only %d%% of their CPU time%n",
          Math.round(100.0 * sum(plainJit) / sum(plainCpu)), Math.round(100.0 * sum(siteJit) / sum(siteCpu)));
      System.out.printf(Locale.ROOT, "  site + 2 PDFs (what `build` does), warmed:      median %5d ms  ratio to plain %.2f%n",
          median(fullMs), median(fullMs) / (double) median(plainMs));
      System.out.printf(Locale.ROOT, "preview rebuild, one chapter edited:  median %5d ms  (target <= 250 ms)%n", median(previewMs));
      long[] sizes = pageSizes(work.resolve("full"), false);
      long[] gzipped = pageSizes(work.resolve("full"), true);
      long[] firstVisit = firstVisitSizes(work.resolve("full"));
      System.out.printf(Locale.ROOT, "median chapter page size: %.1f KB over %d chapters (target <= 50 KB); largest %.1f KB%n",
          median(sizes) / 1024.0, sizes.length, sizes[sizes.length - 1] / 1024.0);
      System.out.printf(Locale.ROOT, "  the same pages gzip-compressed (as a web server sends them): median %.1f KB; largest %.1f KB%n",
          median(gzipped) / 1024.0, gzipped[gzipped.length - 1] / 1024.0);
      System.out.printf(Locale.ROOT, "  a page with the math images it shows, nothing cached: median %.1f KB; largest %.1f KB"
          + " (all math images of the site: %.1f KB)%n", median(firstVisit) / 1024.0, firstVisit[firstVisit.length - 1] / 1024.0,
          folderSize(work.resolve("full/math")) / 1024.0);
    } finally {
      AtomicOutput.deleteTree(work);
    }
  }

  private static final String ONCE = "--once";

  /** The one-build-per-JVM runs: which program, with which JVM flags. */
  private enum Cold {
    PLAIN_DEFAULTS("plain JBake bake, JVM defaults (as JBake's `jbake` script runs it)", "plain", false),
    PLAIN_FLAGS("plain JBake bake, the build command's JVM flags", "plain", true),
    SITE_FLAGS("site only, the build command's JVM flags (as `mvn verify` runs it)", "site", true),
    SITE_DEFAULTS("site only, JVM defaults", "site", false),
    FULL_FLAGS("site and both PDFs, the build command's JVM flags (what `mvn verify` and `build` do)", "full", true);

    final String label;
    final String program;
    final boolean buildFlags;

    Cold(String label, String program, boolean buildFlags) {
      this.label = label;
      this.program = program;
      this.buildFlags = buildFlags;
    }
  }

  /** Wall and CPU milliseconds of each {@link Cold} kind, one per round. */
  private record ColdRuns(long[][] wall, long[][] cpu) {
    void printRatio(String what, Cold over, Cold under) {
      double[] ratios = new double[COLD_ROUNDS];
      for (int i = 0; i < COLD_ROUNDS; i++) ratios[i] = wall[over.ordinal()][i] / (double) wall[under.ordinal()][i];
      System.out.printf(Locale.ROOT, "  %-68s %.2f (rounds %.2f-%.2f; target <= 1.5)%n", what + ":", median(ratios),
          quantile(ratios, 0), quantile(ratios, 1));
    }
  }

  /**
   * Times {@link #COLD_ROUNDS} rounds of the plain bake and the site-only build, each with JVM
   * defaults and with the build command's flags, each run in a fresh JVM started with this one's
   * class path and timed from start to exit. The order of the four turns from round to round.
   */
  private static ColdRuns coldRuns(Path siteSrc, Path templates, Path work) throws IOException, InterruptedException {
    Cold[] kinds = Cold.values();
    ColdRuns runs = new ColdRuns(new long[kinds.length][COLD_ROUNDS], new long[kinds.length][COLD_ROUNDS]);
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int i = 0; i < COLD_ROUNDS; i++) {
      for (int k = 0; k < kinds.length; k++) {
        Cold kind = kinds[(i + k) % kinds.length];
        Path out = work.resolve("cold-" + kind.name().toLowerCase(Locale.ROOT) + "-" + i);
        List<String> command = new java.util.ArrayList<>(List.of(javaBin));
        if (kind.buildFlags) command.addAll(BUILD_JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PublishBenchmark.class.getName(), ONCE,
            kind.program, siteSrc.toString(), templates.toString(), out.toString()));
        long t = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        long wall = (System.nanoTime() - t) / 1_000_000;
        java.util.regex.Matcher cpu = java.util.regex.Pattern.compile("(?m)^cpu-ms=(\\d+)$").matcher(output);
        if (exit != 0 || !cpu.find()) throw new IllegalStateException(kind.label + " in its own JVM failed:\n" + output);
        runs.wall[kind.ordinal()][i] = wall;
        runs.cpu[kind.ordinal()][i] = Long.parseLong(cpu.group(1));
      }
    }
    return runs;
  }

  /** One build in this JVM, which then ends: prints the process's CPU time for {@link #coldRuns}. */
  private static void once(String kind, Path siteSrc, Path templates, Path out) throws Exception {
    quietLogs();
    if (kind.equals("plain")) plainBake(siteSrc, out);
    else if (kind.equals("full")) run(PublishRequest.of(siteSrc, templates, out));
    else run(PublishRequest.of(siteSrc, templates, out).withoutPdfs());
    System.out.println("cpu-ms=" + OS.getProcessCpuTime() / 1_000_000);
  }

  /** OrientDB's start-up lines; a child run prints no PDF, so it leaves openhtmltopdf's logs unloaded. */
  private static void quietLogs() {
    java.util.logging.Logger.getLogger("com.orientechnologies").setLevel(java.util.logging.Level.SEVERE);
  }

  private static long sum(long[] values) {
    return java.util.Arrays.stream(values).sum();
  }

  private static PublishResult run(PublishRequest request) {
    return run(new GuidePublisher(), request);
  }

  private static PublishResult run(GuidePublisher publisher, PublishRequest request) {
    PublishResult r = publisher.publish(request);
    if (!r.ok()) throw new IllegalStateException(String.join("\n", r.problems()));
    return r;
  }

  /** JBake's own Markdown engine and the same templates' job done by a minimal page template. */
  private static void plainBake(Path siteSrc, Path out) throws Exception {
    Path templates = Files.createDirectories(out.resolveSibling(out.getFileName() + "-templates"));
    Files.writeString(templates.resolve("page.ftl"), "<html><body>${content.body}</body></html>", StandardCharsets.UTF_8);
    Files.writeString(templates.resolve("index.ftl"), "<html><body>index</body></html>", StandardCharsets.UTF_8);
    Engines.register("md", new MarkdownEngine());
    DefaultJBakeConfiguration config = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(siteSrc.toFile(), out.toFile(), true);
    config.setTemplateFolder(templates.toFile());
    config.setDataFolder(out.resolveSibling("no-data").toFile());
    config.setAssetFolder(out.resolveSibling("no-assets").toFile());
    for (String k : List.of("render.feed", "render.archive", "render.tags", "render.sitemap")) config.setProperty(k, "false");
    Oven oven = new Oven(config);
    oven.bake();
  }

  /** Copies the guide, then times the preview build after each of a few edits to one chapter. */
  private static long[] previewEdits(Path siteSrc, Path templates, Path work) throws IOException {
    Path copy = work.resolve("preview-src");
    try (Stream<Path> walk = Files.walk(siteSrc)) {
      for (Path p : walk.sorted().toList()) {
        Path t = copy.resolve(siteSrc.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
    Path chapter;
    try (Stream<Path> list = Files.list(copy.resolve("content"))) {
      chapter = list.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
    }
    PublishRequest preview = PublishRequest.of(copy, templates, work.resolve("preview")).withoutPdfs();
    GuidePublisher serve = GuidePublisher.warm(); // one per `serve` session, as LivePreview keeps it
    run(serve, preview);
    System.gc();
    long[] ms = new long[ROUNDS];
    java.util.Map<String, long[]> stages = new java.util.LinkedHashMap<>();
    for (int i = 0; i < ROUNDS; i++) {
      Files.writeString(chapter, Files.readString(chapter, StandardCharsets.UTF_8) + "\nAn edit, version " + (char) ('a' + i) + ".\n",
          StandardCharsets.UTF_8);
      long t = System.nanoTime();
      PublishResult r = run(serve, preview);
      ms[i] = (System.nanoTime() - t) / 1_000_000;
      for (var stage : r.stages().entrySet()) stages.computeIfAbsent(stage.getKey(), k -> new long[ROUNDS])[i] = stage.getValue();
    }
    java.util.Map<String, Long> medians = new java.util.LinkedHashMap<>();
    stages.forEach((stage, v) -> medians.put(stage, median(v)));
    System.out.println("preview rebuild, median per stage (ms): " + medians);
    return ms;
  }

  /**
   * A chapter's page ({@code 02-roofline.html}): what the target is about. Not the home page, the
   * appendix, the card or a chapter's verification record ({@code 02-roofline-record.html}), which
   * would pull the median down.
   */
  private static boolean chapterPage(Path p) {
    String name = p.getFileName().toString();
    return name.matches("\\d+-.*\\.html") && !name.endsWith("-record.html");
  }

  private static long[] pageSizes(Path site, boolean gzip) throws IOException {
    try (Stream<Path> walk = Files.walk(site)) {
      return walk.filter(PublishBenchmark::chapterPage).mapToLong(p -> {
        try {
          if (!gzip) return Files.size(p);
          java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
          try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(bytes)) {
            z.write(Files.readAllBytes(p));
          }
          return bytes.size();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).sorted().toArray();
    }
  }

  /** Each page's bytes plus those of the distinct math files it refers to: what a first visit downloads. */
  private static long[] firstVisitSizes(Path site) throws IOException {
    java.util.regex.Pattern ref = java.util.regex.Pattern.compile("src=\"(math/[0-9a-f]+\\.svg)\"");
    try (Stream<Path> walk = Files.walk(site)) {
      return walk.filter(PublishBenchmark::chapterPage).mapToLong(p -> {
        try {
          String html = Files.readString(p, StandardCharsets.UTF_8);
          java.util.Set<String> files = new java.util.HashSet<>();
          java.util.regex.Matcher m = ref.matcher(html);
          while (m.find()) files.add(m.group(1));
          long total = html.getBytes(StandardCharsets.UTF_8).length;
          for (String f : files) total += Files.size(site.resolve(f));
          return total;
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).sorted().toArray();
    }
  }

  private static long folderSize(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) return 0;
    try (Stream<Path> list = Files.list(folder)) {
      return list.mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static double median(double[] values) {
    return quantile(values, 0.5);
  }

  /** The q-quantile, interpolating between the two nearest values. */
  private static double quantile(double[] values, double q) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    double at = q * (v.length - 1);
    int lo = (int) Math.floor(at);
    int hi = (int) Math.ceil(at);
    return v[lo] + (v[hi] - v[lo]) * (at - lo);
  }

  private static long median(long[] values) {
    long[] v = values.clone();
    java.util.Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
