package org.llmsi.publisher.markdown;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.verifier.model.VerifiedGuide;
import org.llmsi.verifier.source.Page;

/**
 * A verified chapter to HTML: it renders the very document the verifier parsed and checked, never a
 * second parse of the file. The same renderer serves JBake's bake, the preview and the tests.
 */
public final class ChapterRenderer {
  private final VerifiedGuide guide;
  private final MathRenderer math;

  public ChapterRenderer(VerifiedGuide guide, MathRenderer math) {
    this.guide = guide;
    this.math = math;
  }

  /**
   * Renders a page of the verified guide.
   *
   * @param rootPath the way from the page to the site root ({@code "../"} for a page one folder down)
   */
  public String render(Page page, String rootPath) {
    return render(page, rootPath, false);
  }

  /**
   * Renders a page's verification record (the code its examples ran and the data they cite), or
   * {@code ""} for a page with no example and no cited figure.
   */
  public String renderRecord(Page page, String rootPath) {
    return render(page, rootPath, true);
  }

  private String render(Page page, String rootPath, boolean record) {
    MutableDataSet options = new MutableDataSet()
        .set(com.vladsch.flexmark.parser.Parser.EXTENSIONS, List.of(TablesExtension.create(), GuideBlocksExtension.create()))
        .set(HtmlRenderer.GENERATE_HEADER_ID, true)
        .set(HtmlRenderer.RENDER_HEADER_ID, true)
        .set(GuideBlocksExtension.GUIDE, guide)
        .set(GuideBlocksExtension.CHAPTER_FILE, page.file().shownPath().toString().replace('\\', '/'))
        .set(GuideBlocksExtension.MATH, math)
        .set(GuideBlocksExtension.ROOT_PATH, rootPath)
        .set(GuideBlocksExtension.RECORD, record);
    return HtmlRenderer.builder(options).build().render(page.document());
  }
}
