package org.llmsi.verifier.check;

import java.util.List;
import org.llmsi.verifier.lang.Expr;
import org.llmsi.verifier.report.Diagnostic.Kind;

/** A located failure while checking or evaluating an expression. */
public final class EvaluationError extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Kind kind;
  private final int start;
  private final int end;
  private final transient List<String> notes;

  public EvaluationError(Kind kind, String message, Expr at, String... notes) {
    this(kind, message, at.start(), at.end(), notes);
  }

  public EvaluationError(Kind kind, String message, int start, int end, String... notes) {
    super(message);
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.notes = List.of(notes);
  }

  /** A failure whose cause was already reported where it lies (e.g. a data entry without source). */
  public static EvaluationError alreadyReported(Expr at) {
    return new EvaluationError(null, "already reported", at);
  }

  /** The class of failure, or null when it was already reported elsewhere. */
  public Kind kind() {
    return kind;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  public List<String> notes() {
    return notes;
  }
}
