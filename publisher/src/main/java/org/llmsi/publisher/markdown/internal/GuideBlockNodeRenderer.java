package org.llmsi.publisher.markdown.internal;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import org.llmsi.publisher.markdown.GuideBlockException;
import org.llmsi.verifier.source.markdown.ValueRef;
import org.llmsi.verifier.source.markdown.InlineMath;
import org.llmsi.verifier.data.DataValue;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.model.ExampleStep;
import org.llmsi.verifier.model.VerifiedExample;
import org.llmsi.verifier.model.VerifiedFormula;

/**
 * Renders the guide's own nodes; every other node is left to flexmark's core renderer.
 *
 * <p>A formula becomes display math with its id as anchor, a "where" list of its symbols and a mark
 * linking to its appendix entry; an example becomes a table of its steps, each claim with its
 * stated value and the value the build computed, then the data it cites ({@link CitedSources}).
 * Both read the verified guide, so a block the verifier did not check cannot be published.
 */
public final class GuideBlockNodeRenderer implements NodeRenderer {
  private final GuideBlocksOptions options;

  GuideBlockNodeRenderer(DataHolder data) {
    this.options = GuideBlocksOptions.of(data);
  }

  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(
        new NodeRenderingHandler<>(FencedCodeBlock.class, this::renderFence),
        new NodeRenderingHandler<>(InlineMath.class, this::renderInlineMath),
        new NodeRenderingHandler<>(ValueRef.class, (node, context, html) -> {})); // for the verifier only
  }

  private void renderInlineMath(InlineMath node, NodeRendererContext context, HtmlWriter html) {
    String tex = options.guide() == null ? node.tex() : options.guide().tex(node);
    html.raw(options.math().inline(tex).img(options.rootPath()));
  }

  /** A formula, example or plot fence renders from what the verifier checked; any other fence as code. */
  private void renderFence(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
    String info = node.getInfo().toString().strip();
    String kind = info.split("\\s+", 2)[0];
    if (kind.equals("formula")) {
      renderFormula(node, info.substring(kind.length()).strip(), html);
    } else if (kind.equals("example")) {
      renderExample(node, html);
    } else if (kind.equals("plot")) {
      var plot = options.guide() == null ? null : options.guide().plot(node).orElse(null);
      if (plot == null) {
        throw new GuideBlockException(options.chapterFile(), line(node),
            "plot " + info.substring(kind.length()).strip() + " was not verified, so it cannot be published");
      }
      PlotSvg.write(plot, html);
    } else {
      context.delegateRender();
    }
  }

  private int line(FencedCodeBlock node) {
    return node.getDocument().getLineNumber(node.getStartOffset()) + 1;
  }

  private void renderFormula(FencedCodeBlock node, String id, HtmlWriter html) {
    VerifiedFormula formula = options.guide() == null ? null : options.guide().formula(id).orElse(null);
    if (formula == null) {
      throw new GuideBlockException(options.chapterFile(), line(node),
          "formula '" + id + "' was not verified, so it cannot be published");
    }
    html.attr("class", "formula").attr("id", formula.id()).withAttr().tag("figure").line();
    html.attr("class", "formula-math").withAttr().tag("div")
        .raw(options.math().display(formula.tex()).img(options.rootPath())).tag("/div").line();
    html.tag("figcaption").line();
    if (!formula.symbols().isEmpty()) {
      html.attr("class", "where-label").withAttr().tag("p").text("where").tag("/p").line();
      html.attr("class", "where").withAttr().tag("dl").line();
      for (SymbolDef symbol : formula.symbols()) {
        html.tag("dt").raw(options.math().inline(symbol.tex()).img(options.rootPath())).tag("/dt");
        html.tag("dd").text(symbol.meaning()).text(" ");
        html.attr("class", "unit").withAttr().tag("span").text("[" + symbol.unitText() + "]").tag("/span");
        html.tag("/dd").line();
      }
      html.tag("/dl").line();
    }
    html.attr("class", "verified").withAttr().tag("p");
    html.attr("href", options.appendixHref() + "#" + formula.id()).withAttr().tag("a")
        .text(formula.id() + " verified").tag("/a");
    html.text(": agrees with ").tag("code").text(formula.reference()).tag("/code")
        .text(String.format(Locale.ROOT, " on %,d random inputs (seed %d); units checked.", formula.tries(), formula.seed()))
        .tag("/p").line();
    html.tag("/figcaption").line().tag("/figure").line();
  }

  private void renderExample(FencedCodeBlock node, HtmlWriter html) {
    VerifiedExample example = options.guide() == null ? null : options.guide().example(node).orElse(null);
    if (example == null) {
      throw new GuideBlockException(options.chapterFile(), line(node),
          "example " + node.getInfo().toString().strip().substring("example".length()).strip()
              + " was not verified, so it cannot be published");
    }
    html.attr("class", "example").attr("id", options.guide().exampleAnchor(example)).withAttr().tag("figure").line();
    html.tag("figcaption").attr("class", "example-label").withAttr().tag("span").text("Worked example").tag("/span")
        .text(" " + example.title()).tag("/figcaption").line();
    // Two rows per step: the typeset expression gets the table's full width, so long calls with
    // data keys fit a printed page; name, value and check stay together on the row above it.
    // A th in a row of th cells heads its column: no scope attribute needed.
    html.attr("class", "steps").withAttr().tag("table").line();
    html.tag("thead").tag("tr");
    for (String head : new String[] {"name", "value", "check"}) html.tag("th").text(head).tag("/th");
    html.tag("/tr").tag("/thead").line();
    // One tbody per step. Cells are styled by position, not by class: the name heads the row (the
    // stylesheets set it as the code it is), the value follows it, the check follows the value,
    // the expression spans its row; only a claim is marked.
    Map<String, DataValue> cited = new LinkedHashMap<>();
    for (ExampleStep step : example.steps()) {
      if (step.isClaim()) html.attr("class", "claim").withAttr();
      html.tag("tbody").line().tag("tr");
      // A th leading a row of td cells heads that row: no scope attribute needed.
      html.tag("th").text(step.name()).tag("/th");
      html.tag("td").text(step.computed()).tag("/td");
      html.tag("td"); // empty when nothing is stated: a short row makes openhtmltopdf step the header's rule
      if (step.isClaim()) html.text("stated " + step.claimed() + ": matches");
      html.tag("/td").tag("/tr").line();
      if (!step.given()) { // a given's value row already says it all; show only what was computed
        // The expression as written, which is the code that ran: exact, searchable and light.
        html.tag("tr").attr("colspan", "3").withAttr().tag("td").tag("code").text(step.expression())
            .tag("/code").tag("/td").tag("/tr").line();
      }
      html.tag("/tbody").line();
      step.cites().forEach(v -> cited.putIfAbsent(v.key(), v));
    }
    html.tag("/table").line();
    CitedSources.write(cited.values(), html);
    html.tag("/figure").line();
  }

  /** Creates the renderer with the document's options. */
  public static final class Factory implements NodeRendererFactory {
    @Override
    public NodeRenderer apply(DataHolder options) {
      return new GuideBlockNodeRenderer(options);
    }
  }
}
