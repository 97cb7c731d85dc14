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

  /** A formula or example fence renders from what the verifier checked; any other fence as code. */
  private void renderFence(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
    String info = node.getInfo().toString().strip();
    String kind = info.split("\\s+", 2)[0];
    if (kind.equals("formula")) {
      renderFormula(node, info.substring(kind.length()).strip(), html);
    } else if (kind.equals("example")) {
      renderExample(node, html);
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
    StringBuilder out = new StringBuilder();
    String anchor = escape(formula.id());
    out.append("<figure class=\"formula\" id=\"").append(anchor).append("\">\n");
    out.append("<div class=\"formula-math\">").append(options.math().display(formula.tex()).img(options.rootPath())).append("</div>\n");
    out.append("<figcaption>\n");
    if (!formula.symbols().isEmpty()) {
      out.append("<p class=\"where-label\">where</p>\n<dl class=\"where\">\n");
      for (SymbolDef symbol : formula.symbols()) {
        out.append("<dt>").append(options.math().inline(symbol.tex()).img(options.rootPath())).append("</dt>")
            .append("<dd>").append(escape(symbol.meaning()))
            .append(" <span class=\"unit\">[").append(escape(symbol.unitText())).append("]</span></dd>\n");
      }
      out.append("</dl>\n");
    }
    out.append("<p class=\"verified\"><a href=\"").append(escape(options.appendixHref())).append('#').append(anchor)
        .append("\">").append(anchor).append(" verified</a>: ")
        .append("agrees with <code>").append(escape(formula.reference())).append("</code> on ")
        .append(String.format(Locale.ROOT, "%,d", formula.tries())).append(" random inputs (seed ")
        .append(formula.seed()).append("); units checked.</p>\n");
    out.append("</figcaption>\n</figure>\n");
    html.raw(out);
  }

  private void renderExample(FencedCodeBlock node, HtmlWriter html) {
    VerifiedExample example = options.guide() == null ? null : options.guide().example(node).orElse(null);
    if (example == null) {
      throw new GuideBlockException(options.chapterFile(), line(node),
          "example " + node.getInfo().toString().strip().substring("example".length()).strip()
              + " was not verified, so it cannot be published");
    }
    StringBuilder out = new StringBuilder();
    out.append("<figure class=\"example\" id=\"").append(escape(options.guide().exampleAnchor(example))).append("\">\n");
    out.append("<figcaption><span class=\"example-label\">Worked example</span> ")
        .append(escape(example.title())).append("</figcaption>\n");
    // Two rows per step: the typeset expression gets the table's full width, so long calls with
    // data keys fit a printed page; name, value and check stay together on the row above it.
    // A th in a row of th cells heads its column: no scope attribute needed.
    out.append("<table class=\"steps\">\n<thead><tr><th>name</th><th>value</th><th>check</th></tr></thead>\n");
    // One tbody per step. Cells are styled by position, not by class: the name heads the row (the
    // stylesheets set it as the code it is), the value follows it, the check follows the value,
    // the expression spans its row; only a claim is marked.
    Map<String, DataValue> cited = new LinkedHashMap<>();
    for (ExampleStep step : example.steps()) {
      out.append(step.isClaim() ? "<tbody class=\"claim\">" : "<tbody>").append("\n<tr>");
      // A th leading a row of td cells heads that row: no scope attribute needed.
      out.append("<th>").append(escape(step.name())).append("</th>");
      out.append("<td>").append(escape(step.computed())).append("</td>");
      out.append("<td>"); // empty when nothing is stated: a short row makes openhtmltopdf step the header's rule
      if (step.isClaim()) out.append("stated ").append(escape(step.claimed())).append(": matches");
      out.append("</td></tr>\n");
      if (!step.given()) { // a given's value row already says it all; show only what was computed
        // The expression as written, which is the code that ran: exact, searchable and light.
        out.append("<tr><td colspan=\"3\"><code>").append(escape(step.expression()))
            .append("</code></td></tr>\n");
      }
      out.append("</tbody>\n");
      step.cites().forEach(v -> cited.putIfAbsent(v.key(), v));
    }
    out.append("</table>\n");
    out.append(CitedSources.html(cited.values()));
    out.append("</figure>\n");
    html.raw(out);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Creates the renderer with the document's options. */
  public static final class Factory implements NodeRendererFactory {
    @Override
    public NodeRenderer apply(DataHolder options) {
      return new GuideBlockNodeRenderer(options);
    }
  }
}
