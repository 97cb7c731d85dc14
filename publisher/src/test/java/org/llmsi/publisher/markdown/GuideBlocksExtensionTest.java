package org.llmsi.publisher.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
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

  private static Element render(String markdown, int firstLine) {
    return Jsoup.parseBodyFragment(new ChapterRenderer(guide, new MathRenderer()).render(ridgeFile, firstLine, markdown)).body();
  }

  @Test
  void formulaFenceBecomesAFormulaNodeWithItsLine() {
    MutableDataSet options = new MutableDataSet()
        .set(Parser.EXTENSIONS, List.of(GuideBlocksExtension.create()))
        .set(GuideBlocksExtension.FIRST_LINE, 8);
    Document doc = Parser.builder(options).build().parse("Text\n\n```formula ridge_point\nI_ridge = P_peak / B_mem\n```\n");
    FormulaBlock block = (FormulaBlock) doc.getLastChild();
    assertEquals("ridge_point", block.formulaId());
    assertEquals(10, block.line());
  }

  @Test
  void formulaRendersAnchoredMathWhereListAndVerificationLink() {
    Element figure = render("```formula ridge_point\nI_ridge = P_peak / B_mem\n```\n", 12).selectFirst("figure.formula#ridge_point");
    assertEquals(List.of("I_{\\text{ridge}}", "P_{\\text{peak}}", "B_{\\text{mem}}"),
        figure.select("dl.where dt img.math").eachAttr("alt"));
    assertEquals("formula-appendix.html#ridge_point", figure.selectFirst("p.verified a").attr("href"));
    assertTrue(figure.selectFirst("p.verified").text().contains("Basic.ridgePoint on 20 random inputs (seed 20261128)"));
  }

  @Test
  void exampleIsFoundByItsFenceLineAndRendersItsSteps() {
    String example = "```example \"Ridge point of an H100 SXM, BF16 dense\"\n"
        + "gpu = gpus.h100_sxm\n"
        + "ridge = ridge_point(P_peak = gpu.bf16_dense, B_mem = gpu.hbm_bw) ≈ 295 FLOP/B\n"
        + "wrong = ridge_point(P_peak = gpu.bf16_sparse, B_mem = gpu.hbm_bw) ≈ 591 FLOP/B\n```\n";
    Element figure = render(example, 18).selectFirst("figure.example#example-ridge-point-of-an-h100-sxm-bf16-dense");
    assertEquals(List.of("gpu", "ridge", "wrong"), figure.select("table.steps > tbody th").eachText());
    assertThrows(GuideBlockException.class, () -> render(example, 30), "at another line it is not the verified example");
  }

  @Test
  void unverifiedFormulaIsALocatedError() {
    GuideBlockException e = assertThrows(GuideBlockException.class, () -> render("\n```formula nope\nx = y\n```\n", 40));
    assertEquals(ridgeFile + ":41: error: formula 'nope' was not verified, so it cannot be published", e.getMessage());
  }

  @Test
  void inlineMathFollowsPandocsDollarRule() {
    Element p = render("Ratio $I = W / Q$; costs $5 and $10; a \\$ sign; $ spaced $ is prose.", 1).selectFirst("p");
    assertEquals(List.of("I = W / Q"), p.select("img.math").eachAttr("alt"));
    assertTrue(p.text().contains("costs $5 and $10; a $ sign; $ spaced $ is prose."), p.text());
  }

  @Test
  void otherFencesStayCode() {
    assertEquals("x = 1", render("```python\nx = 1\n```\n", 1).selectFirst("pre code").text());
  }
}
