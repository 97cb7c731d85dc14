package org.llmsi.publisher.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.llmsi.verifier.source.RawHtml;

/**
 * Refuses a site whose pages could run script that is not one of its own files: every page must
 * carry the Content-Security-Policy of {@code templates/layout.ftl} (first in its head, allowing
 * script only from the site), and no page may hold an inline script, an event-handler attribute, a
 * {@code javascript:}, {@code vbscript:} or {@code data:} URL, or an element that embeds another
 * document. The verifier already refuses these in a chapter's Markdown; this looks at the HTML the
 * build actually wrote, whatever produced it (templates, the guide's blocks, a flexmark change).
 */
public final class ScriptPolicyCheck {
  /** The policy's name, as {@code http-equiv} gives it. */
  public static final String CSP = "Content-Security-Policy";

  private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data", "poster",
      "background", "cite", "srcset", "xlink:href", "ping", "longdesc", "usemap", "manifest");
  private static final Set<String> SCRIPT_SCHEMES = Set.of("javascript", "vbscript", "data");
  /** Sources that would let an injected script run. */
  private static final Set<String> UNSAFE_SCRIPT_SOURCES =
      Set.of("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:", "blob:");

  private ScriptPolicyCheck() {}

  /** The problems found, one line each; empty when every page is safe. */
  public static List<String> problems(SitePages site) {
    List<String> problems = new ArrayList<>();
    for (var entry : site.pages().entrySet()) {
      String name = site.name(entry.getKey());
      problems.addAll(problems(name, entry.getValue()));
    }
    return problems;
  }

  /** The problems of one page. */
  public static List<String> problems(String name, Document doc) {
    List<String> problems = new ArrayList<>();
    String policy = policy(doc);
    if (policy == null) {
      problems.add(name + ": error: the page has no " + CSP + " <meta> before its first script or stylesheet"
          + " (templates/layout.ftl sets it)");
    } else {
      String scriptSources = directive(policy, "script-src");
      if (scriptSources == null) scriptSources = directive(policy, "default-src");
      if (scriptSources == null) {
        problems.add(name + ": error: its " + CSP + " sets neither script-src nor default-src");
      } else {
        for (String source : scriptSources.split("\\s+")) {
          if (UNSAFE_SCRIPT_SOURCES.contains(source.toLowerCase(Locale.ROOT))) {
            problems.add(name + ": error: its " + CSP + " lets script run from " + source);
          }
        }
      }
    }
    for (Element script : doc.select("script")) {
      if (!script.hasAttr("src") || !script.data().isBlank()) {
        problems.add(name + ": error: inline <script> (scripts are files of the site: <script src=\"…\">)");
      }
    }
    for (Element e : doc.getAllElements()) {
      String tag = e.normalName();
      if (Set.of("iframe", "frame", "object", "embed", "applet", "base").contains(tag)) {
        problems.add(name + ": error: <" + tag + "> on the page");
      }
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        if (key.startsWith("on")) {
          problems.add(name + ": error: event-handler attribute " + key + "= on <" + tag + ">");
        } else if (URL_ATTRIBUTES.contains(key)) {
          String scheme = RawHtml.scheme(a.getValue());
          if (scheme != null && SCRIPT_SCHEMES.contains(scheme)) {
            problems.add(name + ": error: " + scheme + ": URL in " + key + "= on <" + tag + ">");
          }
        }
      }
    }
    return problems;
  }

  /**
   * The page's policy, if a {@code <meta http-equiv>} in its head sets one before any script or
   * stylesheet (one that comes later does not govern what precedes it).
   */
  static String policy(Document doc) {
    for (Element e : doc.head().children()) {
      if (e.normalName().equals("meta") && e.attr("http-equiv").equalsIgnoreCase(CSP)) return e.attr("content");
      if (e.normalName().equals("script") || e.normalName().equals("link") || e.normalName().equals("style")) {
        return null;
      }
    }
    return null;
  }

  /** The sources of one directive of a policy, or null when it does not set it. */
  static String directive(String policy, String name) {
    for (String part : policy.split(";")) {
      String[] words = part.strip().split("\\s+", 2);
      if (words[0].equalsIgnoreCase(name)) return words.length > 1 ? words[1].strip() : "";
    }
    return null;
  }
}
