package org.llmsi.verifier.source;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Diagnostic.Kind;
import org.llmsi.verifier.source.markdown.GuideMarkdown;
import org.llmsi.verifier.units.UnitParser;

/**
 * Reads a chapter: checks its JBake header and pulls out its {@code formula} and {@code example}
 * fences with flexmark (so fences inside lists and quotes are found exactly as a reader's renderer
 * sees them).
 */
public final class PageReader {
  /** JBake's header separator. */
  public static final String HEADER_END = "~~~~~~";

  private static final Set<String> KINDS = Set.of("formula", "example", "plot");
  private static final Set<String> STATUSES = Set.of("published", "draft");

  /**
   * Reads one page; problems go to {@code errors}. A page with a bad header is still returned, so
   * its blocks are checked too and one run reports everything.
   */
  public Page read(SourceFile file, Diagnostics errors) {
    Map<String, String> header = header(file, errors);
    // JBake's "~~~~~~" separator would open a tilde fence in CommonMark; blank the header out
    // (keeping its length) so the body parses as JBake renders it and offsets stay file offsets.
    int headerEnd = file.text().indexOf(HEADER_END);
    int bodyStart = headerEnd < 0 ? 0 : headerEnd + HEADER_END.length();
    String body = file.text().substring(0, bodyStart).replaceAll("[^\\n]", " ") + file.text().substring(bodyStart);
    Document doc = GuideMarkdown.parse(body);
    RawHtml.check(doc, file, errors);
    List<FencedBlock> blocks = new ArrayList<>();
    collect(doc, file, blocks, errors);
    List<PageLink> links = new ArrayList<>();
    for (Node n : doc.getDescendants()) {
      if (n instanceof com.vladsch.flexmark.ast.Link link) {
        links.add(new PageLink(link.getUrl().toString(), link.getUrl().getStartOffset()));
      }
    }
    return new Page(file, header, doc, blocks, ProseScanner.scan(doc, body, PageReader::unit), links);
  }

  /** A prose word as a unit with a dimension ({@code GB}, {@code token/s}), or null for a count or a word. */
  private static String unit(String word) {
    try {
      return UnitParser.parse(word).dimension().isNone() ? null : word;
    } catch (UnitParser.UnitException e) {
      return null;
    }
  }

  private Map<String, String> header(SourceFile file, Diagnostics errors) {
    String text = file.text();
    int end = text.startsWith(HEADER_END) ? 0 : text.indexOf("\n" + HEADER_END);
    if (end < 0) {
      errors.add(Diagnostic.of(Kind.FRONT_MATTER, file.location(0, 0),
          "page has no header: start it with title=…, type=page, status=published, order=N and a line "
              + HEADER_END));
      return Map.of();
    }
    Map<String, String> header = new LinkedHashMap<>();
    int offset = 0;
    for (String line : text.substring(0, end).split("\n", -1)) {
      String l = line.strip();
      if (!l.isEmpty()) {
        int eq = l.indexOf('=');
        if (eq <= 0) {
          errors.add(Diagnostic.of(Kind.FRONT_MATTER, file.location(offset, line.length()),
              "header line '" + l + "' is not key=value"));
        } else {
          header.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
      }
      offset += line.length() + 1;
    }
    for (String key : List.of("title", "type", "status", "order")) {
      if (!header.containsKey(key) || header.get(key).isEmpty()) {
        errors.add(Diagnostic.of(Kind.FRONT_MATTER, file.location(0, 0), "header has no " + key + "="));
      }
    }
    if (header.containsKey("status") && !STATUSES.contains(header.get("status"))) {
      errors.add(Diagnostic.of(Kind.FRONT_MATTER, headerLine(file, "status"),
          "status must be published or draft, got '" + header.get("status") + "'"));
    }
    if (header.containsKey("order") && !header.get("order").matches("\\d+")) {
      errors.add(Diagnostic.of(Kind.FRONT_MATTER, headerLine(file, "order"),
          "order must be a whole number (the chapter's place in the book), got '" + header.get("order") + "'"));
    }
    return header;
  }

  private static org.llmsi.verifier.report.Location headerLine(SourceFile file, String key) {
    int at = file.text().startsWith(key + "=") ? 0 : file.text().indexOf("\n" + key + "=") + 1;
    return file.location(Math.max(at, 0), key.length());
  }

  private void collect(Node node, SourceFile file, List<FencedBlock> out, Diagnostics errors) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof FencedCodeBlock fence) {
        block(fence, file, errors, out);
      } else {
        collect(child, file, out, errors);
      }
    }
  }

  private void block(FencedCodeBlock fence, SourceFile file, Diagnostics errors, List<FencedBlock> out) {
    BasedSequence info = fence.getInfo();
    String infoText = info.toString().strip();
    String kind = infoText.split("\\s+", 2)[0];
    if (!KINDS.contains(kind)) return;
    int fenceOffset = fence.getStartOffset();
    if (fence.getClosingMarker().isEmpty()) {
      errors.add(Diagnostic.of(Kind.SYNTAX, file.location(fenceOffset, fence.getOpeningMarker().length()),
          "unterminated " + kind + " block: no closing " + fence.getOpeningMarker()
              + " before the end of the file"));
      return;
    }
    String argument = infoText.substring(kind.length()).strip();
    int argumentOffset = argument.isEmpty()
        ? info.getEndOffset()
        : info.getStartOffset() + info.toString().indexOf(argument, kind.length());
    List<BasedSequence> lines = fence.getContentLines();
    int[] offsets = new int[lines.size()];
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      BasedSequence line = lines.get(i);
      offsets[i] = line.getStartOffset();
      if (i > 0) text.append('\n');
      text.append(line.trimEOL());
    }
    out.add(new FencedBlock(file, kind, argument, fenceOffset, argumentOffset, text.toString(), offsets, fence));
  }
}
