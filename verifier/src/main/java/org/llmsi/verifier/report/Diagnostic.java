package org.llmsi.verifier.report;

import java.util.List;
import java.util.Optional;

/**
 * One finding of a verification run, located in the source and explained.
 *
 * @param kind what class of check failed; decides the exit status and the annotation title
 * @param location where the reader should look
 * @param message one line saying what is wrong
 * @param notes further lines: expected vs computed, inputs of a counter-example, hints
 * @param replacement the corrected source line, when the fix is mechanical (a claim's value)
 * @param fix the text that replaces the located span to apply that correction ({@code --fix})
 */
public record Diagnostic(
    Kind kind, Location location, String message, List<String> notes, Optional<String> replacement,
    Optional<String> fix)
    implements Comparable<Diagnostic> {

  public Diagnostic {
    notes = List.copyOf(notes);
  }

  public Diagnostic(Kind kind, Location location, String message, List<String> notes) {
    this(kind, location, message, notes, Optional.empty(), Optional.empty());
  }

  public static Diagnostic of(Kind kind, Location location, String message, String... notes) {
    return new Diagnostic(kind, location, message, List.of(notes));
  }

  /** The corrected line to show, and the text that replaces the located span to apply it. */
  public Diagnostic withFix(String correctedLine, String spanText) {
    return new Diagnostic(kind, location, message, notes, Optional.of(correctedLine), Optional.of(spanText));
  }

  @Override
  public int compareTo(Diagnostic o) {
    int c = location.compareTo(o.location);
    return c != 0 ? c : message.compareTo(o.message);
  }

  /** Classes of failure, each with a title used in GitHub annotations. */
  public enum Kind {
    SYNTAX("syntax error"),
    FRONT_MATTER("bad front matter"),
    DATA("bad data file"),
    UNKNOWN_NAME("unknown name"),
    UNITS("unit mismatch"),
    DUPLICATE("duplicate id"),
    REFERENCE("reference binding"),
    PROPERTY("formula disagrees with its reference"),
    CLAIM("wrong claim"),
    UNVERIFIED("unverified number"),
    LINK("broken link"),
    HTML("forbidden HTML"),
    EVALUATION("evaluation error"),
    IO("cannot read");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }
}
