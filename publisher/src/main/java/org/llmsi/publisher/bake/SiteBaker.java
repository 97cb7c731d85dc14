package org.llmsi.publisher.bake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jbake.app.Crawler;
import org.jbake.app.Oven;
import org.jbake.app.Renderer;
import org.jbake.app.Utensils;
import org.jbake.app.UtensilsFactory;
import org.jbake.model.DocumentModel;
import org.jsoup.nodes.Document;
import org.llmsi.publisher.output.SitePages;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jbake.parser.Engines;
import org.llmsi.publisher.appendix.FormulaAppendix;
import org.llmsi.publisher.markdown.ChapterRenderer;

/**
 * Bakes the verified guide with JBake's {@link Oven}: chapters through {@link GuideMarkdownEngine},
 * pages through the FreeMarker templates in {@code templates/}, assets from
 * {@code templates/assets/}, plus the generated formula appendix page.
 *
 * <p>JBake reads a staged copy of {@code content/} (the chapters and the generated appendix) so
 * that nothing is ever written into the guide's sources.
 *
 * <p>A bake is started before there is anything to bake ({@link #start}): the Oven opens its
 * content database (about half of a small bake; a quarter of that is spent hashing the database's
 * built-in password) while the guide is still being verified, and waits at the start of its crawl
 * until {@link Started#render} hands it the verified chapters. Its output goes to a scratch folder that is
 * published only after every check has passed.
 */
public final class SiteBaker {
  private final SiteSettings settings;

  public SiteBaker(SiteSettings settings) {
    this.settings = settings;
  }

  /**
   * Starts JBake on a thread of its own, ready to bake into {@code destination}.
   *
   * @param withPdfs whether the pages may link to the PDFs (the live preview does not print them)
   * @param stage a scratch folder for the staged content
   * @param destination where the site goes; must be empty or absent
   * @throws BakeFailure when jbake.properties cannot be read
   */
  public Started start(boolean withPdfs, Path stage, Path destination) throws BakeFailure, IOException {
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
    return new Started(config, content, destination);
  }

  /**
   * A bake whose database is opening, or open and waiting for the chapters. Close it when done
   * with it: a bake that never got its chapters is cancelled, and closing waits for JBake's thread.
   */
  public final class Started implements AutoCloseable {
    private final Path content;
    private final Path destination;
    private final CompletableFuture<Boolean> go = new CompletableFuture<>();
    private final Oven oven;
    private final Thread thread;
    private volatile Throwable died;
    private Book book;
    private GuideMarkdownEngine engine;
    private ChapterBodies bodies;
    private final Map<Path, CompletableFuture<Document>> parsed = new ConcurrentHashMap<>();
    private final ExecutorService pageReader = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "page-reader");
      t.setDaemon(true);
      return t;
    });

    private Started(DefaultJBakeConfiguration config, Path content, Path destination) {
      this.content = content;
      this.destination = destination;
      Utensils utensils = UtensilsFactory.createDefaultUtensils(config);
      utensils.setCrawler(new Crawler(utensils.getContentStore(), config) {
        @Override
        public void crawl() {
          if (!go.join()) throw new CancellationException("the bake was cancelled before its crawl");
          super.crawl();
        }
      });
      // Each page JBake writes is parsed at once, on a thread of its own, while JBake renders the
      // next. (Not CompletableFuture.supplyAsync: with two cores the common pool has one worker and
      // supplyAsync would start a new thread for every page.)
      utensils.setRenderer(new Renderer(utensils.getContentStore(), config) {
        @Override
        public void render(DocumentModel document) throws Exception {
          super.render(document);
          Path page = destination.resolve(document.getUri()).normalize();
          if (page.toString().endsWith(".html")) {
            parsed.put(page, CompletableFuture.supplyAsync(() -> SitePages.parse(page), pageReader));
          }
        }
      });
      this.oven = new Oven(utensils);
      this.thread = new Thread(() -> {
        try {
          oven.bake();
        } catch (RuntimeException | Error e) {
          died = e;
        }
      }, "jbake");
      thread.setDaemon(true);
      thread.start();
    }

    /**
     * Stages the chapters, as verified, and the appendix, and lets the Oven crawl and render them
     * on its thread.
     *
     * @param verifiedTexts each chapter's text as verified, by source ({@link Book#verifiedTexts})
     */
    public void render(Book book, Map<Path, String> verifiedTexts, ChapterRenderer renderer, FormulaAppendix appendix)
        throws IOException {
      this.book = book;
      for (Chapter c : book.chapters()) {
        Path target = content.resolve(c.relativePath());
        Files.createDirectories(target.getParent());
        Files.writeString(target, verifiedTexts.get(c.source()), StandardCharsets.UTF_8);
      }
      Files.writeString(content.resolve(FormulaAppendix.PAGE),
          "title=" + FormulaAppendix.TITLE + "\ntype=appendix\nstatus=published\n~~~~~~\n" + appendix.html(),
          StandardCharsets.UTF_8);
      bodies = new ChapterBodies(book, renderer, settings.editBaseUrl());
      engine = new GuideMarkdownEngine(bodies, book, content);
      // JBake looks engines up in a registry of its own when it parses a file, which is after this.
      Engines.register("md", engine);
      Engines.register("markdown", engine);
      go.complete(true);
    }

    /**
     * Renders chapter bodies on the calling thread while JBake's crawl takes others on its own,
     * until every chapter has been started by one of the two.
     */
    public void renderAhead() {
      if (bodies == null) throw new IllegalStateException("render() was not called");
      bodies.renderAhead();
    }

    /**
     * Waits for the Oven, then adds the assets.
     *
     * @throws BakeFailure when JBake reports errors, drops a page, or a block cannot be rendered
     */
    public void await() throws BakeFailure, IOException {
      if (engine == null) throw new IllegalStateException("render() was not called");
      awaitOven();
      List<String> problems = new ArrayList<>();
      if (died != null) problems.add("jbake: error: " + died);
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
      if (!problems.isEmpty()) throw new BakeFailure(problems);
      copyAssets(settings.templates().resolve("assets"), destination.resolve("assets"));
      removeEmptyFolders(destination);
    }

    /** Every page of the baked site, parsed; most were parsed while JBake rendered the others. */
    public SitePages pages() throws IOException {
      return SitePages.read(destination, parsed);
    }

    /** Whether JBake is still at work. */
    public boolean running() {
      return thread.isAlive();
    }

    /** Cancels the bake if it never got its chapters, and waits for JBake's thread to end. */
    @Override
    public void close() {
      go.complete(false);
      awaitOven();
      pageReader.shutdown();
    }

    private void awaitOven() {
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true; // the scratch folder may not be deleted under a running bake: wait on
        }
      }
      if (interrupted) Thread.currentThread().interrupt();
    }
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
