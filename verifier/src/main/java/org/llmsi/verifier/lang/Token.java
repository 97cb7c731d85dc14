package org.llmsi.verifier.lang;

import org.llmsi.verifier.units.Unit;

/**
 * A lexical token. Operators are normalised (× and · to *, ÷ to /, − to -, ~= to ≈, +- to ±)
 * so the parser sees one spelling; {@link #text} keeps what the author wrote.
 */
record Token(Type type, String text, int start, int end, double number, Unit unit) {

  enum Type {
    NUMBER,
    NAME,
    /** A step's display name in an example, {@code "H100 shared memory"}; text holds it without quotes. */
    LABEL,
    OP,
    END
  }

  boolean is(String op) {
    return type == Type.OP && text.equals(op);
  }
}
