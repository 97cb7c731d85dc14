package org.llmsi.publisher.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.llmsi.publisher.fixtures.FixtureCatalogs;
import org.llmsi.publisher.markdown.ChapterRenderer;
import org.llmsi.publisher.markdown.GuideBlockException;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.model.VerifiedGuide;

/** Chapters rendered ahead on one thread and taken on another give what one thread alone renders. */
class ChapterBodiesTest {
  static final Path SITE_SRC = Path.of("src/test/resources/fixtures/basic/site-src");
  static VerifiedGuide guide;
  static Book book;

  @BeforeAll
  static void verify() {
    VerifyOptions options = VerifyOptions.of(SITE_SRC).withCatalog(FixtureCatalogs.BASIC).withTries(20);
    guide = new Verifier(options).verify().guide();
    book = Book.of("Fixture", "", guide, options.contentDir());
  }

  private static Map<Path, String> texts() {
    return Book.verifiedTexts(guide);
  }

  @Test
  void bodyIsWhatJBakeHandsOverAndCountsLinesFromTheTop() {
    ChapterBodies.Body body = ChapterBodies.Body.of("title=T\r\nstatus=published\r\n~~~~~~\r\n# T\r\n\r\nText.\r\n");
    assertEquals("# T\n\nText.\n", body.markdown(), "lines end in \\n, with no empty line after the last");
    assertEquals(4, body.firstLine());
    assertEquals(new ChapterBodies.Body("no header\n", 1), ChapterBodies.Body.of("no header\n"));
  }

  @Test
  void renderedAheadOnAnotherThreadEqualsRenderedInPlace() throws Exception {
    ChapterRenderer renderer = new ChapterRenderer(guide, new MathRenderer());
    ChapterBodies bodies = new ChapterBodies(book, renderer, "https://example.org/edit/", texts());
    CompletableFuture<Void> ahead = CompletableFuture.runAsync(bodies::renderAhead);
    for (Chapter c : book.chapters()) {
      ChapterBodies.Body body = ChapterBodies.Body.of(texts().get(c.source()));
      ChapterBodies.Rendered taken = bodies.take(c, body.markdown());
      String alone = new ChapterRenderer(guide, new MathRenderer())
          .render(c.shownFile(), ChapterModel.rootPath(c.uri()), body.firstLine(), body.markdown());
      assertEquals(alone, taken.html(), c.shownFile());
      assertEquals(ChapterModel.of(book, c, alone, "https://example.org/edit/"), taken.model(), c.shownFile());
    }
    ahead.join();
  }

  @Test
  void aBodyJBakeReadDifferentlyIsRenderedAsJBakeReadIt() throws Exception {
    ChapterBodies bodies = new ChapterBodies(book, new ChapterRenderer(guide, new MathRenderer()), "", texts());
    bodies.renderAhead();
    Chapter first = book.chapters().get(0);
    String ahead = bodies.take(first, ChapterBodies.Body.of(texts().get(first.source())).markdown()).html();
    String changed = bodies.take(first, "# Another title\n").html();
    assertNotEquals(ahead, changed);
    assertTrue(changed.contains("Another title"), changed);
  }

  @Test
  void aBodyThatCannotBeRenderedAheadIsReportedWhenTaken() {
    Map<Path, String> texts = new HashMap<>(texts());
    Chapter second = book.chapters().get(1);
    texts.put(second.source(), "title=X\nstatus=published\n~~~~~~\n\n```formula nope\nx = y\n```\n");
    ChapterBodies bodies = new ChapterBodies(book, new ChapterRenderer(guide, new MathRenderer()), "", texts);
    bodies.renderAhead(); // the failure stays with the chapter until JBake asks for it
    GuideBlockException e = assertThrows(GuideBlockException.class,
        () -> bodies.take(second, "\n```formula nope\nx = y\n```\n"));
    assertEquals(second.shownFile() + ":5: error: formula 'nope' was not verified, so it cannot be published", e.getMessage());
  }
}
