package org.llmsi.publisher.markdown;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.verifier.model.VerifiedGuide;

/**
 * Markdown of one chapter to HTML, with the guide's blocks rendered from the verified guide. The
 * same renderer serves JBake's bake and the tests, so both see the same HTML.
 */
public final class ChapterRenderer {
  private final VerifiedGuide guide;
  private final MathRenderer math;

  public ChapterRenderer(VerifiedGuide guide, MathRenderer math) {
    this.guide = guide;
    this.math = math;
  }

  /**
   * Renders a chapter body.
   *
   * @param chapterFile the chapter as the verifier names it, to find its examples
   * @param firstLine the file line of the body's first line
   * @param markdown the body, without the JBake header
   */
  public String render(String chapterFile, int firstLine, String markdown) {
    return render(chapterFile, "", firstLine, markdown);
  }

  /**
   * Renders the body of a chapter whose page is not at the site root.
   *
   * @param rootPath the way from the page to the site root ({@code "../"} for a page one folder down)
   */
  public String render(String chapterFile, String rootPath, int firstLine, String markdown) {
    MutableDataSet options = options(chapterFile, firstLine).set(GuideBlocksExtension.ROOT_PATH, rootPath);
    return HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(markdown));
  }

  /** The chapter body's flexmark AST, with the guide's nodes (for spec tests and tools). */
  public Document parse(String chapterFile, int firstLine, String markdown) {
    return Parser.builder(options(chapterFile, firstLine)).build().parse(markdown);
  }

  private MutableDataSet options(String chapterFile, int firstLine) {
    return new MutableDataSet()
        .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), GuideBlocksExtension.create()))
        .set(HtmlRenderer.GENERATE_HEADER_ID, true)
        .set(HtmlRenderer.RENDER_HEADER_ID, true)
        .set(GuideBlocksExtension.GUIDE, guide)
        .set(GuideBlocksExtension.CHAPTER_FILE, chapterFile)
        .set(GuideBlocksExtension.FIRST_LINE, firstLine)
        .set(GuideBlocksExtension.MATH, math);
  }
}
