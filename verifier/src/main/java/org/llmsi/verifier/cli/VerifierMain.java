package org.llmsi.verifier.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The verifier's command line: {@code java -jar verifier.jar verify [SITE]}. */
@Command(
    name = "llmsi",
    mixinStandardHelpOptions = true,
    version = "llmsi verifier 0.1",
    subcommands = {VerifyCommand.class},
    description = "Verifies the LLM System Interview guide.")
public final class VerifierMain {

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new VerifierMain());
    cli.setOut(out);
    cli.setErr(err);
    // A bug of ours must still not show a stack trace to a contributor: one line, and a distinct status.
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      err.println("internal error: " + e + " (please report it with the command you ran)");
      return 3;
    });
    return cli.execute(args);
  }
}
