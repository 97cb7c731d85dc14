package org.llmsi.publisher.markdown.internal;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
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
 * linking to its appendix entry; an example becomes a table of its steps with a "verified" badge
 * that opens on the code that ran. The data the examples cite is listed once, at the page's end
 * ({@link CitedSources}). Both read the verified guide, so a block the verifier did not check
 * cannot be published.
 */
public final class GuideBlockNodeRenderer implements NodeRenderer {
  private final GuideBlocksOptions options;
  /** The page's cited data figures in the order first cited, and each one's item in the page's list. */
  private final Map<DataValue, Integer> cited = new LinkedHashMap<>();
  private final Map<String, Integer> items = new LinkedHashMap<>();

  GuideBlockNodeRenderer(DataHolder data) {
    this.options = GuideBlocksOptions.of(data);
  }

  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(
        new NodeRenderingHandler<>(Document.class, this::renderDocument),
        new NodeRenderingHandler<>(FencedCodeBlock.class, this::renderFence),
        new NodeRenderingHandler<>(InlineMath.class, this::renderInlineMath),
        new NodeRenderingHandler<>(ValueRef.class, (node, context, html) -> {})); // for the verifier only
  }

  private void renderInlineMath(InlineMath node, NodeRendererContext context, HtmlWriter html) {
    String tex = options.guide() == null ? node.tex() : options.guide().tex(node);
    html.raw(options.math().inlineHtml(tex, options.rootPath()));
  }

  /** The item of the page's data list that holds a cited figure, added on its first citation. */
  private int cite(DataValue v) {
    return cited.computeIfAbsent(v, k -> items.computeIfAbsent(CitedSources.item(k), i -> items.size() + 1));
  }

  /**
   * The page, with each answer of a "Practice" section folded under the question it answers (an
   * answer runs from an example to the next question, list or heading); or its record.
   */
  private void renderDocument(Document document, NodeRendererContext context, HtmlWriter html) {
    if (options.record()) {
      renderRecord(document, html);
      return;
    }
    boolean practice = false;
    boolean open = false;
    int question = 0;
    for (Node child = document.getFirstChild(); child != null; child = child.getNext()) {
      if (open && (child instanceof Heading || child instanceof ListBlock)) {
        html.tag("/details").line();
        open = false;
      }
      if (child instanceof Heading h && h.getLevel() <= 2) practice = h.getText().toString().startsWith("Practice");
      if (child instanceof OrderedList list) {
        int count = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) count++;
        question = list.getStartNumber() + count - 1;
      }
      if (practice && !open && child instanceof FencedCodeBlock fence && fence.getInfo().toString().startsWith("example")) {
        html.attr("class", "answer").withAttr().tag("details").line()
            .tag("summary").text(question > 0 ? "Answer " + question : "Answer").tag("/summary").line();
        open = true;
      }
      context.render(child);
    }
    if (open) html.tag("/details").line();
  }

  /**
   * The chapter's verification record, its own page so the chapter stays light to read: for each
   * worked example the code the build ran, each claim with the value computed for it, and links to
   * the data list that ends the page: the figures the examples and the plots cite, in the order the
   * chapter first cites them (the chapter's links number them the same way).
   */
  private void renderRecord(Document document, HtmlWriter html) {
    String chapterPage = options.recordHref().replaceFirst("-record\\.html$", ".html");
    for (Node node : document.getDescendants()) {
      if (!(node instanceof FencedCodeBlock fence)) continue;
      String kind = fence.getInfo().toString().strip().split("\\s+", 2)[0];
      if (kind.equals("example")) {
        VerifiedExample example = verifiedExample(fence);
        String anchor = options.guide().exampleAnchor(example);
        html.attr("class", "record-entry").withAttr().tag("section").line();
        html.attr("id", anchor).withAttr().tag("h2").attr("href", chapterPage + "#" + anchor).withAttr().tag("a")
            .text(example.title()).tag("/a").tag("/h2").line();
        html.attr("class", "record-badge").withAttr().tag("p").text(badge(example)).tag("/p").line();
        writeCode(example, html);
        CitedSources.links(citeSteps(example), "", null, html);
        html.tag("/section").line();
      } else if (kind.equals("plot")) {
        options.guide().plot(fence).ifPresent(plot -> plot.cites().forEach(this::cite));
      }
    }
    CitedSources.write(cited.keySet(), html);
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
      PlotSvg.write(plot, html, this::cite, options.recordHref());
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
        html.tag("dt").raw(options.math().inlineHtml(symbol.tex(), options.rootPath())).tag("/dt");
        html.tag("dd").text(symbol.meaning()).text(" ");
        String unit = ReaderValue.unit(symbol.unitText());
        if (!unit.isEmpty()) { // a count has no unit to show
          html.attr("class", "unit").withAttr().tag("span").text("[" + unit + "]").tag("/span");
        }
        html.tag("/dd").line();
      }
      html.tag("/dl").line();
    }
    // A quiet badge, as an example's: the reference's code name and the seed are in the appendix entry it opens.
    html.attr("class", "verified").withAttr().tag("p");
    html.attr("href", options.appendixHref() + "#" + formula.id()).withAttr().tag("a").text("verified").tag("/a");
    html.text(String.format(Locale.ROOT, ": agrees with its reference on %,d random inputs; units checked.", formula.tries()))
        .tag("/p").line();
    html.tag("/figcaption").line().tag("/figure").line();
  }

  /**
   * An example as a textbook prints it: a row per step with the name a reader knows it by and its
   * value (a claim's stated value), then one "verified" badge that opens on the code the build ran,
   * each claim with the value computed for it, and links to the page's data sources.
   */
  private void renderExample(FencedCodeBlock node, HtmlWriter html) {
    VerifiedExample example = verifiedExample(node);
    String anchor = options.guide().exampleAnchor(example);
    html.attr("class", "example").attr("id", anchor).withAttr().tag("figure").line();
    html.tag("figcaption").attr("class", "example-label").withAttr().tag("span").text("Worked example").tag("/span")
        .text(" " + example.title()).tag("/figcaption").line();
    // A th leading a row of td cells heads that row: no scope attribute needed.
    html.attr("class", "steps").withAttr().tag("table").line();
    for (ExampleStep step : example.steps()) {
      html.tag("tr").tag("th").text(step.label()).tag("/th").tag("td");
      html.text(ReaderValue.of(step.isClaim() ? step.claimed() : step.computed()));
      html.tag("/td").tag("/tr").line();
    }
    html.tag("/table").line();
    citeSteps(example); // numbers the data list as the record does
    html.attr("class", "checks").withAttr().tag("p").attr("href", options.recordHref() + "#" + anchor).withAttr().tag("a")
        .text(badge(example)).tag("/a").tag("/p").line();
    html.tag("/figure").line();
  }

  private VerifiedExample verifiedExample(FencedCodeBlock node) {
    VerifiedExample example = options.guide() == null ? null : options.guide().example(node).orElse(null);
    if (example == null) {
      throw new GuideBlockException(options.chapterFile(), line(node),
          "example " + node.getInfo().toString().strip().substring("example".length()).strip()
              + " was not verified, so it cannot be published");
    }
    return example;
  }

  private static String badge(VerifiedExample example) {
    long claims = example.claims();
    return "✓ verified" + (claims == 0 ? "" : claims == 1 ? ": 1 claim" : ": " + claims + " claims");
  }

  /** The code as it ran, each claim annotated with what the build computed for it. */
  private static void writeCode(VerifiedExample example, HtmlWriter html) {
    html.tag("pre").tag("code");
    for (ExampleStep step : example.steps()) {
      html.text(step.name() + " = " + step.expression());
      if (step.isClaim()) {
        html.text(" ≈ " + step.claimed());
        // The computed value, where it says more than the stated one ("33 MiB" for "33.0 MiB" does not).
        if (!sameNumber(step.computed(), step.claimed())) html.text("  # computed " + step.computed());
      }
      html.text("\n");
    }
    html.tag("/code").tag("/pre").line();
  }

  /** The data list's items the example's steps read, in the order first read. */
  private List<Integer> citeSteps(VerifiedExample example) {
    List<Integer> sources = new ArrayList<>();
    for (ExampleStep step : example.steps()) {
      for (DataValue v : step.cites()) {
        int item = cite(v);
        if (!sources.contains(item)) sources.add(item);
      }
    }
    return sources;
  }

  /** Whether two printed values are the same number in the same unit: {@code 33 MiB} and {@code 33.0 MiB}. */
  private static boolean sameNumber(String a, String b) {
    String[] x = a.split(" ", 2);
    String[] y = b.split(" ", 2);
    try {
      return new java.math.BigDecimal(x[0]).compareTo(new java.math.BigDecimal(y[0])) == 0
          && (x.length == 1 ? "" : x[1]).equals(y.length == 1 ? "" : y[1]);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Creates the renderer with the document's options. */
  public static final class Factory implements NodeRendererFactory {
    @Override
    public NodeRenderer apply(DataHolder options) {
      return new GuideBlockNodeRenderer(options);
    }
  }
}
