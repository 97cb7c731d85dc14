package org.llmsi.publisher.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Refuses a site whose pages load anything from outside it: every script, stylesheet, image or
 * other resource must be a relative path to a file that exists in the site. Links a reader clicks
 * (such as "edit this page") may point elsewhere; resources may not.
 */
public final class SelfContainedCheck {
  private static final java.util.regex.Pattern EXTERNAL = java.util.regex.Pattern.compile("(?i)^([a-z][a-z0-9+.-]*:|//).*");
  private static final java.util.regex.Pattern EXTERNAL_URL_IN_STYLE =
      java.util.regex.Pattern.compile("(?s).*url\\(\\s*['\"]?(https?:)?//.*");

  private SelfContainedCheck() {}

  /** The problems found, one line each; empty when the site is self-contained. */
  public static List<String> problems(SitePages site) {
    List<String> problems = new ArrayList<>();
    // Every page shows the same stylesheet, script and math files: look each file up once.
    java.util.Map<Path, Boolean> exists = new java.util.HashMap<>();
    for (var entry : site.pages().entrySet()) {
      Path page = entry.getKey();
      Document doc = entry.getValue();
      String name = site.name(page);
      for (Element e : doc.select("script[src], img[src], link[href], iframe[src], source[src], video[src], audio[src], object[data], embed[src]")) {
        String ref = e.hasAttr("src") ? e.attr("src") : e.hasAttr("href") ? e.attr("href") : e.attr("data");
        if (EXTERNAL.matcher(ref).matches()) {
          problems.add(name + ": error: <" + e.tagName() + "> loads an external resource: " + ref);
          continue;
        }
        String path = ref.replaceFirst("[?#].*$", "");
        if (!exists.computeIfAbsent(page.getParent().resolve(path).normalize(), Files::isRegularFile)) {
          problems.add(name + ": error: <" + e.tagName() + "> refers to a missing file: " + ref);
        }
      }
      for (Element e : doc.select("[style*=url(]")) {
        if (EXTERNAL_URL_IN_STYLE.matcher(e.attr("style")).matches()) {
          problems.add(name + ": error: inline style loads an external resource");
        }
      }
    }
    return problems;
  }
}
