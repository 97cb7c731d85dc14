package org.llmsi.publisher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.llmsi.publisher.fixtures.FixtureCatalogs;

/** Paths of the fixture guides and the golden-file switch ({@code -Dgolden.update=true}). */
final class Fixtures {
  static final Path ROOT = Path.of("src/test/resources/fixtures");
  static final Path TEMPLATES = Path.of("../templates");
  static final boolean UPDATE_GOLDEN = Boolean.getBoolean("golden.update");

  private Fixtures() {}

  static Path siteSrc(String fixture) {
    return ROOT.resolve(fixture).resolve("site-src");
  }

  /** A copy of a fixture's site-src/ at {@code target}, for tests that edit the guide. */
  static Path copyOfSiteSrc(String fixture, Path target) throws IOException {
    Path from = siteSrc(fixture);
    Files.createDirectories(target);
    try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path to = target.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else Files.copy(p, to);
      }
    }
    return target;
  }

  /**
   * The basic guide with one edit, written to {@code target/fixtures/<name>/site-src} (a stable path,
   * so located errors read the same on every run): a failing fixture is the base fixture plus the
   * one change it is about, not a copy of it.
   *
   * @param file the file to edit, relative to site-src/
   * @param from text that occurs exactly once in it
   */
  static Path basicWith(String name, String file, String from, String to) throws IOException {
    Path dir = Path.of("target", "fixtures", name, "site-src");
    if (Files.exists(dir)) org.llmsi.publisher.output.AtomicOutput.deleteTree(dir);
    copyOfSiteSrc("basic", dir);
    Path edited = dir.resolve(file);
    String text = Files.readString(edited, StandardCharsets.UTF_8);
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new AssertionError(file + " must hold '" + from + "' exactly once");
    Files.writeString(edited, text.replace(from, to), StandardCharsets.UTF_8);
    return dir;
  }

  /** A fixture's build with few property tries: the fixtures test publishing, not the formulas. */
  static PublishRequest request(String fixture, Path out, boolean pdfs) {
    return request(siteSrc(fixture), out, pdfs);
  }

  /** The fixtures are built as of one made-up commit, so their pages do not change with each real one. */
  static final GuideVersion VERSION = new GuideVersion("0123456789ab", "2026-01-02");

  static PublishRequest request(Path siteSrc, Path out, boolean pdfs) {
    return new PublishRequest(siteSrc, TEMPLATES, out, pdfs, 50, FixtureCatalogs.BASIC, VERSION);
  }

  /**
   * Compares {@code actual} with the golden file, or rewrites the golden file when updating.
   *
   * @return the expected text (equal to actual when updating)
   */
  static String golden(String fixture, String name, String actual) throws IOException {
    Path file = ROOT.resolve(fixture).resolve("expected").resolve(name);
    if (UPDATE_GOLDEN || !Files.exists(file)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      if (!UPDATE_GOLDEN) throw new AssertionError("golden file " + file + " was missing and has been written; review and commit it");
      return actual;
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
