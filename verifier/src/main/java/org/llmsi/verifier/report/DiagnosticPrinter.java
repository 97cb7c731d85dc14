package org.llmsi.verifier.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints diagnostics for people (rustc-style, with the source line and a caret) or for GitHub
 * Actions (workflow annotations that land on the changed line of a pull request).
 */
public final class DiagnosticPrinter {

  /** Output formats of the verifier. */
  public enum Format {
    TEXT,
    GITHUB
  }

  private final Format format;
  private final Path displayBase;
  private final Map<Path, List<String>> sourceLines = new HashMap<>();

  /**
   * @param format output format
   * @param displayBase the folder that diagnostics' relative paths are relative to, used to read
   *     the quoted source line
   */
  public DiagnosticPrinter(Format format, Path displayBase) {
    this.format = format;
    this.displayBase = displayBase;
  }

  public String print(Diagnostic d) {
    return format == Format.GITHUB ? github(d) : text(d);
  }

  private String text(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    Location at = d.location();
    out.append(at.display()).append(": error: ").append(d.message()).append('\n');
    String line = sourceLine(at);
    String gutter = " ".repeat(String.valueOf(Math.max(at.line(), 1)).length());
    if (line != null) {
      out.append(gutter).append(" |\n");
      out.append(at.line()).append(" | ").append(line).append('\n');
      int caretColumn = Math.max(at.column(), 1);
      out.append(gutter).append(" | ")
          .append(leadingWhitespace(line, caretColumn - 1))
          .append("^".repeat(Math.max(at.length(), 1)))
          .append('\n');
    }
    for (String note : d.notes()) {
      out.append(gutter).append(" = ").append(note).append('\n');
    }
    d.replacement().ifPresent(r -> out.append(gutter).append(" = help: replace the line with: ")
        .append(r.strip()).append('\n'));
    return out.toString();
  }

  /** Keeps tabs as tabs so the caret lines up under the quoted source. */
  private static String leadingWhitespace(String line, int count) {
    StringBuilder pad = new StringBuilder();
    for (int i = 0; i < count; i++) {
      pad.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
    }
    return pad.toString();
  }

  private String github(Diagnostic d) {
    Location at = d.location();
    StringBuilder body = new StringBuilder(d.message());
    for (String note : d.notes()) {
      body.append('\n').append(note);
    }
    d.replacement().ifPresent(r -> body.append('\n').append("replace the line with: ").append(r.strip()));
    StringBuilder out = new StringBuilder("::error file=")
        .append(escapeProperty(at.file().toString().replace('\\', '/')));
    if (at.line() > 0) {
      out.append(",line=").append(at.line()).append(",col=").append(at.column());
      if (at.length() > 1) {
        out.append(",endColumn=").append(at.column() + at.length());
      }
    }
    out.append(",title=").append(escapeProperty(d.kind().title()));
    out.append("::").append(escapeData(body.toString())).append('\n');
    return out.toString();
  }

  // Escaping as specified for workflow commands: data escapes %, CR, LF; properties also : and ,.
  private static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }

  private String sourceLine(Location at) {
    if (at.line() <= 0) return null;
    List<String> lines = sourceLines.computeIfAbsent(at.file(), f -> {
      Path path = f.isAbsolute() ? f : displayBase.resolve(f);
      try {
        return Files.readAllLines(path);
      } catch (IOException | UncheckedIOException e) {
        return List.of();
      }
    });
    return at.line() <= lines.size() ? lines.get(at.line() - 1) : null;
  }
}
