package org.llmsi.publisher.markdown.internal;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.AttributeProviderFactory;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * A chapter's table is its own scroll box (guide.css), so that a wide one scrolls inside the page on
 * a phone instead of widening the page. A box that scrolls must be reachable by keyboard to be
 * scrolled without a pointer (WCAG 2.1.1; axe-core's scrollable-region-focusable): each table is
 * focusable, in the page's order.
 */
public final class ScrollableTables implements AttributeProvider {
  @Override
  public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
    if (node instanceof TableBlock) attributes.replaceValue("tabindex", "0");
  }

  public static AttributeProviderFactory factory() {
    return new IndependentAttributeProviderFactory() {
      @Override
      public AttributeProvider apply(LinkResolverContext context) {
        return new ScrollableTables();
      }
    };
  }
}
