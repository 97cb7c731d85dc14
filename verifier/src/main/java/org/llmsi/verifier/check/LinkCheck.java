package org.llmsi.verifier.check;

import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.source.Page;
import org.llmsi.verifier.source.PageLink;

/**
 * Links between pages of the guide must land on a page the build publishes: a chapter (its
 * Markdown name with {@code .html}), the home page, the formula appendix or one of the two PDFs.
 * A link to a formula ({@code formula-appendix.html#ridge_point}) must name a formula id. Links
 * that leave the guide (with a scheme, such as {@code https:}) are not followed.
 */
public final class LinkCheck {
  /** Pages the publisher writes besides the chapters. */
  static final Set<String> GENERATED = Set.of("index.html", "formula-appendix.html", "guide.pdf", "formula-appendix.pdf");

  private LinkCheck() {}

  public static void check(List<Page> pages, Set<String> formulaIds, Diagnostics errors) {
    Set<String> published = new TreeSet<>(GENERATED);
    for (Page p : pages) {
      published.add(p.file().shownPath().getFileName().toString().replaceFirst("\\.md$", ".html"));
    }
    for (Page page : pages) {
      for (PageLink link : page.links()) {
        // Judged as the page gets it: with backslash escapes and character references decoded, so
        // `java&#115;cript:` is a scheme (RawHtml refuses it), not a path in the site.
        String url = Escaping.unescapeString(link.url());
        if (url.isEmpty() || url.startsWith("#") || url.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || url.startsWith("//")) {
          continue;
        }
        String target = url.replaceFirst("[?#].*$", "");
        String fragment = url.contains("#") ? url.substring(url.indexOf('#') + 1) : "";
        List<String> notes = new ArrayList<>();
        String message = null;
        if (!published.contains(target)) {
          message = "link to '" + target + "', which the guide does not publish";
          String near = Names.suggest(target, published);
          notes.add(near != null ? near
              : "help: a chapter is linked by its Markdown file name with .html (content/NN-name.md is NN-name.html)");
        } else if (target.equals("formula-appendix.html") && !fragment.isEmpty() && !formulaIds.contains(fragment)) {
          message = "link to formula '" + fragment + "', but no formula block has that id";
          String near = Names.suggest(fragment, formulaIds);
          if (near != null) notes.add(near);
        }
        if (message != null) {
          errors.add(new Diagnostic(Kind.LINK, page.file().location(link.offset(), link.url().length()), message, notes));
        }
      }
    }
  }
}
