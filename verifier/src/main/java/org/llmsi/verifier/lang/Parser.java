package org.llmsi.verifier.lang;

import java.util.ArrayList;
import java.util.List;
import org.llmsi.verifier.lang.Expr.Arg;
import org.llmsi.verifier.lang.Token.Type;

/**
 * Recursive-descent parser for the formula language.
 *
 * <pre>
 * equation  = NAME "=" expr
 * statement = NAME [ LABEL ] "=" expr [ "≈" NUMBER [ "±" NUMBER ] ]
 * expr      = term { ("+" | "-") term }
 * term      = unary { ("*" | "/") unary }
 * unary     = "-" unary | power
 * power     = atom [ "^" unary ]             (right-associative; -x^2 is -(x^2))
 * atom      = NUMBER | NAME | NAME "(" [ arg { "," arg } ] ")" | "(" expr ")"
 * arg       = [ NAME "=" ] expr
 * </pre>
 *
 * Line breaks continue an equation; in examples they end a statement unless inside parentheses.
 */
final class Parser {
  private final List<Token> tokens;
  private final boolean newlinesSeparate;
  private int pos;
  private int depth;

  private Parser(List<Token> tokens, boolean newlinesSeparate) {
    this.tokens = tokens;
    this.newlinesSeparate = newlinesSeparate;
  }

  /** Parses a formula block's text: exactly one equation. */
  static Equation equation(String src) throws SyntaxError {
    Parser p = new Parser(Lexer.tokenize(src), false);
    Token first = p.peek();
    if (first.type() == Type.END) throw new SyntaxError("empty formula block: expected 'name = expression'", 0, 0);
    Equation eq = p.assignment("formula");
    Token rest = p.peek();
    if (rest.is("≈")) {
      throw new SyntaxError("a formula states no claim; put claims in an example block", rest.start(), rest.end());
    }
    if (rest.type() != Type.END) {
      throw new SyntaxError("a formula block holds one equation; unexpected '" + rest.text() + "'",
          rest.start(), rest.end());
    }
    return eq;
  }

  /** Parses a relation of inline math: {@code expression (= | < | > | ≤ | ≥) expression}. */
  static Relation relation(String src) throws SyntaxError {
    Parser p = new Parser(Lexer.tokenize(src), false);
    Expr lhs = p.expr();
    Token op = p.peek();
    if (!Relation.OPERATORS.contains(op.text()) || op.type() != Type.OP) {
      throw new SyntaxError(op.type() == Type.END ? "not a relation: no =, <, >, ≤ or ≥"
          : "expected a relation (=, <, >, ≤, ≥), found '" + shown(op) + "'", op.start(), op.end());
    }
    p.pos++;
    Expr rhs = p.expr();
    Token rest = p.peek();
    if (rest.type() != Type.END) {
      throw new SyntaxError("a relation states one comparison; unexpected '" + shown(rest) + "'", rest.start(), rest.end());
    }
    return new Relation(lhs, op.text(), rhs, op.start());
  }

  /** Parses one expression that must take the whole text (a series of a plot). */
  static Expr expression(String src) throws SyntaxError {
    Parser p = new Parser(Lexer.tokenize(src), false);
    Expr e = p.expr();
    Token rest = p.peek();
    if (rest.type() != Type.END) {
      throw new SyntaxError("unexpected '" + shown(rest) + "' after the expression", rest.start(), rest.end());
    }
    return e;
  }

  /** Parses an example block's text into statements. */
  static List<Statement> statements(String src) throws SyntaxError {
    Parser p = new Parser(Lexer.tokenize(src), true);
    List<Statement> out = new ArrayList<>();
    while (true) {
      while (p.peekRaw().is("\n") || p.peekRaw().is(";")) p.pos++;
      if (p.peekRaw().type() == Type.END) break;
      out.add(p.statement());
      Token end = p.peekRaw();
      if (!(end.is("\n") || end.is(";") || end.type() == Type.END)) {
        throw new SyntaxError("unexpected '" + end.text() + "' after the statement (one statement per line, or separate with ';')",
            end.start(), end.end());
      }
    }
    return out;
  }

  private Equation assignment(String what) throws SyntaxError {
    Token name = peek();
    if (name.type() != Type.NAME || name.text().indexOf('.') >= 0) {
      throw new SyntaxError("expected 'name = expression' in " + what + ", found '" + shown(name) + "'",
          name.start(), name.end());
    }
    pos++;
    if (what.equals("example") && peek().type() == Type.LABEL) pos++; // statement() reads it
    Token eq = peek();
    if (!eq.is("=")) {
      throw new SyntaxError("expected '=' after '" + name.text() + "', found '" + shown(eq) + "'",
          eq.start(), eq.end());
    }
    pos++;
    Expr rhs = expr();
    return new Equation(name.text(), name.start(), name.end(), rhs);
  }

  private Statement statement() throws SyntaxError {
    Token after = tokens.get(nextIndex(nextIndex(pos) + 1));
    String label = after.type() == Type.LABEL ? after.text() : null;
    Equation eq = assignment("example");
    if (!peekRaw().is("≈")) return new Statement(eq, label, null);
    Token approx = next();
    Token stated = peek();
    if (stated.type() != Type.NUMBER) {
      throw new SyntaxError("expected the stated value after '≈', e.g. '≈ 1.34 GB'", stated.start(), stated.end());
    }
    pos++;
    Expr.Num value = num(stated);
    Expr.Num tolerance = null;
    if (peekRaw().is("±")) {
      pos++;
      Token tol = peek();
      if (tol.type() != Type.NUMBER) {
        throw new SyntaxError("expected a tolerance after '±', e.g. '± 2 %'", tol.start(), tol.end());
      }
      pos++;
      tolerance = num(tol);
    }
    return new Statement(eq, label, new Claim(value, tolerance, approx.start()));
  }

  private Expr expr() throws SyntaxError {
    Expr left = term();
    while (peek().is("+") || peek().is("-")) {
      char op = next().text().charAt(0);
      Expr right = term();
      left = new Expr.Binary(op, left, right, left.start(), right.end());
    }
    return left;
  }

  private Expr term() throws SyntaxError {
    Expr left = unary();
    while (peek().is("*") || peek().is("/")) {
      char op = next().text().charAt(0);
      Expr right = unary();
      left = new Expr.Binary(op, left, right, left.start(), right.end());
    }
    return left;
  }

  private Expr unary() throws SyntaxError {
    if (peek().is("-") || peek().is("+")) {
      Token op = next();
      Expr operand = unary();
      return new Expr.Unary(op.text().charAt(0), operand, op.start(), operand.end());
    }
    return power();
  }

  private Expr power() throws SyntaxError {
    Expr base = atom();
    if (peek().is("^")) {
      next();
      Expr exponent = unary();
      return new Expr.Binary('^', base, exponent, base.start(), exponent.end());
    }
    return base;
  }

  private Expr atom() throws SyntaxError {
    Token t = peek();
    switch (t.type()) {
      case NUMBER -> {
        pos++;
        return num(t);
      }
      case NAME -> {
        pos++;
        if (peek().is("(")) return call(t);
        return new Expr.Name(t.text(), t.start(), t.end());
      }
      case OP -> {
        if (t.is("(")) {
          pos++;
          depth++;
          Expr inner = expr();
          Token close = peek();
          if (!close.is(")")) {
            throw new SyntaxError("expected ')' to close the '(', found '" + shown(close) + "'",
                close.start(), close.end());
          }
          depth--;
          pos++;
          return new Expr.Group(inner, t.start(), close.end());
        }
        throw new SyntaxError("expected a number, a name or '(', found '" + shown(t) + "'", t.start(), t.end());
      }
      case LABEL -> throw new SyntaxError("a label goes right after the name it labels: name \"" + t.text()
          + "\" = expression", t.start(), t.end());
      default -> throw new SyntaxError("expression ends too early: expected a number, a name or '('", t.start(), t.end());
    }
  }

  private Expr call(Token name) throws SyntaxError {
    Token open = next();
    depth++;
    List<Arg> args = new ArrayList<>();
    if (!peek().is(")")) {
      do {
        Token first = peek();
        int after = nextIndex(pos + 1);
        if (first.type() == Type.NAME && tokens.get(after).is("=")) {
          pos = after + 1;
          args.add(new Arg(first.text(), expr(), first.start()));
        } else {
          args.add(new Arg(null, expr(), first.start()));
        }
        if (!peek().is(",")) break;
        pos++;
      } while (true);
    }
    Token close = peek();
    if (!close.is(")")) {
      throw new SyntaxError("expected ',' or ')' in the arguments of " + name.text() + "(…), found '"
          + shown(close) + "'", close.start(), close.end());
    }
    depth--;
    pos++;
    return new Expr.Call(name.text(), args, name.end(), name.start(), close.end());
  }

  private static Expr.Num num(Token t) {
    return new Expr.Num(t.text(), t.number(), t.unit(), t.start(), t.end());
  }

  private static String shown(Token t) {
    if (t.type() == Type.LABEL) return "\"" + t.text() + "\"";
    return t.type() == Type.END ? "end of block" : t.text().equals("\n") ? "end of line" : t.text();
  }

  /** The next token, skipping line breaks where they do not end a statement. */
  private Token peek() {
    pos = nextIndex(pos);
    return tokens.get(pos);
  }

  private int nextIndex(int from) {
    int i = Math.min(from, tokens.size() - 1); // never past the END token
    while (tokens.get(i).is("\n") && (!newlinesSeparate || depth > 0)) i++;
    return i;
  }

  private Token peekRaw() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = peek();
    pos++;
    return t;
  }
}
