package org.llmsi.verifier.cli;

import java.nio.file.Path;
import org.llmsi.verifier.VerifyOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options every command of {@code guide} shares: which guide, and how hard its formulas are
 * tested. A mixin, so {@code verify}, {@code build} and {@code serve} declare them once.
 */
public final class GuideSource {
  @Parameters(index = "0", arity = "0..1", defaultValue = "site-src", paramLabel = "SITE",
      description = "The guide's source folder, holding content/ and data/ (default: ${DEFAULT-VALUE}).")
  public Path site;

  @Option(names = "--references", paramLabel = "CLASS#METHOD", defaultValue = VerifyOptions.GUIDE_CATALOG,
      description = "Catalog of reference topics the formulas are tested against (default: the guide's).")
  public String references;

  @Option(names = "--seed", paramLabel = "N", description = "Property-test seed (default: fixed, " + VerifyOptions.DEFAULT_SEED + ").")
  public Long seed;

  @Option(names = "--tries", paramLabel = "N", defaultValue = "" + VerifyOptions.DEFAULT_TRIES,
      description = "Random inputs per formula (default: ${DEFAULT-VALUE}).")
  public int tries;

  /** The verifier's options for this guide; null after printing why, when an option is out of range. */
  public VerifyOptions options(java.io.PrintWriter err) {
    if (tries < 1) {
      err.println("error: --tries must be at least 1");
      return null;
    }
    VerifyOptions options = VerifyOptions.of(site).withCatalog(references).withTries(tries);
    return seed == null ? options : options.withSeed(seed);
  }
}
