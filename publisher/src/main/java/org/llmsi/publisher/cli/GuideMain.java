package org.llmsi.publisher.cli;

import java.io.PrintWriter;
import org.llmsi.verifier.cli.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The guide's one command-line tool: {@code guide verify | build | serve}. */
@Command(name = "guide", mixinStandardHelpOptions = true, version = "guide 0.1",
    description = "Verifies the LLM System Interview guide, publishes it as a static site and PDFs, or previews it.",
    subcommands = {VerifyCommand.class, BuildCommand.class, ServeCommand.class},
    footerHeading = "%nExit status:%n",
    footer = {"  0  verified (and, for build, published)", "  1  verification errors, or a build that failed",
        "  2  usage error", "  3  internal error: a bug of ours, please report it with the command you ran"})
public final class GuideMain implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    Quiet.jbakeAndOrientDb();
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the tool with these streams; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return VerifyCommand.configure(new CommandLine(new GuideMain()), out, err).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
