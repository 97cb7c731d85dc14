package org.llmsi.publisher.bake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.jbake.app.Oven;
import org.llmsi.publisher.output.SitePages;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;
import org.llmsi.publisher.appendix.FormulaAppendix;
import org.llmsi.publisher.appendix.QuickReferenceCard;
import org.llmsi.publisher.markdown.ChapterRenderer;
import org.llmsi.publisher.markdown.GuideBlocksExtension;

/**
 * Bakes the verified guide with JBake's {@link Oven}: chapters through {@link GuideMarkdownEngine},
 * pages through the FreeMarker templates in {@code templates/}, assets from
 * {@code templates/assets/}, plus the generated formula appendix page.
 *
 * <p>JBake reads a staged copy of {@code content/} (the chapters as verified, and the generated
 * appendix) so that nothing is ever written into the guide's sources; the engine renders each
 * chapter from the document the verifier parsed, whatever the staged file says.
 */
public final class SiteBaker {
  /** The page a static host (GitHub Pages, Netlify, …) shows for an address the site does not have. */
  public static final String NOT_FOUND_PAGE = "404.html";

  static {
    // JBake's database lives in memory for one bake and holds no secret, yet OrientDB hashes the
    // passwords of its default users with 65,536 PBKDF2 rounds each (without the JIT's SHA
    // intrinsics under the build's C1-only flags): 0.4 s of a 4.4 s site build, measured
    // 2026-12-03 (three alternating runs each). A setting given on the command line wins.
    if (System.getProperty("security.userPasswordSaltIterations") == null) {
      System.setProperty("security.userPasswordSaltIterations", "1");
    }
  }

  private final SiteSettings settings;

  public SiteBaker(SiteSettings settings) {
    this.settings = settings;
  }

  /**
   * Bakes the site into {@code destination} and reads back every page it wrote.
   *
   * @param withPdfs whether the pages may link to the PDFs (the live preview does not print them)
   * @param stage a scratch folder for the staged content
   * @param destination where the site goes; must be empty or absent
   * @param card the quick-reference card, or null when the guide defines none
   * @throws BakeFailure when jbake.properties cannot be read, JBake reports errors, drops a page, or a
   *     block cannot be rendered
   */
  public SitePages bake(boolean withPdfs, Path stage, Path destination, Book book, ChapterRenderer renderer,
      FormulaAppendix appendix, QuickReferenceCard card) throws BakeFailure, IOException {
    Path content = Files.createDirectories(stage.resolve("content"));
    DefaultJBakeConfiguration config;
    try {
      config = new JBakeConfigurationFactory()
          .createDefaultJbakeConfiguration(settings.siteSrc().toFile(), destination.toFile(), true);
    } catch (RuntimeException e) {
      throw new BakeFailure(List.of(settings.siteSrc().resolve("jbake.properties") + ": error: " + e.getMessage()));
    }
    config.setContentFolder(content.toFile());
    config.setTemplateFolder(settings.templates().toFile());
    // JBake copies its asset folder into the site root; the guide keeps them under assets/.
    config.setAssetFolder(stage.resolve("no-assets").toFile());
    config.setDataFolder(stage.resolve("no-data").toFile()); // site-src/data is the verifier's, not JBake's
    config.setDatabaseStore("memory");
    // setProperty overrides jbake.properties and JBake's defaults (addConfiguration would rank below them).
    fixedProperties().forEach((k, v) -> config.setProperty((String) k, v));
    config.setProperty("guide.pdfs", String.valueOf(withPdfs));
    config.setProperty("guide.card", String.valueOf(card != null));
    config.setProperty("guide.version", settings.version()); // no comma: JBake's configuration would split it into a list
    // The templates read it normalized (ending in /), as PageRenderer gives it.
    if (!settings.baseUrl().isEmpty()) config.setProperty("site.url", settings.baseUrl());

    List<Chapter> recorded = new ArrayList<>();
    for (Chapter c : book.chapters()) {
      Path target = content.resolve(c.relativePath());
      Files.createDirectories(target.getParent());
      Files.writeString(target, c.page().file().text(), StandardCharsets.UTF_8);
      // Its verification record, a page of its own (GuideBlocksExtension.recordUri) that the chapter's badges link to.
      String record = renderer.renderRecord(c.page(), ChapterModel.rootPath(c.uri()));
      if (record.isBlank()) continue;
      recorded.add(c);
      Files.writeString(content.resolve(GuideBlocksExtension.recordUri(c.relativePath())),
          "title=" + ChapterModel.recordTitle(c) + "\ntype=record\nstatus=published\nchapter_uri=" + c.uri()
              + "\nchapter_title=" + c.title() + "\n~~~~~~\n" + record, StandardCharsets.UTF_8);
    }
    Files.writeString(content.resolve(FormulaAppendix.PAGE),
        "title=" + FormulaAppendix.TITLE + "\ntype=appendix\nstatus=published\n~~~~~~\n" + appendix.html(),
        StandardCharsets.UTF_8);
    if (card != null) {
      Files.writeString(content.resolve(QuickReferenceCard.PAGE),
          "title=" + QuickReferenceCard.TITLE + "\ntype=card\nstatus=published\n~~~~~~\n" + card.html(), StandardCharsets.UTF_8);
    }
    // The page a static host shows for a missing address, through the templates like every page.
    Files.writeString(content.resolve(NOT_FOUND_PAGE),
        "title=Page not found\ntype=notfound\nstatus=published\n~~~~~~\n", StandardCharsets.UTF_8);
    GuideMarkdownEngine engine = new GuideMarkdownEngine(renderer, book, content, settings.editBaseUrl());
    // JBake looks engines up in a registry of its own when it parses a file, so register before baking.
    Engines.register("md", engine);
    Engines.register("markdown", engine);
    Oven oven = new Oven(config);
    List<String> problems = new ArrayList<>();
    try {
      oven.bake();
    } catch (RuntimeException e) {
      problems.add("jbake: error: " + e);
    }
    for (Throwable t : oven.getErrors()) problems.add("jbake: error: " + t.getMessage());
    problems.addAll(engine.errors());
    // JBake only warns about a page with a bad header and drops it: a dropped chapter is an error.
    for (Chapter c : book.chapters()) {
      if (!Files.isRegularFile(destination.resolve(c.uri()))) {
        problems.add(c.shownFile() + ":1:1: error: JBake dropped this page (is its header complete?)");
      }
    }
    if (!Files.isRegularFile(destination.resolve(FormulaAppendix.PAGE))) {
      problems.add("templates/appendix.ftl: error: the formula appendix page was not written");
    }
    for (Chapter c : recorded) {
      if (!Files.isRegularFile(destination.resolve(GuideBlocksExtension.recordUri(c.uri())))) {
        problems.add("templates/record.ftl: error: the verification record of " + c.shownFile() + " was not written");
      }
    }
    if (card != null && !Files.isRegularFile(destination.resolve(QuickReferenceCard.PAGE))) {
      problems.add("templates/quick-reference.ftl: error: the quick-reference page was not written");
    }
    if (!Files.isRegularFile(destination.resolve(NOT_FOUND_PAGE))) {
      problems.add("templates/notfound.ftl: error: the 404 page was not written");
    }
    if (!problems.isEmpty()) throw new BakeFailure(problems);
    copyAssets(settings.templates().resolve("assets"), destination.resolve("assets"));
    removeEmptyFolders(destination);
    return SitePages.read(destination);
  }

  /** What the guide's pipeline relies on, whatever jbake.properties says. */
  private static Properties fixedProperties() {
    Properties p = new Properties();
    p.setProperty("render.feed", "false");
    p.setProperty("render.archive", "false");
    p.setProperty("render.tags", "false");
    p.setProperty("render.tagsindex", "false");
    p.setProperty("render.sitemap", "false");
    p.setProperty("render.error404", "false");
    p.setProperty("render.index", "true");
    p.setProperty("template.masterindex.file", "index.ftl");
    p.setProperty("template.page.file", "page.ftl");
    p.setProperty("template.appendix.file", "appendix.ftl");
    p.setProperty("template.notfound.file", "notfound.ftl");
    p.setProperty("template.card.file", "quick-reference.ftl");
    p.setProperty("template.record.file", "record.ftl");
    p.setProperty("default.status", "");
    p.setProperty("uri.noExtension", "false");
    p.setProperty("img.path.update", "false");
    return p;
  }

  private static void copyAssets(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) return;
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }

  private static void removeEmptyFolders(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> dirs = walk.filter(Files::isDirectory).sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
      for (Path d : dirs) {
        if (!d.equals(root)) {
          try (Stream<Path> list = Files.list(d)) {
            if (list.findAny().isEmpty()) Files.delete(d);
          }
        }
      }
    }
  }
}
