package org.llmsi.publisher.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.publisher.output.SitePages;

class CrawlerFilesTest {
  @TempDir
  Path site;

  private SitePages pages(String... names) {
    Map<Path, Document> pages = new LinkedHashMap<>();
    for (String n : names) pages.put(site.resolve(n), new Document(""));
    return new SitePages(site, pages);
  }

  @Test
  void withoutTheSitesAddressThereIsNoSitemapAndRobotsNamesNone() throws IOException {
    CrawlerFiles.write(pages("01-a.html", "404.html", "index.html"), "");
    assertFalse(Files.exists(site.resolve("sitemap.xml")), "a sitemap takes absolute addresses only");
    assertEquals("User-agent: *\nAllow: /\n", Files.readString(site.resolve("robots.txt")));
  }

  @Test
  void sitemapEscapesAddressesAndLeavesThe404Out() throws IOException {
    CrawlerFiles.write(pages("01-a.html", "404.html", "b&c.html", "index.html"), "https://example.org/g/");
    assertEquals("""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://example.org/g/01-a.html</loc></url>
        <url><loc>https://example.org/g/b&amp;c.html</loc></url>
        <url><loc>https://example.org/g/</loc></url>
        </urlset>
        """, Files.readString(site.resolve("sitemap.xml")));
    assertEquals(List.of("User-agent: *", "Allow: /", "", "Sitemap: https://example.org/g/sitemap.xml"),
        Files.readAllLines(site.resolve("robots.txt")));
  }
}
