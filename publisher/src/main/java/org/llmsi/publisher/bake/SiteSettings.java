package org.llmsi.publisher.bake;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the guide's sources are and the few settings of the published site.
 *
 * @param siteSrc the guide's source folder (content/, data/, jbake.properties)
 * @param templates the FreeMarker templates and their assets
 * @param title the guide's title
 * @param description one sentence for the home page and the PDF
 * @param editBaseUrl the "edit this page" prefix; a chapter's path under content/ is appended
 * @param baseUrl where the site is published, ending in {@code /}; empty when jbake.properties names
 *     no {@code site.url} (then pages carry no og:url and the sitemap is not written, since both
 *     need absolute addresses)
 * @param version which commit the site was built from, as the footer and the PDFs' title pages say it
 *     ({@code org.llmsi.publisher.GuideVersion#text()}); jbake.properties does not set it
 */
public record SiteSettings(Path siteSrc, Path templates, String title, String description, String editBaseUrl,
    String baseUrl, String version) {

  /**
   * Reads {@code site.title}, {@code site.description}, {@code site.repository} and {@code site.url} from
   * jbake.properties; a chapter's edit link is {@code <repository>/edit/main/site-src/content/<file>}.
   */
  public static SiteSettings read(Path siteSrc, Path templates) throws IOException {
    Properties p = new Properties();
    Path file = siteSrc.resolve("jbake.properties");
    if (Files.isRegularFile(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    return new SiteSettings(siteSrc, templates,
        p.getProperty("site.title", "LLM System Interview"),
        p.getProperty("site.description", ""),
        editBase(p.getProperty("site.repository", "")),
        baseUrl(p.getProperty("site.url", "")), "Unversioned");
  }

  public SiteSettings withVersion(String v) {
    return new SiteSettings(siteSrc, templates, title, description, editBaseUrl, baseUrl, v);
  }

  private static String baseUrl(String url) {
    String u = url.strip();
    return u.isEmpty() || u.endsWith("/") ? u : u + "/";
  }

  private static String editBase(String repository) {
    String repo = repository.strip().replaceAll("/+$", "");
    return repo.isEmpty() ? "" : repo + "/edit/main/site-src/content/";
  }
}
