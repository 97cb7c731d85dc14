package org.llmsi.publisher.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.llmsi.publisher.fixtures.FixtureCatalogs;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.source.Page;
import org.llmsi.verifier.source.PageReader;
import org.llmsi.verifier.source.SourceFile;
import org.llmsi.verifier.model.VerifiedGuide;

/** Markdown in, HTML (and AST) out, for the guide's blocks, against the verified basic fixture. */
class GuideBlocksExtensionTest {
  static VerifiedGuide guide;
  static String ridgeFile;

  @BeforeAll
  static void verify() {
    VerificationResult result = new Verifier(VerifyOptions.of(Path.of("src/test/resources/fixtures/basic/site-src"))
        .withCatalog(FixtureCatalogs.BASIC).withTries(20)).verify();
    guide = result.guide();
    ridgeFile = guide.formula("ridge_point").orElseThrow().location().file().toString();
  }

  /** A page read by the verifier's parser, as a chapter is, but not verified: only its formulas resolve (by id). */
  private static Element render(String markdown) {
    Page page = new PageReader().read(SourceFile.of(Path.of(ridgeFile), Path.of(ridgeFile), markdown), new org.llmsi.verifier.report.Diagnostics());
    return Jsoup.parseBodyFragment(new ChapterRenderer(guide, new MathRenderer()).render(page, "")).body();
  }

  private static Page verifiedRidgePage() {
    return guide.pages().stream().filter(p -> p.file().shownPath().toString().equals(ridgeFile)).findFirst().orElseThrow();
  }

  @Test
  void formulaRendersAnchoredMathWhereListAndVerificationLink() {
    Element figure = render("```formula ridge_point\nI_ridge = P_peak / B_mem\n```\n").selectFirst("figure.formula#ridge_point");
    // Symbols are set as text (SymbolHtml): an italic letter and an upright subscript.
    assertEquals(List.of("<var>I</var><sub>ridge</sub>", "<var>P</var><sub>peak</sub>", "<var>B</var><sub>mem</sub>"),
        figure.select("dl.where dt").stream().map(Element::html).toList());
    assertEquals("formula-appendix.html#ridge_point", figure.selectFirst("p.verified a").attr("href"));
    // A quiet badge: the tries it passed; the reference's code name and seed are left to the appendix entry.
    assertEquals("verified: agrees with its reference on 20 random inputs; units checked.", figure.selectFirst("p.verified").text());
  }

  @Test
  void exampleRendersFromTheVerifiedNodeNotFromEqualText() {
    Element page = Jsoup.parseBodyFragment(new ChapterRenderer(guide, new MathRenderer()).render(verifiedRidgePage(), "")).body();
    Element figure = page.selectFirst("figure.example#example-ridge-point-of-an-h100-sxm-bf16-dense");
    assertEquals(List.of("gpu", "ridge", "ridge point at the sparse peak"), figure.select("table.steps th").eachText());
    // The same text parsed again is not the verified document: its example cannot be published.
    String text = verifiedRidgePage().file().text();
    String fence = text.substring(text.indexOf("```example"), text.indexOf("```", text.indexOf("```example") + 3) + 3);
    GuideBlockException e = assertThrows(GuideBlockException.class, () -> render("\n" + fence + "\n"));
    assertTrue(e.getMessage().startsWith(ridgeFile + ":2: error: example \"Ridge point"), e.getMessage());
  }

  @Test
  void unverifiedFormulaIsALocatedError() {
    GuideBlockException e = assertThrows(GuideBlockException.class, () -> render("\n\n```formula nope\nx = y\n```\n"));
    assertEquals(ridgeFile + ":3: error: formula 'nope' was not verified, so it cannot be published", e.getMessage());
  }

  @Test
  void referencesInAChaptersTextAreLinksButNotInHeadingsOrLinks() {
    Element body = render("""
        ## Sources arXiv:2001.08361

        - J. Kaplan et al., "Scaling Laws", arXiv:2001.08361, 2020; [arXiv:2203.15556](https://example.org/c).
        - `meta-llama/llama-models`, the NVIDIA/nccl issue 1264 thread; NVIDIA/nccl-tests `doc/PERFORMANCE.md`.
        """);
    assertEquals("Sources arXiv:2001.08361", body.selectFirst("h2").text());
    assertTrue(body.select("h2 a:not(.heading-anchor)").isEmpty(), "a heading stays text: the contents and search read it");
    assertEquals(List.of("https://arxiv.org/abs/2001.08361", "https://example.org/c", "https://github.com/NVIDIA/nccl/issues/1264",
        "https://github.com/NVIDIA/nccl-tests"), body.select("li a").eachAttr("href"),
        "the chapter's own link is kept as written, not linked again inside; a file in code names a repository");
    assertEquals("J. Kaplan et al., \"Scaling Laws\", arXiv:2001.08361, 2020; arXiv:2203.15556.", body.selectFirst("li").text());
  }

  @Test
  void inlineMathFollowsPandocsDollarRule() {
    Element p = render("Ratio $I = W / Q$; costs $5 and $10; a \\$ sign; $ spaced $ is prose.").selectFirst("p");
    assertEquals(List.of("I equals W over Q"), p.select("img.math").eachAttr("alt"));
    assertTrue(p.text().contains("costs $5 and $10; a $ sign; $ spaced $ is prose."), p.text());
  }

  @Test
  void otherFencesStayCode() {
    assertEquals("x = 1", render("```python\nx = 1\n```\n").selectFirst("pre code").text());
  }
}
