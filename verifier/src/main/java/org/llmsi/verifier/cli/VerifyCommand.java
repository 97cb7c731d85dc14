package org.llmsi.verifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.llmsi.verifier.fix.ClaimFixer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.DiagnosticPrinter;
import org.llmsi.verifier.report.DiagnosticPrinter.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code verify}: checks every formula and example of a guide and reports what is wrong, where. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Checks every formula and worked example of the guide: syntax, symbols, units, agreement",
      "with the Java reference over random inputs, and every stated number.",
      "Exit status: 0 verified, 1 verification errors, 2 usage error."
    })
public final class VerifyCommand implements Callable<Integer> {
  /** Exit status when any check failed. */
  public static final int FAILED = 1;

  @Spec CommandSpec spec;

  @Parameters(index = "0", defaultValue = "site-src", paramLabel = "SITE",
      description = "The guide's source folder, holding content/ and data/ (default: ${DEFAULT-VALUE}).")
  Path site;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|github",
      description = "text for people; github for workflow annotations on pull requests.")
  String format;

  @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: SITE/data).")
  Path data;

  @Option(names = "--references", paramLabel = "CLASS#METHOD", defaultValue = VerifyOptions.GUIDE_CATALOG,
      description = "Catalog of reference topics (default: ${DEFAULT-VALUE}).")
  String references;

  @Option(names = "--seed", paramLabel = "N", description = "Property-test seed (default: fixed, " + VerifyOptions.DEFAULT_SEED + ").")
  Long seed;

  @Option(names = "--tries", paramLabel = "N", description = "Random inputs per formula (default: " + VerifyOptions.DEFAULT_TRIES + ").")
  Integer tries;

  @Option(names = "--relative-to", paramLabel = "DIR", description = "Show paths relative to DIR (default: the working folder).")
  Path relativeTo;

  @Option(names = "--no-timing", description = "Leave the time out of the summary (for golden files).")
  boolean noTiming;

  @Option(names = "--fix", description = {
      "Rewrite wrong claims and figures in place with their computed values, and write in the {name} of",
      "an unbound figure that exactly one value reads as; then verify again.",
      "Review the change with git diff. Other errors are left for you."})
  boolean fix;

  @Option(names = "--only", paramLabel = "FILE", description = {
      "Report (and --fix) only the diagnostics of this chapter file, as shown in diagnostics; the exit",
      "status then counts only those. For working on one chapter: CI verifies without it."})
  List<Path> only = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Format fmt;
    try {
      fmt = Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: --format must be text or github, got '" + format + "'");
      return 2;
    }
    VerifyOptions options = VerifyOptions.of(site).withCatalog(references);
    if (data != null) options = options.withDataDir(data);
    if (seed != null) options = options.withSeed(seed);
    if (tries != null) {
      if (tries < 1) {
        spec.commandLine().getErr().println("error: --tries must be at least 1");
        return 2;
      }
      options = options.withTries(tries);
    }
    if (relativeTo != null) options = options.withDisplayBase(relativeTo.toAbsolutePath());
    VerificationResult result;
    try {
      result = new Verifier(options).verify();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
    if (fix && !result.ok()) {
      try {
        Map<Path, Integer> fixed = new ClaimFixer(options.displayBase()).apply(selected(result.diagnostics()));
        for (Map.Entry<Path, Integer> f : fixed.entrySet()) {
          out.println("fixed " + f.getValue() + (f.getValue() == 1 ? " line in " : " lines in ")
              + f.getKey().toString().replace('\\', '/'));
        }
        if (!fixed.isEmpty()) result = new Verifier(options).verify();
      } catch (IOException e) {
        spec.commandLine().getErr().println("error: cannot rewrite claims: " + e.getMessage());
        return 2;
      }
    }
    DiagnosticPrinter printer = new DiagnosticPrinter(fmt, options.displayBase());
    List<Diagnostic> shown = selected(result.diagnostics());
    for (Diagnostic d : shown) {
      out.print(printer.print(d));
      if (fmt == Format.TEXT) out.println();
    }
    out.println(result.summary().line(!noTiming));
    if (!only.isEmpty()) out.println(shown.size() + " of these in " + only.stream().map(Path::toString).toList());
    out.flush();
    return shown.isEmpty() ? 0 : FAILED;
  }

  private List<Diagnostic> selected(List<Diagnostic> all) {
    if (only.isEmpty()) return all;
    return all.stream().filter(d -> only.stream().anyMatch(f -> d.location().file().normalize().equals(f.normalize()))).toList();
  }
}
