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
 */
public record SiteSettings(Path siteSrc, Path templates, String title, String description, String editBaseUrl) {

  /**
   * Reads {@code site.title}, {@code site.description} and {@code site.repository} from
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
        editBase(p.getProperty("site.repository", "")));
  }

  private static String editBase(String repository) {
    String repo = repository.strip().replaceAll("/+$", "");
    return repo.isEmpty() ? "" : repo + "/edit/main/site-src/content/";
  }
}
