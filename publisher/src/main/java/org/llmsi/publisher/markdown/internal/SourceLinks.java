package org.llmsi.publisher.markdown.internal;

import com.vladsch.flexmark.html.HtmlWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a source's text with the references in it made links, so a reader can open what a figure
 * was read from. Only what names its target unambiguously becomes a link:
 *
 * <ul>
 *   <li>an arXiv id, {@code arXiv:2203.15556} (a version suffix is kept): its abstract page;
 *   <li>a DOI, {@code doi:10.1145/3600006.3613165} or a bare {@code 10.…/…}: doi.org;
 *   <li>a GitHub address, {@code github.com/jy-yuan/KIVI};
 *   <li>an {@code owner/name} the text says is a GitHub repository: followed by an issue or pull
 *       request number ({@code NVIDIA/nccl issue 1264}), by a commit, by a file in it
 *       ({@code meta-llama/llama-models, models/llama3/reference_impl/model.py},
 *       {@code deepseek-ai/FlashMLA README.md}), or next to the word "repository";
 *   <li>an {@code owner/name config.json}: the model's repository on the Hugging Face Hub, where
 *       the data files read model configurations (site-src/data/models.yaml says so).
 * </ul>
 *
 * Everything else, a unit such as {@code TFLOP/s} included, stays text. Every character of the
 * source is written, in order: a link's text is the reference as the source spells it.
 */
final class SourceLinks {
  private SourceLinks() {}

  /** A file in a repository: a path of names ending in an extension ("e.g" is none), or a README. */
  private static final String FILE = "(?:[A-Za-z_][\\w.-]*/)*[A-Za-z_][\\w-]+\\.(?:[a-z]{2,5}|c|h)\\b|README\\b";

  /** One alternative per kind of reference; the first to match at a position wins. */
  private static final Pattern REFERENCE = Pattern.compile(String.join("|",
      "(?<arxiv>\\barXiv:(?<arxivId>\\d{4}\\.\\d{4,5}(?:v\\d+)?))",
      "(?<doi>\\b(?:doi:\\s?)?(?<doiId>10\\.\\d{4,9}/[^\\s\"<>]*[^\\s\"<>.,;:)\\]]))",
      "(?<github>\\b(?:https?://)?github\\.com/(?<githubPath>[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9_.-]*[A-Za-z0-9_]))",
      "(?<issue>" + repo("issueRepo") + " (?<issueKind>issue|pull request) (?<issueNo>\\d+))",
      "(?<hash>" + repo("hashRepo") + "#(?<hashNo>\\d+))",
      "(?<hub>" + repo("hubRepo") + ")(?= `?config\\.json)",
      "(?<repo>(?<=\\brepository )" + repo("repoAfter") + "\\b"
          + "|" + repo("repoBefore") + "(?= repository\\b|,? (?:e\\.g\\. )?commit [0-9a-f]{7}"
          + "|[,:]? `?(?:" + FILE + ")))"));

  /**
   * An {@code owner/name} as GitHub and the Hugging Face Hub spell them, captured as {@code group};
   * not the tail of a longer path ({@code llama3/reference_impl} in {@code models/llama3/reference_impl}).
   */
  private static String repo(String group) {
    return "(?<![\\w./-])(?<" + group + ">[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9_.-]*[A-Za-z0-9_])";
  }

  /** Writes {@code text}, escaped, with each reference in it as a link. */
  static void write(String text, HtmlWriter html) {
    write(text, 0, text.length(), html);
  }

  /**
   * Writes {@code text} from {@code from} to {@code to}, escaped, with each reference in that part
   * as a link. What says what a reference is may lie outside the part: in {@code NVIDIA/nccl,
   * src/graph/tuning.cc} the file that makes the name a repository's is the next part of the source.
   */
  static void write(String text, int from, int to, HtmlWriter html) {
    Matcher m = REFERENCE.matcher(text).region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
    int done = from;
    while (m.find()) {
      if (m.start() > done) html.text(text.substring(done, m.start()));
      html.attr("href", href(m)).withAttr().tag("a").text(m.group()).tag("/a");
      done = m.end();
    }
    if (done < to) html.text(text.substring(done, to));
  }

  private static String href(Matcher m) {
    if (m.group("arxiv") != null) return "https://arxiv.org/abs/" + m.group("arxivId");
    if (m.group("doi") != null) return "https://doi.org/" + m.group("doiId");
    if (m.group("github") != null) return "https://github.com/" + m.group("githubPath");
    if (m.group("issue") != null) {
      return "https://github.com/" + m.group("issueRepo")
          + (m.group("issueKind").equals("issue") ? "/issues/" : "/pull/") + m.group("issueNo");
    }
    if (m.group("hash") != null) return "https://github.com/" + m.group("hashRepo") + "/issues/" + m.group("hashNo");
    if (m.group("hub") != null) return "https://huggingface.co/" + m.group("hubRepo");
    return "https://github.com/" + (m.group("repoAfter") != null ? m.group("repoAfter") : m.group("repoBefore"));
  }
}
