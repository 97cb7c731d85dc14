package org.llmsi.publisher.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.llmsi.publisher.GuidePublisher;
import org.llmsi.publisher.PublishRequest;
import org.llmsi.publisher.PublishResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Verifies the guide and publishes the site and its PDFs; exit 1 when anything failed. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Verify the guide, then build the site and PDFs into the output folder (all or nothing).")
public final class BuildCommand implements Callable<Integer> {
  static final int FAILED = 1;

  @Mixin
  GuideLocation location = new GuideLocation();

  @Option(names = {"-o", "--out"}, defaultValue = "out", description = "Output folder, replaced as a whole on success (default: ${DEFAULT-VALUE}).")
  java.nio.file.Path output;

  @Option(names = "--no-pdf", description = "Skip the PDFs.")
  boolean noPdf;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    var request = location.request(output, !noPdf, spec.commandLine().getErr());
    if (request == null) return 2;
    PublishResult result = new GuidePublisher().publish(request);
    for (String p : result.problems()) out.println(p);
    out.println(result.summary());
    out.flush();
    return result.ok() ? 0 : FAILED;
  }
}
