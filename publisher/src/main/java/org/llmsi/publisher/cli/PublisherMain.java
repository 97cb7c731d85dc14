package org.llmsi.publisher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code publisher build | serve}: the guide's site and PDFs, or a live preview of them. */
@Command(name = "publisher", mixinStandardHelpOptions = true,
    description = "Publishes the verified guide: static site, guide.pdf and formula-appendix.pdf.",
    subcommands = {BuildCommand.class, ServeCommand.class})
public final class PublisherMain implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    Quiet.jbakeAndOrientDb();
    System.exit(new CommandLine(new PublisherMain()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
