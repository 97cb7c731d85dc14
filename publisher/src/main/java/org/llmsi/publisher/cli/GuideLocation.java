package org.llmsi.publisher.cli;

import java.nio.file.Path;
import org.llmsi.publisher.GuideVersion;
import org.llmsi.publisher.PublishRequest;
import org.llmsi.verifier.cli.GuideSource;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which guide (the options {@code verify} shares) and which templates; shared by build and serve. */
final class GuideLocation {
  @Mixin
  GuideSource source = new GuideSource();

  @Option(names = "--templates", defaultValue = "templates", description = "Templates and assets (default: ${DEFAULT-VALUE}).")
  Path templates;

  /** The build asked for, or null after printing why an option is out of range. */
  PublishRequest request(Path out, boolean pdfs, java.io.PrintWriter err) {
    if (source.options(err) == null) return null;
    return new PublishRequest(source.site, templates, out, pdfs, source.tries, source.references,
        GuideVersion.of(source.site));
  }
}
