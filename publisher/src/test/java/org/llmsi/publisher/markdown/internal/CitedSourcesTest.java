package org.llmsi.publisher.markdown.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.report.Location;
import org.llmsi.verifier.units.Unit;
import org.llmsi.verifier.units.UnitParser;

class CitedSourcesTest {
  /** The list as the renderer writes it into a page: through flexmark's renderer, with its context. */
  private static String html(List<DataValue> cited) {
    com.vladsch.flexmark.html.renderer.NodeRenderer writer = new com.vladsch.flexmark.html.renderer.NodeRenderer() {
      @Override
      public java.util.Set<com.vladsch.flexmark.html.renderer.NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return java.util.Set.of(new com.vladsch.flexmark.html.renderer.NodeRenderingHandler<>(
            com.vladsch.flexmark.util.ast.Document.class, (doc, context, out) -> CitedSources.write(cited, out)));
      }
    };
    return com.vladsch.flexmark.html.HtmlRenderer.builder().nodeRendererFactory(options -> writer).build()
        .render(com.vladsch.flexmark.parser.Parser.builder().build().parse(""));
  }

  private static DataValue value(String key, double value, String unit, String source) throws Exception {
    return new DataValue(key, value, unit.isEmpty() ? Unit.NONE : UnitParser.parse(unit), source,
        Location.of(Path.of("data/models.yaml"), 1, 1));
  }

  @Test
  void figuresOfOneRecordFromOneDocumentShareAnItem() throws Exception {
    String html = html(List.of(
        value("models.m.n_layers", 32, "", "org/m config.json, num_hidden_layers"),
        value("gpus.g.hbm_bw", 3.35, "TB/s", "G datasheet, memory bandwidth"),
        value("models.m.d_ff", 11008, "", "org/m config.json, intermediate_size")));
    assertEquals("""
        <section class="data-sources">
        <h2 id="data-sources">Data used in the examples</h2>
        <ol class="sources">
        <li id="data-1"><code>models.m</code> from org/m config.json: n_layers = 32 (num_hidden_layers); d_ff = 11,008 (intermediate_size)</li>
        <li id="data-2"><code>gpus.g.hbm_bw</code> = 3.35 TB/s: G datasheet, memory bandwidth</li>
        </ol>
        </section>
        """, html);
  }

  @Test
  void aPlaceThatIsTheFieldsOwnNameIsNotRepeated() throws Exception {
    String html = html(List.of(
        value("models.d.kv_lora_rank", 512, "", "org/d config.json, kv_lora_rank"),
        value("models.d.n_layers", 61, "", "org/d config.json, num_hidden_layers")));
    assertEquals("""
        <section class="data-sources">
        <h2 id="data-sources">Data used in the examples</h2>
        <ol class="sources">
        <li id="data-1"><code>models.d</code> from org/d config.json: kv_lora_rank = 512; n_layers = 61 (num_hidden_layers)</li>
        </ol>
        </section>
        """, html);
  }

  @Test
  void theDocumentEndsAtTheFirstCommaOutsideParentheses() throws Exception {
    String html = html(List.of(
        value("models.g.n_heads", 96, "", "Paper (Brown et al. 2020, arXiv:1), Table 2.1, n_heads"),
        value("models.g.d_head", 128, "", "Paper (Brown et al. 2020, arXiv:1), Table 2.1, d_head")));
    assertEquals("""
        <section class="data-sources">
        <h2 id="data-sources">Data used in the examples</h2>
        <ol class="sources">
        <li id="data-1"><code>models.g</code> from Paper (Brown et al. 2020, arXiv:1): n_heads = 96 (Table 2.1, n_heads); d_head = 128 (Table 2.1, d_head)</li>
        </ol>
        </section>
        """, html);
  }

  @Test
  void aSourceWithoutADocumentAndAPlaceStaysWhole() throws Exception {
    String html = html(List.of(
        value("models.m.params", 7.3e9, "", "Announcement (example.org, Sept 2023): 7.3B"),
        value("models.m.tied", 1, "", "model.py (the architecture it reuses): logits use wte")));
    assertEquals("""
        <section class="data-sources">
        <h2 id="data-sources">Data used in the examples</h2>
        <ol class="sources">
        <li id="data-1"><code>models.m.params</code> = 7,300,000,000: Announcement (example.org, Sept 2023): 7.3B</li>
        <li id="data-2"><code>models.m.tied</code> = 1: model.py (the architecture it reuses): logits use wte</li>
        </ol>
        </section>
        """, html);
  }

  @Test
  void everyFigureIsWrittenExactlyAndVeryLargeOrSmallOnesAsTheStepTableWritesThem() {
    assertEquals("11,008", CitedSources.number(11008));
    assertEquals("3.35", CitedSources.number(3.35));
    assertEquals("0.0005", CitedSources.number(5e-4));
    assertEquals("123456789.5", CitedSources.number(123456789.5));
    assertEquals("999,999,999,999,999", CitedSources.number(999_999_999_999_999d));
    assertEquals("5.76e23", CitedSources.number(5.76e23), "not Java's 5.76E23");
    assertEquals("1e15", CitedSources.number(1e15));
    assertEquals("-3.8e25", CitedSources.number(-3.8e25));
    assertEquals("2.5e-5", CitedSources.number(2.5e-5));
    assertEquals("1.2345678901234567e20", CitedSources.number(1.2345678901234567e20), "every digit stays");
  }

  @Test
  void noFiguresNoList() {
    assertEquals("", html(List.of()));
  }
}
