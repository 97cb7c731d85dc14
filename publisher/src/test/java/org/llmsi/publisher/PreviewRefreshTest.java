package org.llmsi.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's refresh (only edited chapters and the appendix rendered again, without JBake) must
 * publish exactly what a full bake of the same sources publishes, must leave the published site
 * alone when it fails, and must give way to a full bake when more than chapter text changed.
 */
class PreviewRefreshTest {
  @TempDir
  Path temp;

  private Path copyOfBasic() throws IOException {
    return Fixtures.copyOfSiteSrc("basic", temp.resolve("site-src"));
  }

  /** A warm publisher that has published the basic fixture's copy {@code src} to {@code out} once. */
  private static GuidePublisher publishedOnce(Path src, Path out) {
    GuidePublisher preview = GuidePublisher.warm();
    assertTrue(preview.publish(request(src, out)).ok());
    return preview;
  }

  private static PublishRequest request(Path src, Path out) {
    return Fixtures.request("basic", out, false).withSiteSrc(src);
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), file + " lacks " + from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }

  /** Every file of a site by its path relative to the root, as bytes in hex (equal means byte-identical). */
  private static Map<String, String> files(Path site) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(site.relativize(p).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  @Test
  void anEditToChapterTextRefreshesToExactlyWhatAFullBakePublishes() throws IOException {
    Path src = copyOfBasic();
    Path out = temp.resolve("preview");
    GuidePublisher preview = GuidePublisher.warm();
    PublishResult first = preview.publish(request(src, out));
    assertTrue(first.ok(), () -> String.join("\n", first.problems()));
    assertTrue(first.stages().containsKey("bake"), first.stages().toString());

    // Both chapters: new prose with new inline math (a new math file), a changed claim, and lines
    // added above the formulas (so the appendix's "defined at" lines move).
    edit(src.resolve("content/01-intro.md"), "## A table", "A new paragraph with $x_{\\text{new}}$ in it.\n\n## A table");
    edit(src.resolve("content/02-ridge.md"), "## Worked example", "Two new lines.\n\nOf prose.\n\n## Worked example");
    edit(src.resolve("content/02-ridge.md"), "≈ 295 FLOP/B", "≈ 295.3 FLOP/B");
    PublishResult refreshed = preview.publish(request(src, out));
    assertTrue(refreshed.ok(), () -> String.join("\n", refreshed.problems()));
    assertTrue(refreshed.stages().containsKey("refresh 2 chapter(s)"), refreshed.stages().toString());
    assertFalse(refreshed.stages().containsKey("bake"), refreshed.stages().toString());

    Path full = temp.resolve("full");
    PublishResult baked = new GuidePublisher().publish(request(src, full));
    assertTrue(baked.ok(), () -> String.join("\n", baked.problems()));
    assertEquals(files(full), files(out), "the refreshed preview differs from a full bake of the same sources");
    assertTrue(Files.readString(out.resolve("02-ridge.html"), StandardCharsets.UTF_8).contains("<td>295.3 FLOP/B</td>"));
  }

  @Test
  void aRefreshThatFailsLeavesThePublishedSiteAsItWas() throws IOException {
    Path src = copyOfBasic();
    Path out = temp.resolve("preview");
    GuidePublisher preview = publishedOnce(src, out);
    Map<String, String> before = files(out);

    // Verifies, renders, and then fails the self-containment check: the refreshed page was
    // written (its hard link into the published site broken first) before the build gave up.
    // (A Markdown image: the verifier refuses an HTML <img> before anything is rendered.)
    edit(src.resolve("content/02-ridge.md"), "## Worked example",
        "![](https://example.com/tracker.png)\n\n## Worked example");
    PublishResult failed = preview.publish(request(src, out));
    assertFalse(failed.ok());
    assertTrue(String.join("\n", failed.problems()).contains("loads an external resource: https://example.com/tracker.png"),
        () -> String.join("\n", failed.problems()));
    assertEquals(before, files(out), "a failed refresh changed the published site");
  }

  @Test
  void aChangedTitleTemplateOrDataFileIsAFullBake() throws IOException {
    Path src = copyOfBasic();
    Path out = temp.resolve("preview");
    GuidePublisher preview = publishedOnce(src, out);

    edit(src.resolve("content/01-intro.md"), "title=Fixture introduction", "title=Fixture introduction, renamed");
    PublishResult renamed = preview.publish(request(src, out));
    assertTrue(renamed.ok(), () -> String.join("\n", renamed.problems()));
    assertTrue(renamed.stages().containsKey("bake"), "a title is in every page's chapter list: " + renamed.stages());
    assertTrue(Files.readString(out.resolve("02-ridge.html"), StandardCharsets.UTF_8).contains("Fixture introduction, renamed"));

    Files.writeString(src.resolve("data/notes.txt"), "a file beside the data", StandardCharsets.UTF_8);
    PublishResult other = preview.publish(request(src, out));
    assertTrue(other.stages().containsKey("bake"), "any input besides chapter text: " + other.stages());
    // That bake rendered chapters this publisher parsed in earlier builds (ParsedPages): the same
    // site as a publisher that parses everything afresh.
    Path fresh = temp.resolve("fresh");
    assertTrue(new GuidePublisher().publish(request(src, fresh)).ok());
    assertEquals(files(fresh), files(out), "a full bake from reused parses differs from a fresh build");

    PublishResult unchanged = preview.publish(request(src, out));
    assertTrue(unchanged.stages().containsKey("refresh 0 chapter(s)"), unchanged.stages().toString());

    Files.delete(out.resolve("index.html"));
    PublishResult restored = preview.publish(request(src, out));
    assertTrue(restored.stages().containsKey("bake"), "a page missing from the last site: " + restored.stages());
    assertTrue(Files.isRegularFile(out.resolve("index.html")));
  }
}
