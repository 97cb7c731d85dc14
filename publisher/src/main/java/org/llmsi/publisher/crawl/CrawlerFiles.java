package org.llmsi.publisher.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llmsi.publisher.output.SitePages;

/**
 * What search engines read besides the pages: {@code robots.txt}, and {@code sitemap.xml} when the
 * site's address is known. Both are made from the pages' paths alone, in path order, with no dates,
 * so the same guide writes the same bytes on every build.
 */
public final class CrawlerFiles {
  public static final String ROBOTS = "robots.txt";
  public static final String SITEMAP = "sitemap.xml";
  /** The page a host shows for a missing address: not a page of the guide, so not in the sitemap. */
  public static final String NOT_FOUND = org.llmsi.publisher.bake.SiteBaker.NOT_FOUND_PAGE;

  private CrawlerFiles() {}

  /**
   * Writes robots.txt (everything may be crawled; it names the sitemap when there is one) and, when
   * {@code baseUrl} is not empty, sitemap.xml with every page but the 404 page. The sitemap protocol
   * takes only absolute addresses, so without a base URL there is no sitemap rather than a wrong one.
   *
   * @param baseUrl the site's address ending in {@code /}, or empty
   */
  public static void write(SitePages pages, String baseUrl) throws IOException {
    Path site = pages.site();
    StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n");
    if (!baseUrl.isEmpty()) {
      robots.append("\nSitemap: ").append(baseUrl).append(SITEMAP).append('\n');
      write(site.resolve(SITEMAP), sitemap(pageNames(pages), baseUrl));
    }
    write(site.resolve(ROBOTS), robots.toString());
  }

  /** The site's pages as a reader names them, in path order, the 404 page left out. */
  public static List<String> pageNames(SitePages pages) {
    List<String> names = new ArrayList<>();
    for (Path p : pages.pages().keySet()) {
      String name = pages.name(p);
      if (!name.equals(NOT_FOUND)) names.add(name);
    }
    return names;
  }

  static String sitemap(List<String> names, String baseUrl) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (String name : names) {
      // The home page is the site's address itself, as og:url gives it.
      String url = baseUrl + (name.equals("index.html") ? "" : name);
      xml.append("<url><loc>").append(escape(url)).append("</loc></url>\n");
    }
    return xml.append("</urlset>\n").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
  }

  private static void write(Path file, String text) throws IOException {
    Files.deleteIfExists(file); // in a refreshed preview, a hard link to the published file
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
