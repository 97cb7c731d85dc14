package org.llmsi.verifier;

import java.nio.file.Path;
import org.llmsi.verifier.check.PropertyResults;
import org.llmsi.verifier.source.ParsedPages;

/**
 * What to verify and how.
 *
 * @param siteRoot the guide's source folder (holds {@code content/} and {@code data/})
 * @param dataDir where {@code symbols.yaml} and the data sets live
 * @param displayBase paths in diagnostics are shown relative to this folder
 * @param catalog the reference catalog, {@code Class#method}
 * @param tries property-test inputs per formula
 * @param seed the property tests' seed
 * @param propertyResults outcomes of earlier runs in this process to reuse, or null to run every
 *     property test (the default)
 * @param parsedPages chapters parsed by earlier runs in this process to reuse, or null to parse
 *     every chapter (the default)
 */
public record VerifyOptions(Path siteRoot, Path dataDir, Path displayBase, String catalog, int tries, long seed,
    PropertyResults propertyResults, ParsedPages parsedPages) {
  /** The reference catalog of the published guide. */
  public static final String GUIDE_CATALOG = "org.llmsi.formulas.Catalog#guide";
  /** Fixed so CI is reproducible; override with {@code --seed} to explore. */
  public static final long DEFAULT_SEED = 20261128L;
  public static final int DEFAULT_TRIES = 1000;

  /** The defaults for a guide at {@code siteRoot}, shown relative to the working directory. */
  public static VerifyOptions of(Path siteRoot) {
    return new VerifyOptions(siteRoot, siteRoot.resolve("data"), Path.of("").toAbsolutePath(),
        GUIDE_CATALOG, DEFAULT_TRIES, DEFAULT_SEED, null, null);
  }

  public Path contentDir() {
    return siteRoot.resolve("content");
  }

  /** Reuses, and adds to, the property-test outcomes of earlier verifications in this process. */
  public VerifyOptions withPropertyResults(PropertyResults results) {
    return new VerifyOptions(siteRoot, dataDir, displayBase, catalog, tries, seed, results, parsedPages);
  }

  /** Reuses, and adds to, the chapters parsed by earlier verifications in this process. */
  public VerifyOptions withParsedPages(ParsedPages pages) {
    return new VerifyOptions(siteRoot, dataDir, displayBase, catalog, tries, seed, propertyResults, pages);
  }

  public VerifyOptions withDataDir(Path dir) {
    return new VerifyOptions(siteRoot, dir, displayBase, catalog, tries, seed, propertyResults, parsedPages);
  }

  public VerifyOptions withDisplayBase(Path base) {
    return new VerifyOptions(siteRoot, dataDir, base, catalog, tries, seed, propertyResults, parsedPages);
  }

  public VerifyOptions withCatalog(String spec) {
    return new VerifyOptions(siteRoot, dataDir, displayBase, spec, tries, seed, propertyResults, parsedPages);
  }

  public VerifyOptions withTries(int n) {
    return new VerifyOptions(siteRoot, dataDir, displayBase, catalog, n, seed, propertyResults, parsedPages);
  }

  public VerifyOptions withSeed(long s) {
    return new VerifyOptions(siteRoot, dataDir, displayBase, catalog, tries, s, propertyResults, parsedPages);
  }
}
