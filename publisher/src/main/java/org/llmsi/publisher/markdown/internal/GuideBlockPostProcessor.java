package org.llmsi.publisher.markdown.internal;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import org.llmsi.publisher.markdown.ExampleBlock;
import org.llmsi.publisher.markdown.FormulaBlock;
import org.llmsi.publisher.markdown.GuideBlocksExtension;

/**
 * Turns {@code formula} and {@code example} fences into their own nodes. It reuses flexmark's own
 * fence parsing rather than a second block parser, because the verifier finds its blocks with that
 * same parser: the blocks published are exactly the blocks verified, in lists and quotes too.
 */
public final class GuideBlockPostProcessor extends NodePostProcessor {
  private final int firstLine;

  GuideBlockPostProcessor(Document document) {
    this.firstLine = GuideBlocksExtension.FIRST_LINE.get(document);
  }

  @Override
  public void process(NodeTracker state, Node node) {
    if (!(node instanceof FencedCodeBlock fence)) return;
    String info = fence.getInfo().toString().strip();
    int space = info.indexOf(' ');
    String kind = space < 0 ? info : info.substring(0, space);
    String argument = space < 0 ? "" : info.substring(space + 1).strip();
    int line = fence.getDocument().getLineNumber(fence.getStartOffset()) + firstLine;
    Node replacement;
    if (kind.equals("formula")) {
      replacement = new FormulaBlock(fence.getChars(), argument, line);
    } else if (kind.equals("example")) {
      String title = argument.length() >= 2 && argument.startsWith("\"") && argument.endsWith("\"")
          ? argument.substring(1, argument.length() - 1) : argument;
      replacement = new ExampleBlock(fence.getChars(), title, line);
    } else {
      return;
    }
    fence.insertBefore(replacement);
    fence.unlink();
    state.nodeRemoved(fence);
    state.nodeAdded(replacement);
  }

  /** Registers the processor for fenced code blocks. */
  public static final class Factory extends NodePostProcessorFactory {
    public Factory() {
      super(false);
      addNodes(FencedCodeBlock.class);
    }

    @Override
    public NodePostProcessor apply(Document document) {
      return new GuideBlockPostProcessor(document);
    }
  }
}
