package org.llmsi.publisher.cli;

import java.nio.file.Path;
import org.llmsi.publisher.PublishRequest;
import org.llmsi.verifier.VerifyOptions;
import picocli.CommandLine.Option;

/** Where the guide's sources and templates are, and how hard to test them; shared by build and serve. */
final class GuideLocation {
  @Option(names = "--site-src", defaultValue = "site-src", description = "The guide's sources (default: ${DEFAULT-VALUE}).")
  Path siteSrc;

  @Option(names = "--templates", defaultValue = "templates", description = "Templates and assets (default: ${DEFAULT-VALUE}).")
  Path templates;

  @Option(names = "--tries", defaultValue = "1000", description = "Property-test inputs per formula (default: ${DEFAULT-VALUE}).")
  int tries;

  @Option(names = "--references", paramLabel = "CLASS#METHOD", defaultValue = VerifyOptions.GUIDE_CATALOG,
      description = "Reference catalog the formulas are tested against (default: the guide's).")
  String references;

  PublishRequest request(Path out, boolean pdfs) {
    return new PublishRequest(siteSrc, templates, out, pdfs, tries, references);
  }
}
