package org.llmsi.verifier.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.parser.Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Diagnostic;

/** What {@link RawHtml} lets through and what it refuses, located at the offending tag or attribute. */
class RawHtmlTest {

  private static List<Diagnostic> check(String markdown) {
    SourceFile file = SourceFile.of(Path.of("p.md"), Path.of("p.md"), markdown);
    Diagnostics errors = new Diagnostics();
    RawHtml.check(Parser.builder().build().parse(markdown), file, errors);
    List<Diagnostic> found = errors.sorted();
    found.forEach(d -> assertEquals(Diagnostic.Kind.HTML, d.kind(), d.toString()));
    return found;
  }

  /** Each finding as {@code line:column message}, in the order of the page. */
  private static List<String> found(String markdown) {
    return check(markdown).stream().sorted()
        .map(d -> d.location().line() + ":" + d.location().column() + " " + d.message()).toList();
  }

  @Test
  void inertHtmlOnTheAllowListPasses() {
    String page = """
        H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>, <var>n</var>, <samp>ok</samp>, <mark>m</mark>,
        <small>s</small>, a<br>b<br/>c<br />d, long<wbr>word, <abbr title="key-value">KV</abbr>,
        <span class="note">span</span>, <SPAN CLASS='x'>upper case</SPAN> <!-- comment --> a < b.

        <details open>
        <summary>Why</summary>

        [link](https://example.org/), [mail](mailto:a@example.org), [page](02-roofline.html#x), ![f](a.svg)

        </details>

        <div class="note">
        3 < 4 &amp; &lt;script&gt; is text
        </div>

        <!-- a comment
        over lines --> <!--> <!---> <!-- ends at --!>

        `<script>` in code and

            <script>in an indented code block</script>

        ```html
        <iframe onload="x"></iframe>
        ```
        """;
    assertEquals(List.of(), found(page));
  }

  @Test
  void scriptStyleAndEmbeddingElementsAreRefusedAtTheirTag() {
    assertEquals(List.of("1:3 <script> in a chapter: the published page would run it"),
        found("a <script>if (a<b && c>d) x()</script> b\n"));
    assertEquals(List.of("2:1 <script> in a chapter: the published page would run it"),
        found("text\n<ScRiPt>\nlet s = '<div onclick=x>';\n</ScRiPt>\n"));
    assertEquals(List.of("1:1 <style> in a chapter would restyle the whole site"), found("<style>p{}</style>\n"));
    for (String tag : List.of("iframe", "object", "embed", "frame", "applet")) {
      assertEquals(List.of("1:3 <" + tag + "> embeds another document or a plugin in the page"),
          found("x <" + tag + " src=\"a.html\"></" + tag + "> y\n"), tag);
    }
    for (String tag : List.of("link", "meta", "base")) {
      assertEquals(List.of("1:1 <" + tag + "> changes how the browser loads or treats the whole page"),
          found("<" + tag + " href=\"x\">\n"), tag);
    }
    assertEquals(List.of("1:1 <form> would collect or send the reader's input"), found("<form action=\"/x\"></form>\n"));
    assertEquals(List.of("1:1 <svg> embeds markup the page does not check",
        "1:6 <circle> is not on the allow-list of inert HTML"), found("<svg><circle r=\"1\"/></svg>\n"));
    assertEquals(List.of("1:7 <blink> is not on the allow-list of inert HTML"), found("hello <blink>x</blink>\n"));
  }

  @Test
  void handlersStyleAndUnlistedAttributesAreRefusedAtTheAttribute() {
    assertEquals(List.of("1:9 event-handler attribute onmouseover= on <span> runs script in the published page"),
        found("a <span onmouseover=\"alert(1)\">b</span>\n"));
    assertEquals(List.of("1:9 event-handler attribute onerror= on <abbr> runs script in the published page"),
        found("a <abbr ONERROR=alert(1) title=x>b</abbr>\n"));
    // An attribute glued to a quoted one is still an attribute to the browser (inline, CommonMark
    // does not take such a tag as HTML and escapes it; an HTML block passes it on).
    assertEquals(List.of("1:15 event-handler attribute onclick= on <div> runs script in the published page"),
        found("<div class=\"a\"onclick=\"x\">\nb\n</div>\n"));
    assertEquals(List.of(), found("<span class=\"a\"onclick=\"x\">b</span>\n"));
    assertEquals(List.of("1:6 style attribute on <div>: a chapter sets no inline style"),
        found("<div style=\"position:fixed\">\nx\n</div>\n"));
    assertEquals(List.of("1:7 attribute id= is not allowed on <span>"), found("<span id=\"search-input\">x</span>\n"));
    assertEquals(List.of("1:6 attribute class= is not allowed on <sub>"), found("<sub class=\"x\">2</sub>\n"));
    assertEquals(List.of("3:7 end tag </div> has attributes"), found("<div>\na\n</div onclick=x>\n"));
    // In a quote the column is the one of the file, past the quote marker.
    assertEquals(List.of("2:9 event-handler attribute onclick= on <span> runs script in the published page"),
        found("> quoted\n> <span onclick=x>y</span>\n"));
  }

  @Test
  void scriptUrlsAreRefusedInMarkdownAndInHtml() {
    assertEquals(List.of("1:5 link to a javascript: URL, which runs script when the reader follows it"),
        found("[a](javascript:alert(1))\n"));
    assertEquals(List.of("1:5 link to a javascript: URL, which runs script when the reader follows it"),
        found("[a](java&#115;cript:alert(1))\n"));
    assertEquals(List.of("1:5 link to a javascript: URL, which runs script when the reader follows it"),
        found("[a](JAVA\\SCRIPT:x)\n".replace("\\", "")));
    assertEquals(List.of("1:2 link to a javascript: URL, which runs script when the reader follows it"),
        found("<javascript:alert(1)>\n"));
    assertEquals(List.of("3:6 link to a vbscript: URL, which runs script when the reader follows it"),
        found("[a][r]\n\n[r]: vbscript:x\n"));
    assertEquals(
        List.of("1:6 image from a data: URL, which embeds content the build does not check (and can run script)"),
        found("![i](data:image/svg+xml,<svg/>)\n"));
    assertEquals(List.of("1:5 link to a file: URL, a scheme the guide does not allow"), found("[a](file:///etc/passwd)\n"));
    assertEquals(List.of("1:1 <a> in HTML escapes the build's link and image checks",
            "1:10 href= holds a javascript: URL, which runs script when the reader follows it"),
        found("<a href=\"&#x6A;ava&Tab;script&colon;x\">y</a>\n"));
  }

  @Test
  void htmlThatWouldSwallowWhatFollowsIsRefused() {
    // The quote opened in this block would run on into the next paragraph's HTML in the browser.
    assertEquals(List.of("1:1 tag <div is not closed with '>' before the end of its HTML"),
        found("<div title=\"x\nstill the block\n\nnext <span class=\"a\">b</span>\n"));
    assertEquals(List.of("3:1 comment '<!--' is not closed with '-->'"), found("a\n\n<!-- open\n\nrest of page\n"));
    assertEquals(List.of("1:1 a <!DOCTYPE> declaration is not allowed in a chapter"), found("<!DOCTYPE html>\n"));
    assertEquals(List.of("1:1 a processing instruction '<?…>' is not allowed in a chapter"), found("<?php x ?>\n"));
  }

  @Test
  void everyRefusedStartTagIsReportedButNotItsEndTag() {
    assertEquals(List.of("1:1 <font> is not on the allow-list of inert HTML",
        "1:16 <font> is not on the allow-list of inert HTML"), found("<font>a</font> <font>b</font>\n"));
    assertEquals(List.of("1:3 </center> is not on the allow-list of inert HTML"), found("a </center> b\n"));
  }

  @Test
  void schemesAreReadAsABrowserReadsThem() {
    assertEquals("javascript", RawHtml.scheme(" \u0001java\tscr\nipt:x"));
    assertEquals("https", RawHtml.scheme("HTTPS://example.org"));
    assertNull(RawHtml.scheme("02-roofline.html#a:b"));
    assertNull(RawHtml.scheme("#top"));
    assertNull(RawHtml.scheme("/x:y"));
    assertEquals("javascript:", RawHtml.decodeAttribute("&#x6A;&#97vascript&colon;"));
    assertEquals("a&b &unknown; \uFFFD", RawHtml.decodeAttribute("a&amp;b &unknown; &#0;"));
  }

  @Test
  void anyInputGivesFindingsNeverAnException() {
    String[] pieces = {"<", ">", "</", "<!--", "-->", "--!>", "\"", "'", "=", " ", "\n", "\n\n", "> ", "- ", "a", "div",
        "span", "script", "on", "x", "&", "#", ";", "/", "!", "?", "[", "](", ")", "javascript:", "`"};
    Random random = new Random(13);
    for (int run = 0; run < 3000; run++) {
      StringBuilder page = new StringBuilder();
      for (int k = random.nextInt(40); k >= 0; k--) page.append(pieces[random.nextInt(pieces.length)]);
      List<Diagnostic> errors = check(page.toString());
      for (Diagnostic d : errors) {
        assertTrue(d.location().line() >= 1 && d.location().column() >= 1, page + " -> " + d);
        assertTrue(!d.notes().isEmpty() && d.notes().get(0).startsWith("help: "), page + " -> " + d);
      }
    }
  }
}
