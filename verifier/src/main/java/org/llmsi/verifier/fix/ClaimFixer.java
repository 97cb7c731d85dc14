package org.llmsi.verifier.fix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmsi.verifier.report.Diagnostic;

/**
 * Rewrites wrong claims in place with their computed values, like a "replace with actual" fix, so a
 * contributor who changed an input updates every dependent number in one step and reviews the diff.
 * Only claims are rewritten: every other error needs a person's judgement.
 */
public final class ClaimFixer {
  private final Path base;

  /** @param base the folder that diagnostics' relative paths are relative to */
  public ClaimFixer(Path base) {
    this.base = base;
  }

  /** Applies every fixable diagnostic; returns how many claims were rewritten, per file. */
  public Map<Path, Integer> apply(List<Diagnostic> diagnostics) throws IOException {
    Map<Path, List<Diagnostic>> byFile = new LinkedHashMap<>();
    for (Diagnostic d : diagnostics) {
      // Wrong claims and figures get their computed value; a figure that one value reads as gets its {name}.
      boolean fixable = d.kind() == Diagnostic.Kind.CLAIM || d.kind() == Diagnostic.Kind.UNVERIFIED;
      if (fixable && d.fix().isPresent()) {
        byFile.computeIfAbsent(d.location().file(), f -> new ArrayList<>()).add(d);
      }
    }
    Map<Path, Integer> fixed = new LinkedHashMap<>();
    for (Map.Entry<Path, List<Diagnostic>> e : byFile.entrySet()) {
      Path file = e.getKey().isAbsolute() ? e.getKey() : base.resolve(e.getKey());
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String[] lines = text.split("\n", -1);
      // Bottom-up and right-to-left, so earlier edits do not shift later positions.
      List<Diagnostic> edits = new ArrayList<>(e.getValue());
      edits.sort(Comparator.comparingInt((Diagnostic d) -> d.location().line())
          .thenComparingInt(d -> d.location().column()).reversed());
      for (Diagnostic d : edits) {
        int i = d.location().line() - 1;
        int from = d.location().column() - 1;
        int to = from + d.location().length();
        lines[i] = lines[i].substring(0, from) + d.fix().get() + lines[i].substring(to);
      }
      Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
      fixed.put(e.getKey(), edits.size());
    }
    return fixed;
  }
}
