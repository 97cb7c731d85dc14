package org.llmsi.publisher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.llmsi.publisher.appendix.FormulaAppendix;
import org.llmsi.publisher.appendix.QuickReferenceCard;
import org.llmsi.publisher.bake.Book;
import org.llmsi.publisher.bake.Chapter;
import org.llmsi.publisher.bake.PageRenderer;
import org.llmsi.publisher.bake.SiteSettings;
import org.llmsi.publisher.markdown.ChapterRenderer;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.publisher.output.SitePages;
import org.llmsi.verifier.model.VerifiedGuide;

/**
 * The live preview's fast path after an edit to chapter text: the new site is the last one with
 * only the edited chapters' pages and the appendix (whose "defined at" lines move with an edit)
 * rendered again, plus the math files, search index and self-containment check brought up to date.
 *
 * <p>It applies only when nothing but chapter bodies changed since the last successful build:
 * same templates, data, settings and chapter headers (so the chapter list, previous/next links
 * and home page are what they were). Anything else is a full bake. The whole guide is verified
 * either way, before this runs. The result is the same site a full bake gives, file for file
 * ({@code PreviewRefreshTest}).
 */
final class PreviewRefresh {
  /**
   * What the last good build published and from what.
   *
   * @param request the request it answered
   * @param others a hash of every input that is not a chapter's text (templates, data, settings, drafts)
   * @param book the chapters, titles and order
   * @param chapters each chapter's text (header and body), by source
   * @param pages the published pages, parsed, by path relative to the site root
   */
  record LastBuild(PublishRequest request, String others, Book book, Map<Path, String> chapters,
      Map<String, Document> pages) {}

  /**
   * What a build is made from, read once per build of a warm publisher.
   *
   * @param others a hash of every input that is not a chapter's text
   * @param chapters each chapter's text as it was verified, by source
   */
  record Inputs(String others, Map<Path, String> chapters) {
    static Inputs of(PublishRequest request, Book book, VerifiedGuide guide) throws IOException {
      return new Inputs(othersHash(request, book), Book.verifiedTexts(guide));
    }
  }

  private PreviewRefresh() {}

  /** The record of a successful full build, for the next refresh to start from. */
  static LastBuild record(PublishRequest request, Book book, Inputs inputs, SitePages published) {
    Map<String, Document> pages = new LinkedHashMap<>();
    published.pages().forEach((path, doc) -> pages.put(published.name(path), doc));
    return new LastBuild(request, inputs.others(), book, inputs.chapters(), pages);
  }

  /** The chapters whose text changed, or null when a refresh cannot stand in for a full bake. */
  static List<Chapter> changedChapters(LastBuild last, PublishRequest request, Book book, Inputs now) {
    if (last == null || !last.request().equals(request) || request.pdfs() || !Files.isDirectory(request.output())) return null;
    if (!last.book().equals(book) || !last.others().equals(now.others())) return null;
    for (String page : last.pages().keySet()) {
      if (!Files.isRegularFile(request.output().resolve(page))) return null; // someone removed it: bake it again
    }
    List<Chapter> changed = new ArrayList<>();
    for (Chapter c : book.chapters()) {
      String before = last.chapters().get(c.source());
      String after = now.chapters().get(c.source());
      if (before.equals(after)) continue;
      if (!header(before).equals(header(after))) return null; // a description or status: the home page may change
      changed.add(c);
    }
    return changed;
  }

  /**
   * Builds the refreshed site into {@code site} (inside the build's scratch folder).
   *
   * @return the refreshed site's pages, parsed
   */
  static SitePages refresh(LastBuild last, List<Chapter> changed, Inputs now, SiteSettings settings,
      VerifiedGuide guide, Book book, MathRenderer math, Path site) throws IOException {
    linkTree(last.request().output(), site);
    // This build's book, not the last one's: the appendix and the card read sections from its verified pages.
    PageRenderer renderer = new PageRenderer(settings, book, false, guide.quickReference().isPresent());
    ChapterRenderer chapters = new ChapterRenderer(guide, math);
    Map<Path, Document> pages = new LinkedHashMap<>();
    last.pages().forEach((name, doc) -> pages.put(site.resolve(name), doc));
    // Rendered from the text that was verified, not read again: a save in between waits for the next build.
    for (Chapter c : changed) {
      replace(site, c.uri(), renderer.chapter(c, chapters), pages);
      String record = renderer.record(c, chapters);
      String recordUri = org.llmsi.publisher.markdown.GuideBlocksExtension.recordUri(c.uri());
      if (record != null) {
        replace(site, recordUri, record, pages);
      } else { // its last example went: so does its record
        Files.deleteIfExists(site.resolve(recordUri));
        pages.remove(site.resolve(recordUri));
      }
    }
    replace(site, FormulaAppendix.PAGE, renderer.appendix(new FormulaAppendix(guide, book, math, settings.templates())), pages);
    // Its rules of thumb are worked examples' results, which a chapter edit may change.
    if (guide.quickReference().isPresent()) {
      replace(site, QuickReferenceCard.PAGE, renderer.card(new QuickReferenceCard(guide, book, math, settings.templates())), pages);
    }
    return new SitePages(site, pages);
  }

  /** Writes a page anew: the file is a hard link into the published site, which must stay as it is. */
  private static void replace(Path site, String uri, String html, Map<Path, Document> pages) throws IOException {
    Path file = site.resolve(uri);
    Files.deleteIfExists(file);
    Files.writeString(file, html, StandardCharsets.UTF_8);
    pages.put(file, Jsoup.parse(html));
  }

  /**
   * Mirrors a site with hard links (a copy where the file system has none): unchanged files cost
   * nothing, and every file this build writes is first unlinked, so the published site is untouched.
   */
  static void linkTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          try {
            Files.createLink(target, p);
          } catch (IOException | UnsupportedOperationException e) {
            Files.copy(p, target);
          }
        }
      }
    }
  }

  private static String header(String chapterText) {
    int end = chapterText.indexOf("\n~~~~~~");
    return end < 0 ? chapterText : chapterText.substring(0, end);
  }

  /** A hash of the templates and of every source file that is not a chapter. */
  private static String othersHash(PublishRequest request, Book book) throws IOException {
    Set<Path> chapterFiles = new java.util.HashSet<>();
    for (Chapter c : book.chapters()) chapterFiles.add(c.source());
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (Path root : List.of(request.templates(), request.siteSrc())) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          if (chapterFiles.contains(p.toAbsolutePath().normalize())) continue;
          sha.update(p.toString().getBytes(StandardCharsets.UTF_8));
          sha.update(Files.readAllBytes(p));
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
