package org.llmsi.publisher.markdown.internal;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.DoNotLinkDecorate;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.llmsi.verifier.source.markdown.ValueRef;

/**
 * A chapter's text with its references made links ({@link SourceLinks}): the arXiv ids, DOIs and
 * repositories of its Sources, and of the prose that cites them. Text in a heading stays text (the
 * page's contents and the search index read headings), and so does the text of a link or link
 * reference (flexmark marks both {@link DoNotLinkDecorate}). A figure that prose writes as code
 * does, bound by a {@code {name}}, is shown as a reader writes it: 3.8 × 10²⁵ FLOPs, 40.1 µs.
 */
public final class LinkedTextRenderer implements NodeRenderer {
  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(new NodeRenderingHandler<>(Text.class, LinkedTextRenderer::render));
  }

  private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
    // What flexmark's core renderer writes for a Text node, with links where SourceLinks finds them.
    String text = Escaping.normalizeEOL(node.getChars().unescape());
    if (node.getNext() instanceof ValueRef ref && !ref.isNotation()) text = boundFigure(text);
    if (insideHeadingOrLink(node)) {
      html.text(text);
    } else {
      // The next node may say what a name is: "NVIDIA/nccl `src/graph/tuning.cc`" names a repository's file.
      String next = node.getNext() == null ? "" : node.getNext().getChars().toString();
      SourceLinks.write(text + next, 0, text.length(), html);
    }
  }

  /** A number with its unit word at a text's end: the figure that a {@code {name}} after it binds. */
  private static final Pattern FIGURE_AT_END = Pattern.compile(
      "(?<![\\p{L}\\p{N}.,_])(\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)(?:[ \\u00a0\\u202f]+([\\p{L}µ%][\\p{L}\\p{N}µ/]*))?$");

  /**
   * The text with the figure at its end as a reader writes it ({@link ReaderValue}) when the prose
   * wrote it as code does ({@code 3.8e25 FLOPs}, {@code 40.1 us}), which the verifier reads in
   * either form; any other figure stays as its author wrote it ({@code 4096 tokens}).
   */
  static String boundFigure(String text) {
    Matcher m = FIGURE_AT_END.matcher(text);
    if (!m.find()) return text;
    String unit = m.group(2) == null ? "" : m.group(2);
    if (m.group(1).indexOf('e') < 0 && m.group(1).indexOf('E') < 0 && ReaderValue.unit(unit).equals(unit)) return text;
    return text.substring(0, m.start()) + ReaderValue.of(m.group(1) + (unit.isEmpty() ? "" : " " + unit));
  }

  private static boolean insideHeadingOrLink(Node node) {
    for (Node p = node.getParent(); p != null; p = p.getParent()) {
      if (p instanceof Heading || p instanceof DoNotLinkDecorate) return true;
    }
    return false;
  }

  /** Creates the renderer; it has no options. */
  public static final class Factory implements NodeRendererFactory {
    @Override
    public NodeRenderer apply(DataHolder options) {
      return new LinkedTextRenderer();
    }
  }
}
