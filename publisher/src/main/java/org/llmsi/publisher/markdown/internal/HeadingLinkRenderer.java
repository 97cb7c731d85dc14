package org.llmsi.publisher.markdown.internal;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.Set;

/**
 * Gives each h2 and h3 that has an id a link to itself, so a reader can copy the address of a
 * section. The link holds no text: the stylesheet shows its "#" (on hover and focus), so the table
 * of contents and the search index, which read the heading's text, see the heading alone. It is a
 * plain link, so it works without script. Other headings render as flexmark's core renderer does.
 */
public final class HeadingLinkRenderer implements NodeRenderer {
  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(new NodeRenderingHandler<>(Heading.class, this::render));
  }

  private void render(Heading node, NodeRendererContext context, HtmlWriter html) {
    String id = context.getNodeId(node);
    if (id == null || (node.getLevel() != 2 && node.getLevel() != 3)) {
      context.delegateRender();
      return;
    }
    html.attr("id", id).srcPos(node.getText()).withAttr().tagLine("h" + node.getLevel(), () -> {
      context.renderChildren(node);
      html.attr("class", "heading-anchor").attr("href", "#" + id).attr("aria-label", "Link to this section")
          .withAttr().tag("a").tag("/a");
    });
  }

  public static final class Factory implements NodeRendererFactory {
    @Override
    public NodeRenderer apply(DataHolder options) {
      return new HeadingLinkRenderer();
    }
  }
}
