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
        <h2 id="data-sources">Data used in the examples<a class="heading-anchor" href="#data-sources" aria-label="Link to this section"></a></h2>
        <ol class="sources">
        <li id="data-1"><code>models.m</code> from <a href="https://huggingface.co/org/m">org/m</a> config.json: n_layers = 32 (num_hidden_layers); d_ff = 11,008 (intermediate_size)</li>
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
        <h2 id="data-sources">Data used in the examples<a class="heading-anchor" href="#data-sources" aria-label="Link to this section"></a></h2>
        <ol class="sources">
        <li id="data-1"><code>models.d</code> from <a href="https://huggingface.co/org/d">org/d</a> config.json: kv_lora_rank = 512; n_layers = 61 (num_hidden_layers)</li>
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
        <h2 id="data-sources">Data used in the examples<a class="heading-anchor" href="#data-sources" aria-label="Link to this section"></a></h2>
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
        <h2 id="data-sources">Data used in the examples<a class="heading-anchor" href="#data-sources" aria-label="Link to this section"></a></h2>
        <ol class="sources">
        <li id="data-1"><code>models.m.params</code> = 7,300,000,000: Announcement (example.org, Sept 2023): 7.3B</li>
        <li id="data-2"><code>models.m.tied</code> = 1: model.py (the architecture it reuses): logits use wte</li>
        </ol>
        </section>
        """, html);
  }

  /** One source through the list: its item's HTML after the value. */
  private static String linked(String source) throws Exception {
    String html = html(List.of(value("papers.p.x", 1, "", source)));
    return html.substring(html.indexOf(" = 1: ") + 6, html.indexOf("</li>"));
  }

  @Test
  void arxivIdsDoisAndGithubAddressesInASourceAreLinks() throws Exception {
    assertEquals("Chinchilla (<a href=\"https://arxiv.org/abs/2203.15556\">arXiv:2203.15556</a>), Table 3",
        linked("Chinchilla (arXiv:2203.15556), Table 3"));
    assertEquals("<a href=\"https://arxiv.org/abs/2412.19437v2\">arXiv:2412.19437v2</a>, section 4",
        linked("arXiv:2412.19437v2, section 4"), "a version stays in the address");
    assertEquals("PagedAttention, <a href=\"https://doi.org/10.1145/3600006.3613165\">doi:10.1145/3600006.3613165</a>.",
        linked("PagedAttention, doi:10.1145/3600006.3613165."), "the sentence's full stop is not the DOI's");
    assertEquals("SOSP (<a href=\"https://doi.org/10.1145/3600006.3613165\">10.1145/3600006.3613165</a>)",
        linked("SOSP (10.1145/3600006.3613165)"));
    assertEquals("<a href=\"https://github.com/jy-yuan/KIVI\">github.com/jy-yuan/KIVI</a>, quant/new_pack.py",
        linked("github.com/jy-yuan/KIVI, quant/new_pack.py"));
  }

  @Test
  void anOwnerAndNameIsALinkOnlyWhereTheSourceSaysWhatItIs() throws Exception {
    assertEquals("nvidia-smi (<a href=\"https://github.com/NVIDIA/nccl/issues/1264\">NVIDIA/nccl issue 1264</a>;"
        + " <a href=\"https://github.com/modal-labs/modal-client/pull/2797\">modal-labs/modal-client pull request 2797</a>)",
        linked("nvidia-smi (NVIDIA/nccl issue 1264; modal-labs/modal-client pull request 2797)"));
    assertEquals("the maintainer in <a href=\"https://github.com/NVIDIA/nccl/issues/1031\">NVIDIA/nccl#1031</a>",
        linked("the maintainer in NVIDIA/nccl#1031"));
    assertEquals("<a href=\"https://github.com/meta-llama/llama-models\">meta-llama/llama-models</a>,"
        + " models/llama3/reference_impl/model.py, apply_scaling", linked("meta-llama/llama-models, models/llama3/reference_impl/model.py, apply_scaling"));
    assertEquals("tuning.cc (<a href=\"https://github.com/NVIDIA/nccl\">NVIDIA/nccl</a>, commit 01afd20)",
        linked("tuning.cc (NVIDIA/nccl, commit 01afd20)"));
    assertEquals("<a href=\"https://github.com/meta-llama/llama\">meta-llama/llama</a> repository, llama/model.py",
        linked("meta-llama/llama repository, llama/model.py"));
    assertEquals("the authors' repository <a href=\"https://github.com/huggingface/datablations\">huggingface/datablations</a>, README",
        linked("the authors' repository huggingface/datablations, README"));
    assertEquals("<a href=\"https://huggingface.co/meta-llama/Llama-3.1-8B\">meta-llama/Llama-3.1-8B</a> config.json, rope_theta",
        linked("meta-llama/Llama-3.1-8B config.json, rope_theta"), "a model configuration is on the Hugging Face Hub");
    assertEquals("<a href=\"https://github.com/deepseek-ai/FlashMLA\">deepseek-ai/FlashMLA</a> README.md, Performance",
        linked("deepseek-ai/FlashMLA README.md, Performance"));
    // What does not say it is a repository stays text: a model's name, a unit, a file in no repository.
    for (String text : List.of("copies that name meta-llama/Llama-3.1-8B as their origin", "312 TFLOP/s, 19.5 dense",
        "FP16/BF16 e.g. 5 dense",
        "a public GitHub repository; the same total", "src/graph/tuning.cc, hwLat table", "arXiv:1, Table 2")) {
      assertEquals(text.replace("'", "&#39;"), linked(text));
    }
  }

  @Test
  void aSharedDocumentIsLinkedByWhatTheWholeSourceSays() throws Exception {
    String html = html(List.of(
        value("runs.mpt.n_gpu", 8, "", "mosaicml/llm-foundry, scripts/train/benchmarking/README.md, n_gpu"),
        value("runs.mpt.mfu", 40, "", "mosaicml/llm-foundry, scripts/train/benchmarking/README.md, (Chinchilla, arXiv:2203.15556)")));
    assertEquals("""
        <section class="data-sources">
        <h2 id="data-sources">Data used in the examples<a class="heading-anchor" href="#data-sources" aria-label="Link to this section"></a></h2>
        <ol class="sources">
        <li id="data-1"><code>runs.mpt</code> from <a href="https://github.com/mosaicml/llm-foundry">mosaicml/llm-foundry</a>: \
        n_gpu = 8 (scripts/train/benchmarking/README.md, n_gpu); \
        mfu = 40 (scripts/train/benchmarking/README.md, (Chinchilla, <a href="https://arxiv.org/abs/2203.15556">arXiv:2203.15556</a>))</li>
        </ol>
        </section>
        """, html, "the repository is named alone, and known to be one by the file its place names");
  }

  @Test
  void noFiguresNoList() {
    assertEquals("", html(List.of()));
  }
}
