package org.llmsi.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.llmsi.verifier.check.GuideChecker;
import org.llmsi.verifier.check.ReferenceCatalog;
import org.llmsi.verifier.data.DataSets;
import org.llmsi.verifier.data.Glossary;
import org.llmsi.verifier.data.QuickReferenceFile;
import org.llmsi.verifier.model.QuickReference;
import org.llmsi.verifier.model.VerifiedGuide;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.report.Location;
import org.llmsi.verifier.source.Page;
import org.llmsi.verifier.source.PageReader;
import org.llmsi.verifier.source.ParsedPages.Read;
import org.llmsi.verifier.source.SourceFile;

/**
 * Verifies a guide: reads its data and chapters, checks every formula and example, and returns all
 * diagnostics at once (never only the first), plus the verified guide when there were none.
 */
public final class Verifier {
  private final VerifyOptions options;

  public Verifier(VerifyOptions options) {
    this.options = options;
  }

  /**
   * Runs every check: reads the glossary, the data and the chapters, then checks formulas (their
   * property tests on all cores), examples, links and prose.
   *
   * @throws IllegalArgumentException when the reference catalog cannot be loaded (a usage error)
   */
  public VerificationResult verify() {
    long start = System.nanoTime();
    Diagnostics errors = new Diagnostics();
    ReferenceCatalog catalog = ReferenceCatalog.load(options.catalog());
    Glossary glossary = readGlossary(errors);
    DataSets data = readDataSets(errors);
    List<Page> pages = readPages(errors);

    GuideChecker checker = new GuideChecker(glossary, data, catalog, options.tries(), options.seed(),
        options.propertyResults(), this::referenceLocation, errors);
    GuideChecker.Outcome outcome = checker.check(pages);
    // The card names formulas and examples; until they all verify, it would only repeat their errors.
    QuickReference card = errors.isEmpty() ? readCard(outcome, data, errors) : null;
    List<Diagnostic> found = errors.sorted();
    long millis = (System.nanoTime() - start) / 1_000_000;
    GuideChecker.Prose prose = outcome.prose();
    Summary summary = new Summary(pages.size(), outcome.formulaBlocks(), outcome.tries(),
        outcome.exampleBlocks(), outcome.claims(), prose.figures(), prose.relations(), prose.notation(),
        outcome.proseSkipped(), found.size(), millis);
    Optional<VerifiedGuide> guide = errors.isEmpty()
        ? Optional.of(new VerifiedGuide(pages, glossary, data, outcome.formulas(), outcome.examples(), prose.typeset(), card,
            outcome.plots()))
        : Optional.empty();
    return new VerificationResult(found, summary, guide, prose);
  }

  private Path shown(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path base = options.displayBase().toAbsolutePath().normalize();
    return abs.startsWith(base) ? base.relativize(abs) : abs;
  }

  /** The glossary: data/symbols.yaml and any data/symbols/*.yaml, in name order. */
  private Glossary readGlossary(Diagnostics errors) {
    List<Path[]> files = new ArrayList<>();
    Path single = options.dataDir().resolve("symbols.yaml");
    if (Files.isRegularFile(single)) files.add(new Path[] {single, shown(single)});
    Path folder = options.dataDir().resolve("symbols");
    if (Files.isDirectory(folder)) {
      try (Stream<Path> list = Files.list(folder)) {
        list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted()
            .forEach(p -> files.add(new Path[] {p, shown(p)}));
      } catch (IOException e) {
        errors.add(Diagnostic.of(Kind.IO, Location.file(shown(folder)), "cannot list glossary files: " + e.getMessage()));
      }
    }
    if (files.isEmpty()) {
      errors.add(Diagnostic.of(Kind.IO, Location.file(shown(single)),
          "the glossary is missing: declare symbols in data/symbols.yaml or data/symbols/*.yaml"));
      return Glossary.empty();
    }
    return Glossary.read(files, errors);
  }

  /** The quick-reference card ({@code quick-reference.yaml}), or null when the guide defines none. */
  private QuickReference readCard(GuideChecker.Outcome outcome, DataSets data, Diagnostics errors) {
    Path file = options.siteRoot().resolve(QuickReference.FILE);
    if (!Files.isRegularFile(file)) return null;
    return QuickReferenceFile.read(file, shown(file), outcome.formulas(), outcome.examples(), data, errors);
  }

  private DataSets readDataSets(Diagnostics errors) {
    Map<String, Path[]> files = new TreeMap<>();
    if (Files.isDirectory(options.dataDir())) {
      try (Stream<Path> list = Files.list(options.dataDir())) {
        list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
            .filter(p -> !p.getFileName().toString().equals("symbols.yaml"))
            .sorted()
            .forEach(p -> files.put(p.getFileName().toString().replaceFirst("\\.yaml$", ""),
                new Path[] {p, shown(p)}));
      } catch (IOException e) {
        errors.add(Diagnostic.of(Kind.IO, Location.file(shown(options.dataDir())), "cannot list data files: " + e.getMessage()));
      }
    }
    return DataSets.read(files, errors);
  }

  private List<Page> readPages(Diagnostics errors) {
    Path content = options.contentDir();
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(content)) {
      errors.add(Diagnostic.of(Kind.IO, Location.file(shown(content)), "no content/ folder with chapters"));
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(content)) {
      walk.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
    } catch (IOException e) {
      errors.add(Diagnostic.of(Kind.IO, Location.file(shown(content)), "cannot list chapters: " + e.getMessage()));
    }
    // Each file is read and parsed on its own (on every core); their diagnostics join in file order.
    List<Read> reads = files.parallelStream().map(file -> {
      Diagnostics own = new Diagnostics();
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        java.util.function.Supplier<Read> parse =
            () -> new Read(new PageReader().read(SourceFile.of(file, shown(file), text.replace("\r\n", "\n")), own), own);
        return options.parsedPages() == null ? parse.get() : options.parsedPages().read(file, shown(file), text, parse);
      } catch (IOException e) {
        own.add(Diagnostic.of(Kind.IO, Location.file(shown(file)), "cannot read: " + e));
        return new Read(null, own);
      }
    }).toList();
    List<Page> pages = new ArrayList<>();
    Map<String, Page> byOrder = new HashMap<>();
    for (Read read : reads) {
      errors.addAll(read.errors());
      if (read.page() == null) continue;
      Page page = read.page();
      String order = page.header().get("order");
      Page clash = order == null || !order.matches("\\d+") ? null : byOrder.putIfAbsent(order, page);
      if (clash != null) {
        errors.add(Diagnostic.of(Kind.DUPLICATE, page.file().location(
                Math.max(0, page.file().text().indexOf("order=")), "order=".length() + page.header().get("order").length()),
            "duplicate order=" + page.header().get("order") + ": " + clash.file() + " has the same place in the book"));
      }
      pages.add(page);
    }
    pages.sort((a, b) -> {
      int c = Integer.compare(order(a), order(b));
      return c != 0 ? c : a.file().shownPath().compareTo(b.file().shownPath());
    });
    return pages;
  }

  private static int order(Page p) {
    try {
      return Integer.parseInt(p.header().get("order"));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  /**
   * Where a reference method is written, for "reference without a formula": its line in
   * formulas/src/main/java when the sources sit beside the guide, else its class name.
   */
  private Location referenceLocation(ReferenceCatalog.BoundReference ref) {
    Class<?> owner = ref.method().getDeclaringClass();
    Path root = options.siteRoot().toAbsolutePath().normalize().getParent();
    if (root != null) {
      for (String module : List.of("formulas/src/main/java", "formulas/src/test/java", "verifier/src/test/java")) {
        Path src = root.resolve(module).resolve(owner.getName().replace('.', '/') + ".java");
        if (Files.isRegularFile(src)) {
          try {
            List<String> lines = Files.readAllLines(src, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
              int col = lines.get(i).indexOf("\"" + ref.id() + "\"");
              if (col >= 0) return new Location(shown(src), i + 1, col + 1, ref.id().length() + 2);
            }
          } catch (IOException e) {
            // Fall through to the class name: the location is a convenience.
          }
        }
      }
    }
    return Location.file(Path.of(owner.getName().replace('.', '/') + ".java"));
  }
}
