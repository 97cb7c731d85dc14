package org.llmsi.verifier;

import java.util.Locale;

/**
 * Counts of one verification run, for the closing line.
 *
 * @param files Markdown files read
 * @param formulas formula blocks
 * @param tries property-test inputs that agreed with a reference
 * @param examples example blocks
 * @param claims claims checked
 * @param figures prose figures, each bound to the value it states
 * @param relations relations of prose math, property-tested
 * @param notation prose math marked as notation, which no check reads
 * @param proseSkipped pages whose prose was not checked because they have other errors
 * @param errors diagnostics reported
 * @param millis wall time
 */
public record Summary(int files, int formulas, long tries, int examples, int claims, int figures, int relations,
    int notation, int proseSkipped, int errors, long millis) {

  /** E.g. {@code verified 1 file: 8 formulas (8,000 property tries), 4 examples, 12 claims in 0.91 s}. */
  public String line(boolean timing) {
    String counts = String.format(Locale.ROOT, "%d %s: %d %s (%,d property tries), %d %s, %d %s, %d prose %s, "
            + "%d %s; %d notation %s unchecked",
        files, plural(files, "file"), formulas, plural(formulas, "formula"), tries,
        examples, plural(examples, "example"), claims, plural(claims, "claim"), figures, plural(figures, "figure"),
        relations, plural(relations, "relation"), notation, plural(notation, "span"));
    String time = timing ? String.format(Locale.ROOT, " in %.2f s", millis / 1000.0) : "";
    if (errors == 0) return "verified " + counts + time;
    if (proseSkipped > 0) {
      counts += String.format(Locale.ROOT, "; the prose of %d %s was not checked until %s other errors are fixed",
          proseSkipped, plural(proseSkipped, "page"), proseSkipped == 1 ? "its" : "their");
    }
    return String.format(Locale.ROOT, "verification failed: %d %s in %s%s", errors, plural(errors, "error"), counts, time);
  }

  private static String plural(int n, String word) {
    return n == 1 ? word : word + "s";
  }
}
