package org.llmsi.verifier.contrib;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: the reactor root, found from the module folder Maven runs tests in. */
final class Repository {
  private Repository() {}

  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("site-src")) && Files.isRegularFile(p.resolve("pom.xml"))) return p;
    }
    throw new IllegalStateException("no site-src/ above " + dir);
  }
}
