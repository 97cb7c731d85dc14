package org.llmsi.verifier.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;

/** The live preview parses only the chapters whose text changed, and reports what a fresh run reports. */
class ParsedPagesTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");

  @TempDir
  Path temp;

  private VerifyOptions options(Path site, ParsedPages pages) {
    return VerifyOptions.of(site).withDataDir(CORPUS.resolve("_data")).withTries(50)
        .withCatalog("org.llmsi.verifier.corpus.CorpusCatalogs#ridge").withDisplayBase(temp).withParsedPages(pages);
  }

  private Path copy(String fixture) throws IOException {
    Path site = temp.resolve(fixture);
    Path content = Files.createDirectories(site.resolve("content"));
    try (var files = Files.list(CORPUS.resolve(fixture).resolve("content"))) {
      for (Path p : files.toList()) Files.copy(p, content.resolve(p.getFileName()));
    }
    return site;
  }

  private static Page page(VerificationResult r) {
    return r.guide().pages().get(0);
  }

  @Test
  void anUnchangedChapterIsReusedAndAnEditedOneParsedAgain() throws IOException {
    Path site = copy("ok-passing-guide");
    ParsedPages pages = new ParsedPages();
    Page first = page(new Verifier(options(site, pages)).verify());
    assertSame(first, page(new Verifier(options(site, pages)).verify()), "unchanged text: the same parse");
    Path chapter = site.resolve("content/page.md");
    Files.writeString(chapter, Files.readString(chapter) + "\nAn added sentence.\n");
    VerificationResult edited = new Verifier(options(site, pages)).verify();
    assertNotSame(first, page(edited), "edited text: parsed again");
    assertEquals(new Verifier(options(site, null)).verify().summary().line(false), edited.summary().line(false));
    assertEquals(2, pages.size());
  }

  @Test
  void aReusedChapterReportsItsReadingErrorsAgain() throws IOException {
    Path site = copy("bad-front-matter-no-header");
    ParsedPages pages = new ParsedPages();
    VerificationResult fresh = new Verifier(options(site, null)).verify();
    assertFalse(fresh.ok());
    new Verifier(options(site, pages)).verify();
    assertEquals(fresh.diagnostics(), new Verifier(options(site, pages)).verify().diagnostics());
  }
}
