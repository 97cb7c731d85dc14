package org.llmsi.verifier.lang;

import java.util.ArrayList;
import java.util.List;
import org.llmsi.verifier.lang.Token.Type;
import org.llmsi.verifier.units.Unit;
import org.llmsi.verifier.units.UnitParser;

/**
 * Splits formula and example text into tokens.
 *
 * <p>A unit belongs to the number before it and is written without spaces inside it:
 * {@code 3.35 TB/s} is one literal, while {@code 2 B / s} divides two bytes by the symbol
 * {@code s}. There is no implicit multiplication, so a word right after a number can only be a
 * unit; an unknown one is an error that suggests {@code *}.
 */
final class Lexer {
  private final String src;
  private int pos;

  Lexer(String src) {
    this.src = src;
  }

  static List<Token> tokenize(String src) throws SyntaxError {
    Lexer lexer = new Lexer(src);
    List<Token> out = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      out.add(t);
    } while (t.type() != Type.END);
    return out;
  }

  private Token next() throws SyntaxError {
    skipSpaceAndComments();
    if (pos >= src.length()) return new Token(Type.END, "", pos, pos, 0, null);
    char c = src.charAt(pos);
    int start = pos;
    if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length()
        && Character.isDigit(src.charAt(pos + 1)))) {
      return number();
    }
    if (c == '"') return label();
    if (Character.isLetter(c) || c == '_') {
      while (pos < src.length() && (isNameChar(src.charAt(pos))
          || (src.charAt(pos) == '.' && pos + 1 < src.length() && isNameChar(src.charAt(pos + 1))))) {
        pos++;
      }
      return new Token(Type.NAME, src.substring(start, pos), start, pos, 0, null);
    }
    pos++;
    String op = switch (c) {
      case '+' -> {
        if (peek('-')) {
          pos++;
          yield "±";
        }
        yield "+";
      }
      case '-', '−', '–' -> "-";
      case '*', '×', '·' -> "*";
      case '/', '÷' -> "/";
      case '^', '(', ')', ',', '=', ';', '≈', '±', '≤', '≥', '\n' -> String.valueOf(c);
      case '<' -> {
        if (peek('=')) {
          pos++;
          yield "≤";
        }
        yield "<";
      }
      case '>' -> {
        if (peek('=')) {
          pos++;
          yield "≥";
        }
        yield ">";
      }
      case '~' -> {
        if (peek('=')) {
          pos++;
          yield "≈";
        }
        throw new SyntaxError("'~' must be followed by '=' (or write ≈)", start, pos);
      }
      default -> throw new SyntaxError("unexpected character '" + c + "'", start, pos);
    };
    return new Token(Type.OP, op, start, pos, 0, null);
  }

  /** A quoted display name; it ends on its line, so a missing quote cannot swallow the block. */
  private Token label() throws SyntaxError {
    int start = pos;
    int close = pos + 1;
    while (close < src.length() && src.charAt(close) != '"' && src.charAt(close) != '\n') close++;
    if (close >= src.length() || src.charAt(close) != '"') {
      throw new SyntaxError("the label has no closing '\"': write name \"Label\" = expression", start, close);
    }
    String text = src.substring(start + 1, close).strip();
    if (text.isEmpty()) throw new SyntaxError("empty label: write the name a reader sees, or leave the quotes out", start, close + 1);
    pos = close + 1;
    return new Token(Type.LABEL, text, start, pos, 0, null);
  }

  private boolean peek(char c) {
    return pos < src.length() && src.charAt(pos) == c;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private void skipSpaceAndComments() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') pos++;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else {
        return;
      }
    }
  }

  private Token number() throws SyntaxError {
    int start = pos;
    while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
    if (peek('.')) {
      pos++;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (peek('+') || peek('-')) pos++;
      if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
      } else {
        pos = save;
      }
    }
    String text = src.substring(start, pos);
    if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
      throw new SyntaxError("a number must be separated from what follows: write '"
          + text + " " + src.charAt(pos) + "…' for a unit or '" + text + " * …' to multiply",
          start, pos + 1);
    }
    double value = Double.parseDouble(text);
    // A unit follows after spaces and starts with a letter or %.
    int look = pos;
    while (look < src.length() && (src.charAt(look) == ' ' || src.charAt(look) == '\t')) look++;
    if (look > pos && look < src.length()
        && (Character.isLetter(src.charAt(look)) || src.charAt(look) == '%')) {
      int unitStart = look;
      int unitEnd = look;
      while (unitEnd < src.length() && UnitParser.isUnitChar(src.charAt(unitEnd))) unitEnd++;
      String unitText = src.substring(unitStart, unitEnd);
      try {
        Unit unit = UnitParser.parse(unitText);
        pos = unitEnd;
        return new Token(Type.NUMBER, src.substring(start, unitEnd), start, unitEnd, value, unit);
      } catch (UnitParser.UnitException e) {
        String hint = unitText.matches("[A-Za-z_][A-Za-z0-9_]*") && e.getMessage().startsWith("unknown unit")
            ? "; to multiply by a symbol, write '" + text + " * " + unitText + "'"
            : "";
        throw new SyntaxError(e.getMessage() + hint, unitStart, unitEnd);
      }
    }
    return new Token(Type.NUMBER, text, start, pos, value, Unit.NONE);
  }
}
