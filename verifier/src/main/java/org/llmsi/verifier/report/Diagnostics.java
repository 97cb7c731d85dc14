package org.llmsi.verifier.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where every check reports what it found: one sink per verification (or per page, joined in file
 * order). A check that must not go on after its own errors takes a {@link #mark()} first and asks
 * it afterwards, instead of comparing list sizes.
 */
public final class Diagnostics {
  private final List<Diagnostic> found = new ArrayList<>();

  public void add(Diagnostic d) {
    found.add(d);
  }

  public void addAll(Diagnostics other) {
    found.addAll(other.found);
  }

  /** A point in this sink: {@link Mark#hasNew()} says whether anything was reported after it. */
  public Mark mark() {
    return new Mark(found.size());
  }

  public final class Mark {
    private final int at;

    private Mark(int at) {
      this.at = at;
    }

    public boolean hasNew() {
      return found.size() > at;
    }
  }

  public boolean any(Predicate<Diagnostic> which) {
    return found.stream().anyMatch(which);
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** Everything reported, by file, line and column. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> out = new ArrayList<>(found);
    Collections.sort(out);
    return out;
  }
}
