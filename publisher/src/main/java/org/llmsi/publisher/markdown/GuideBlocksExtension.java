package org.llmsi.publisher.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.NullableDataKey;
import org.llmsi.publisher.markdown.internal.GuideBlockNodeRenderer;
import org.llmsi.publisher.markdown.internal.HeadingLinkRenderer;
import org.llmsi.publisher.markdown.internal.LinkedTextRenderer;
import org.llmsi.publisher.markdown.internal.ScrollableTables;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.verifier.model.VerifiedGuide;

/**
 * The renderer side of the guide's Markdown dialect (the parser side is the verifier's
 * {@code GuideMarkdown}: a chapter is parsed once, and the nodes rendered here are the nodes the
 * verifier checked). {@code formula} and {@code example} fences render from what the verifier
 * checked, {@code $…$} math is typeset as SVG, and {@code {name}} value references vanish.
 *
 * <p>Usage: add {@link #create()} to the renderer's extensions and set {@link #GUIDE},
 * {@link #CHAPTER_FILE} and {@link #MATH}.
 */
public final class GuideBlocksExtension implements HtmlRenderer.HtmlRendererExtension {
  /** The verified guide the blocks are rendered from; without it a block is an error. */
  public static final NullableDataKey<VerifiedGuide> GUIDE = new NullableDataKey<>("LLMSI_GUIDE");
  /** The chapter as the verifier names it (e.g. {@code site-src/content/02-roofline.md}), for errors. */
  public static final DataKey<String> CHAPTER_FILE = new DataKey<>("LLMSI_CHAPTER_FILE", "");
  /** The build's math typesetter (one per build, so its cache is shared by all chapters). */
  public static final DataKey<MathRenderer> MATH = new DataKey<>("LLMSI_MATH", MathRenderer::new);
  /** The way from the chapter's page to the site root ({@code ""} or {@code "../"}), for the math images. */
  public static final DataKey<String> ROOT_PATH = new DataKey<>("LLMSI_ROOT_PATH", "");
  /** Where the formula appendix page is, relative to the chapter. */
  public static final DataKey<String> APPENDIX_HREF = new DataKey<>("LLMSI_APPENDIX_HREF", "formula-appendix.html");
  /**
   * Renders the chapter's verification record instead of the chapter: the code each worked example
   * ran, each claim with the value computed for it, and the data the examples and figures cite.
   */
  public static final DataKey<Boolean> RECORD = new DataKey<>("LLMSI_RECORD", false);

  private GuideBlocksExtension() {}

  /**
   * A chapter's record page, beside it: {@code 02-roofline-record.html} for {@code 02-roofline.md}
   * (or for its page, {@code 02-roofline.html}).
   */
  public static String recordUri(String chapter) {
    return chapter.replaceFirst("\\.(md|markdown|html)$", "") + "-record.html";
  }

  public static GuideBlocksExtension create() {
    return new GuideBlocksExtension();
  }

  @Override
  public void rendererOptions(MutableDataHolder options) {}

  @Override
  public void extend(HtmlRenderer.Builder builder, String rendererType) {
    if ("HTML".equals(rendererType)) {
      builder.nodeRendererFactory(new GuideBlockNodeRenderer.Factory());
      builder.nodeRendererFactory(new HeadingLinkRenderer.Factory());
      builder.nodeRendererFactory(new LinkedTextRenderer.Factory());
      builder.attributeProviderFactory(ScrollableTables.factory());
    }
  }
}
