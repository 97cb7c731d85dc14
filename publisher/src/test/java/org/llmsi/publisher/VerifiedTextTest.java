package org.llmsi.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.publisher.appendix.FormulaAppendix;
import org.llmsi.publisher.bake.Book;
import org.llmsi.publisher.bake.Chapter;
import org.llmsi.publisher.bake.SiteBaker;
import org.llmsi.publisher.bake.SiteSettings;
import org.llmsi.publisher.fixtures.FixtureCatalogs;
import org.llmsi.publisher.markdown.ChapterRenderer;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.publisher.output.SitePages;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.model.VerifiedGuide;

/** The bake publishes the text the verifier checked, not whatever the file holds by then. */
class VerifiedTextTest {
  @Test
  void anEditSavedAfterVerificationIsNotPublished(@TempDir Path tmp) throws Exception {
    Path src = Fixtures.copyOfSiteSrc("basic", tmp.resolve("site-src"));
    VerifyOptions options = VerifyOptions.of(src).withCatalog(FixtureCatalogs.BASIC).withTries(20);
    VerifiedGuide guide = new Verifier(options).verify().guide();
    SiteSettings settings = SiteSettings.read(src, Fixtures.TEMPLATES);
    Book book = Book.of(settings.title(), settings.description(), guide, options.contentDir());
    Chapter first = book.chapters().get(0);
    // Saved in an editor while the build runs, after verification and before the bake stages it.
    String verified = Files.readString(first.source(), StandardCharsets.UTF_8);
    Files.writeString(first.source(), verified.replace("# Fixture introduction", "# An unverified edit"),
        StandardCharsets.UTF_8);

    Path site = tmp.resolve("site");
    MathRenderer math = new MathRenderer();
    SitePages pages = new SiteBaker(settings).bake(false, tmp.resolve("stage"), site, book,
        new ChapterRenderer(guide, math), new FormulaAppendix(guide, book, math, settings.templates()), null);
    assertEquals("Fixture introduction", pages.page(first.uri()).selectFirst("article h1").text());
  }
}
