package org.llmsi.verifier.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import com.vladsch.flexmark.parser.Parser;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;

/**
 * Prints how long verification takes, on demand (not a timed test): the whole guide and the
 * bad-input corpus, each against a baseline measured in the same run, a plain flexmark parse of
 * the same Markdown with no checks. Run from the repository root after {@code mvn -DskipTests package}:
 * {@code java -cp publisher/target/guide.jar:verifier/target/test-classes:guide/target/test-classes org.llmsi.verifier.bench.VerifyBenchmark}.
 */
public final class VerifyBenchmark {
  private static final int WARMUP = 5;
  private static final int RUNS = 15;

  private VerifyBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    Path site = root.resolve("site-src");
    Path corpus = root.resolve("verifier/src/test/resources/corpus");

    double guideBaseline = median(() -> parseAll(site.resolve("content")));
    VerificationResult[] last = new VerificationResult[1];
    double guide = median(() -> last[0] = new Verifier(VerifyOptions.of(site)).verify());
    System.out.println("guide:  " + last[0].summary().line(false));
    report("guide verification", guide, guideBaseline);

    List<Path> fixtures = new ArrayList<>();
    try (Stream<Path> list = Files.list(corpus)) {
      list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("_")).sorted().forEach(fixtures::add);
    }
    double corpusBaseline = median(() -> fixtures.forEach(f -> parseAll(f.resolve("content"))));
    double corpusTime = median(() -> fixtures.forEach(f -> {
      String catalog = "org.llmsi.verifier.corpus.CorpusCatalogs#ridge";
      Path args2 = f.resolve("args");
      try {
        if (Files.exists(args2)) catalog = Files.readString(args2).strip().replace("--references=", "");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      VerifyOptions o = VerifyOptions.of(f).withCatalog(catalog).withTries(200);
      if (!Files.isDirectory(f.resolve("data"))) o = o.withDataDir(corpus.resolve("_data"));
      new Verifier(o).verify();
    }));
    System.out.printf(Locale.ROOT, "corpus: %d fixtures%n", fixtures.size());
    report("corpus verification", corpusTime, corpusBaseline);
  }

  private static void report(String what, double millis, double baseline) {
    System.out.printf(Locale.ROOT, "%-22s median %8.1f ms   baseline (flexmark parse only) %6.2f ms   ratio %6.1fx%n",
        what, millis, baseline, millis / baseline);
  }

  private static void parseAll(Path content) {
    Parser parser = Parser.builder().build();
    try (Stream<Path> walk = Files.walk(content)) {
      for (Path p : walk.filter(x -> x.toString().endsWith(".md")).toList()) {
        parser.parse(Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double median(Runnable task) {
    for (int i = 0; i < WARMUP; i++) task.run();
    double[] times = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      task.run();
      times[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(times);
    return times[RUNS / 2];
  }
}
