package org.llmsi.publisher.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** What the publish-time check refuses in a page the build wrote. */
class ScriptPolicyCheckTest {
  private static final String POLICY = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; "
      + "script-src 'self'; object-src 'none'\">";

  private static List<String> problems(String head, String body) {
    return ScriptPolicyCheck.problems("p.html", Jsoup.parse("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        + head + "</head><body>" + body + "</body></html>"));
  }

  @Test
  void aPageUnderThePolicyWithOnlyScriptFilesPasses() {
    assertEquals(List.of(), problems(POLICY + "<script src=\"assets/theme.js\"></script>",
        "<a href=\"02-x.html\">x</a> <a href=\"https://example.org\">y</a><img src=\"math/a.svg\" style=\"width:1em\">"));
  }

  @Test
  void aMissingLateOrLaxPolicyIsRefused() {
    assertEquals(List.of("p.html: error: the page has no Content-Security-Policy <meta> before its first script or "
        + "stylesheet (templates/layout.ftl sets it)"), problems("", ""));
    assertEquals(List.of("p.html: error: the page has no Content-Security-Policy <meta> before its first script or "
        + "stylesheet (templates/layout.ftl sets it)"), problems("<link rel=\"stylesheet\" href=\"a.css\">" + POLICY, ""));
    assertEquals(List.of("p.html: error: its Content-Security-Policy lets script run from 'unsafe-inline'"),
        problems(POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"), ""));
    assertEquals(List.of("p.html: error: its Content-Security-Policy lets script run from *"),
        problems("<meta http-equiv=\"content-security-policy\" content=\"default-src *\">", ""));
  }

  @Test
  void inlineScriptHandlersScriptUrlsAndFramesAreRefused() {
    assertEquals(List.of(
            "p.html: error: inline <script> (scripts are files of the site: <script src=\"…\">)",
            "p.html: error: inline <script> (scripts are files of the site: <script src=\"…\">)",
            "p.html: error: event-handler attribute onload= on <body>",
            "p.html: error: event-handler attribute onmouseover= on <span>",
            "p.html: error: javascript: URL in href= on <a>",
            "p.html: error: data: URL in src= on <img>",
            "p.html: error: <iframe> on the page"),
        ScriptPolicyCheck.problems("p.html", Jsoup.parse("<html><head><meta charset=\"utf-8\">" + POLICY
            + "<script>x()</script></head><body onload=\"x()\"><script src=\"a.js\">y()</script>"
            + "<span onmouseover=\"x()\">a</span><a href=\" java&#115;cript:x()\">b</a>"
            + "<img src=\"data:image/png;base64,AA\"><iframe src=\"a.html\"></iframe></body></html>")));
  }
}
