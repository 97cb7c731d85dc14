package org.llmsi.verifier.source;

import com.vladsch.flexmark.util.ast.Document;
import java.util.List;
import java.util.Map;

/**
 * A chapter of the guide, parsed once: the document the publisher renders, and what the verifier
 * reads from it.
 *
 * @param file the Markdown source
 * @param header JBake header fields (title, type, status, order, …)
 * @param document the whole file parsed in the guide's dialect (the header blanked out, so offsets
 *     in the document are offsets in the file)
 * @param blocks its formula and example blocks, in order
 * @param prose the numbers and inline math of its prose
 * @param links the links of its prose, in order
 */
public record Page(SourceFile file, Map<String, String> header, Document document, List<FencedBlock> blocks,
    ProseScanner.Scan prose, List<PageLink> links) {
  public Page {
    header = Map.copyOf(header);
    blocks = List.copyOf(blocks);
    links = List.copyOf(links);
  }

  public String title() {
    return header.getOrDefault("title", file.shownPath().getFileName().toString());
  }

  /** Its prose figures, in order. */
  public List<ProseFigure> figures() {
    return prose.figures();
  }
}
