package org.llmsi.verifier.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.llmsi.verifier.lang.Expr;

/** Small helpers over names: collecting them from a tree, and suggesting the closest known one. */
final class Names {
  private Names() {}

  /** Every name node in the tree, in source order. */
  static List<Expr.Name> in(Expr e) {
    List<Expr.Name> out = new ArrayList<>();
    collect(e, out);
    return out;
  }

  private static void collect(Expr e, List<Expr.Name> out) {
    if (e instanceof Expr.Name n) out.add(n);
    else if (e instanceof Expr.Group g) collect(g.inner(), out);
    else if (e instanceof Expr.Unary u) collect(u.operand(), out);
    else if (e instanceof Expr.Binary b) {
      collect(b.left(), out);
      collect(b.right(), out);
    } else if (e instanceof Expr.Call c) {
      for (Expr.Arg a : c.args()) collect(a.value(), out);
    }
  }

  /** Every call node in the tree, in source order. */
  static List<Expr.Call> calls(Expr e) {
    List<Expr.Call> out = new ArrayList<>();
    collectCalls(e, out);
    return out;
  }

  private static void collectCalls(Expr e, List<Expr.Call> out) {
    if (e instanceof Expr.Call c) {
      out.add(c);
      for (Expr.Arg a : c.args()) collectCalls(a.value(), out);
    } else if (e instanceof Expr.Group g) collectCalls(g.inner(), out);
    else if (e instanceof Expr.Unary u) collectCalls(u.operand(), out);
    else if (e instanceof Expr.Binary b) {
      collectCalls(b.left(), out);
      collectCalls(b.right(), out);
    }
  }

  /** A "did you mean" note for an unknown name, or null when nothing is close. */
  static String suggest(String name, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance || d == bestDistance && best != null && k.compareTo(best) < 0) {
        bestDistance = d;
        best = k;
      }
    }
    int allowed = Math.max(1, name.length() / 3);
    return best != null && bestDistance <= allowed ? "help: did you mean '" + best + "'?" : null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
