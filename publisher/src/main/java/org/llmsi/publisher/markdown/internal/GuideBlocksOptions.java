package org.llmsi.publisher.markdown.internal;

import com.vladsch.flexmark.util.data.DataHolder;
import org.llmsi.publisher.markdown.GuideBlocksExtension;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.verifier.model.VerifiedGuide;

/** The extension's options, read once from the data keys. */
public record GuideBlocksOptions(
    VerifiedGuide guide, String chapterFile, MathRenderer math, String rootPath, String appendixHref, boolean record) {

  /** The link from the chapter's page to its record page. */
  public String recordHref() {
    return GuideBlocksExtension.recordUri(chapterFile.substring(chapterFile.lastIndexOf('/') + 1));
  }

  public static GuideBlocksOptions of(DataHolder options) {
    return new GuideBlocksOptions(
        GuideBlocksExtension.GUIDE.get(options),
        GuideBlocksExtension.CHAPTER_FILE.get(options),
        GuideBlocksExtension.MATH.get(options),
        GuideBlocksExtension.ROOT_PATH.get(options),
        GuideBlocksExtension.APPENDIX_HREF.get(options),
        GuideBlocksExtension.RECORD.get(options));
  }
}
