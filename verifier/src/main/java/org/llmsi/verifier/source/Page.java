package org.llmsi.verifier.source;

import java.util.List;
import java.util.Map;

/**
 * A chapter of the guide: its header and the blocks the verifier executes.
 *
 * @param file the Markdown source
 * @param header JBake header fields (title, type, status, order, …)
 * @param blocks its formula and example blocks, in order
 * @param proseNumbers the numbers with units printed in its prose, in order
 * @param links the links of its prose, in order
 */
public record Page(SourceFile file, Map<String, String> header, List<FencedBlock> blocks,
    List<ProseNumber> proseNumbers, List<PageLink> links) {
  public Page {
    header = Map.copyOf(header);
    blocks = List.copyOf(blocks);
    proseNumbers = List.copyOf(proseNumbers);
    links = List.copyOf(links);
  }

  public String title() {
    return header.getOrDefault("title", file.shownPath().getFileName().toString());
  }
}
