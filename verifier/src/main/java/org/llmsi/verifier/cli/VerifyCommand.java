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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code verify}: checks every formula and example of a guide and reports what is wrong, where. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check every formula, worked example and prose figure of the guide; write nothing.",
      "Formulas: syntax, symbols, units, and agreement with the Java reference over random inputs;",
      "examples: every claim re-computed; prose: every figure against the value it names.",
      "Exit status: 0 verified, 1 verification errors, 2 usage error, 3 internal error."
    })
public final class VerifyCommand implements Callable<Integer> {
  /** Exit status when any check failed. */
  public static final int FAILED = 1;

  @Spec CommandSpec spec;

  @Mixin GuideSource source = new GuideSource();

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|github",
      description = "text for people; github for workflow annotations on pull requests.")
  String format;

  @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: SITE/data).")
  Path data;

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

  /**
   * Runs {@code verify} with these arguments and streams (for tests and tools; people run it as
   * {@code guide verify}); returns the exit status.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return configure(new picocli.CommandLine(new VerifyCommand()), out, err).execute(args);
  }

  /**
   * Gives a command line its streams and the one rule for bugs of ours: a contributor never sees a
   * stack trace, but one line and exit status 3.
   */
  public static picocli.CommandLine configure(picocli.CommandLine cli, PrintWriter out, PrintWriter err) {
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      err.println("internal error: " + e + " (please report it with the command you ran)");
      return 3;
    });
    return cli;
  }

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
    VerifyOptions options = source.options(spec.commandLine().getErr());
    if (options == null) return 2;
    if (data != null) options = options.withDataDir(data);
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
