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

  @Test
  void renderedAheadOnAnotherThreadEqualsRenderedInPlace() throws Exception {
    ChapterRenderer renderer = new ChapterRenderer(guide, new MathRenderer());
    ChapterBodies bodies = new ChapterBodies(book, renderer, "https://example.org/edit/");
    CompletableFuture<Void> ahead = CompletableFuture.runAsync(bodies::renderAhead);
    for (Chapter c : book.chapters()) {
      ChapterBodies.Rendered taken = bodies.take(c);
      String alone = new ChapterRenderer(guide, new MathRenderer()).render(c.page(), ChapterModel.rootPath(c.uri()));
      assertEquals(alone, taken.html(), c.shownFile());
      assertEquals(ChapterModel.of(book, c, alone, "https://example.org/edit/"), taken.model(), c.shownFile());
    }
    ahead.join();
  }

  @Test
  void aChapterIsRenderedFromTheDocumentTheVerifierCheckedWhateverTheFileSaysNow() {
    ChapterBodies bodies = new ChapterBodies(book, new ChapterRenderer(guide, new MathRenderer()), "");
    Chapter first = book.chapters().get(0);
    String html = bodies.take(first).html();
    String verifiedText = first.page().file().text();
    String firstWords = verifiedText.substring(verifiedText.indexOf("~~~~~~") + 6).strip().split("\n")[0].replace("# ", "");
    assertTrue(html.contains(firstWords), html);
  }
}
