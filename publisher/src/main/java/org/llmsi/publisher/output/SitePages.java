package org.llmsi.publisher.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Every HTML page of a baked site, parsed once (on every core) for all the steps that read the
 * pages afterwards: the math files they show, the search index, the self-containment check.
 *
 * @param site the site root
 * @param pages each page by its path, in path order
 */
public record SitePages(Path site, Map<Path, Document> pages) {

  /** Reads and parses every page of the site, on every core. */
  public static SitePages read(Path site) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(site)) {
      files = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    List<Document> documents;
    try {
      documents = files.parallelStream().map(SitePages::parse).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Map<Path, Document> pages = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) pages.put(files.get(i), documents.get(i));
    return new SitePages(site, pages);
  }

  /** One page, parsed. */
  public static Document parse(Path page) {
    try {
      return Jsoup.parse(page.toFile(), "UTF-8");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page at this path relative to the site root ({@code 02-roofline.html}), if the site has it. */
  public Document page(String relative) {
    return pages.get(site.resolve(relative));
  }

  /** A page's path as a reader names it: relative to the site root, with forward slashes. */
  public String name(Path page) {
    return site.relativize(page).toString().replace('\\', '/');
  }
}
