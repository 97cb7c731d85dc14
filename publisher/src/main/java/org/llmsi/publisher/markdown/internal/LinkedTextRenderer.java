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

/**
 * A chapter's text with its references made links ({@link SourceLinks}): the arXiv ids, DOIs and
 * repositories of its Sources, and of the prose that cites them. Text in a heading stays text (the
 * page's contents and the search index read headings), and so does the text of a link or link
 * reference (flexmark marks both {@link DoNotLinkDecorate}).
 */
public final class LinkedTextRenderer implements NodeRenderer {
  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(new NodeRenderingHandler<>(Text.class, LinkedTextRenderer::render));
  }

  private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
    // What flexmark's core renderer writes for a Text node, with links where SourceLinks finds them.
    String text = Escaping.normalizeEOL(node.getChars().unescape());
    if (insideHeadingOrLink(node)) {
      html.text(text);
    } else {
      // The next node may say what a name is: "NVIDIA/nccl `src/graph/tuning.cc`" names a repository's file.
      String next = node.getNext() == null ? "" : node.getNext().getChars().toString();
      SourceLinks.write(text + next, 0, text.length(), html);
    }
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
