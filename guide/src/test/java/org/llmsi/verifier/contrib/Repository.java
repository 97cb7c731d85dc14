package org.llmsi.verifier.contrib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

  /** Copies the real guide, site-src/, to {@code to}: tests change the copy, never the guide. */
  static Path copyGuide(Path to) throws IOException {
    Path from = root().resolve("site-src");
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
    return to;
  }
}
