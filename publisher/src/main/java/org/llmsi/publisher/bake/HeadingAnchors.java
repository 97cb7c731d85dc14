package org.llmsi.publisher.bake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each h2 and h3 that has an id a link to itself, so a reader can copy the address of a
 * section. The link holds no text: the stylesheet shows its "#" (on hover and focus), so the table
 * of contents and the search index, which read the heading's text, see the heading alone. It is a
 * plain link, so it works without script. Chapters get the same link from their Markdown renderer
 * ({@code HeadingLinkRenderer}); this serves the pages FreeMarker writes (the appendix, the card).
 */
public final class HeadingAnchors {
  /** An h2 or h3 start tag with an id, up to its end tag; the body's headings carry no nested h2/h3. */
  private static final Pattern HEADING = Pattern.compile("(?s)(<h([23]) id=\"([^\"]+)\"[^>]*>)(.*?)(</h\\2>)");

  private HeadingAnchors() {}

  /** The body with a self-link appended inside each h2/h3 that has an id. */
  public static String add(String html) {
    Matcher m = HEADING.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 256);
    while (m.find()) {
      String id = m.group(3);
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(4)
          + "<a class=\"heading-anchor\" href=\"#" + id + "\" aria-label=\"Link to this section\"></a>" + m.group(5)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
