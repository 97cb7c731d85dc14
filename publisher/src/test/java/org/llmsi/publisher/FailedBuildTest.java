package org.llmsi.publisher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guide that fails verification publishes nothing: the previous output stays byte for byte, no
 * scratch folder is left, and the errors are the verifier's located diagnostics (golden files).
 */
class FailedBuildTest {
  @TempDir
  Path temp;

  private void assertFailsLeavingPreviousOutput(String fixture, Path siteSrc) throws IOException {
    Path out = temp.resolve("out");
    Files.createDirectories(out);
    Path previous = out.resolve("index.html");
    Files.writeString(previous, "<p>the previous, good site</p>", StandardCharsets.UTF_8);

    PublishResult result = new GuidePublisher().publish(Fixtures.request(siteSrc, out, true));

    assertFalse(result.ok());
    assertTrue(result.summary().contains("nothing was published"), result.summary());
    assertArrayEquals("<p>the previous, good site</p>".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(previous));
    try (Stream<Path> list = Files.list(temp)) {
      assertEquals(List.of(out), list.toList(), "no scratch folder may be left next to the output");
    }
    try (Stream<Path> list = Files.list(out)) {
      assertEquals(1, list.count());
    }
    String report = String.join("\n", result.problems()) + "\n" + result.summary() + "\n";
    assertEquals(Fixtures.golden(fixture, "errors.txt", report), report);
  }

  @Test
  void wrongClaimIsReportedAtItsLineAndNothingIsPublished() throws IOException {
    assertFailsLeavingPreviousOutput("wrong-claim",
        Fixtures.basicWith("wrong-claim", "content/02-ridge.md", "≈ 295 FLOP/B", "≈ 296 FLOP/B"));
  }

  /**
   * A formula that disagrees with its reference only below 1 TB/s (so its example still holds) is
   * caught by its property test alone, and that stops the build too.
   */
  @Test
  void formulaThatDisagreesWithItsReferenceStopsABuildThatHadStartedRendering() throws IOException {
    assertFailsLeavingPreviousOutput("wrong-formula", Fixtures.basicWith("wrong-formula", "content/02-ridge.md",
        "I_ridge = P_peak / B_mem", "I_ridge = P_peak / max(B_mem, 1 TB/s)"));
  }

  /** The pages the build wrote are checked too, whatever wrote them: here a template. */
  @Test
  void templateWithAnInlineScriptOrHandlerPublishesNothing() throws IOException {
    Path templates = temp.resolve("templates");
    try (Stream<Path> walk = Files.walk(Fixtures.TEMPLATES)) {
      for (Path p : walk.sorted().toList()) {
        Path to = templates.resolve(Fixtures.TEMPLATES.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else Files.copy(p, to);
      }
    }
    Path layout = templates.resolve("layout.ftl");
    String good = Files.readString(layout, StandardCharsets.UTF_8);
    Files.writeString(layout, good.replace("</body>", "<script>track()</script>\n</body>")
        .replace("<main id=\"main\">", "<main id=\"main\" onclick=\"track()\">"), StandardCharsets.UTF_8);
    Path out = temp.resolve("out");
    PublishRequest base = Fixtures.request("basic", out, false);
    PublishResult result = new GuidePublisher().publish(new PublishRequest(base.siteSrc(), templates, out, false,
        base.tries(), base.catalog()));
    assertFalse(result.ok());
    assertTrue(result.summary().contains("a page could run script that is not the site's; nothing was published"),
        result.summary());
    assertTrue(result.problems().contains("02-ridge.html: error: inline <script> (scripts are files of the site: "
        + "<script src=\"…\">)"), () -> String.join("\n", result.problems()));
    assertTrue(result.problems().contains("index.html: error: event-handler attribute onclick= on <main>"),
        () -> String.join("\n", result.problems()));
    assertFalse(Files.exists(out.resolve("index.html")));
  }

  @Test
  void pageWithoutStatusIsAnErrorNotASilentlyDroppedPage() throws IOException {
    assertFailsLeavingPreviousOutput("bad-header", Fixtures.basicWith("bad-header", "content/01-intro.md", "status=published\n", ""));
  }
}
