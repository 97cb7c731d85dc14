package org.llmsi.publisher.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.NullableDataKey;
import org.llmsi.publisher.markdown.internal.GuideBlockNodeRenderer;
import org.llmsi.publisher.markdown.internal.GuideBlockPostProcessor;
import org.llmsi.publisher.markdown.internal.InlineMathParser;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.verifier.model.VerifiedGuide;

/**
 * The guide's Markdown: {@code formula} and {@code example} fences rendered from what the verifier
 * checked (never from the fence text alone), and {@code $…$} inline math typeset as SVG.
 *
 * <p>Usage: add {@link #create()} to the parser's and renderer's extensions and set {@link #GUIDE},
 * {@link #CHAPTER_FILE} and {@link #MATH}.
 */
public final class GuideBlocksExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
  /** The verified guide the blocks are rendered from; without it a block is an error. */
  public static final NullableDataKey<VerifiedGuide> GUIDE = new NullableDataKey<>("LLMSI_GUIDE");
  /** The chapter as the verifier names it (e.g. {@code site-src/content/02-roofline.md}). */
  public static final DataKey<String> CHAPTER_FILE = new DataKey<>("LLMSI_CHAPTER_FILE", "");
  /** The file line of the parsed text's first line: JBake hands over the body without its header. */
  public static final DataKey<Integer> FIRST_LINE = new DataKey<>("LLMSI_FIRST_LINE", 1);
  /** The build's math typesetter (one per build, so its cache is shared by all chapters). */
  public static final DataKey<MathRenderer> MATH = new DataKey<>("LLMSI_MATH", MathRenderer::new);
  /** The way from the chapter's page to the site root ({@code ""} or {@code "../"}), for the math images. */
  public static final DataKey<String> ROOT_PATH = new DataKey<>("LLMSI_ROOT_PATH", "");
  /** Where the formula appendix page is, relative to the chapter. */
  public static final DataKey<String> APPENDIX_HREF = new DataKey<>("LLMSI_APPENDIX_HREF", "formula-appendix.html");

  private GuideBlocksExtension() {}

  public static GuideBlocksExtension create() {
    return new GuideBlocksExtension();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.postProcessorFactory(new GuideBlockPostProcessor.Factory());
    builder.customInlineParserExtensionFactory(new InlineMathParser.Factory());
  }

  @Override
  public void rendererOptions(MutableDataHolder options) {}

  @Override
  public void extend(HtmlRenderer.Builder builder, String rendererType) {
    if ("HTML".equals(rendererType)) builder.nodeRendererFactory(new GuideBlockNodeRenderer.Factory());
  }
}
