package org.llmsi.verifier.contrib;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced block of a Markdown document marked as a test fixture by the comment line before it:
 * {@code <!-- snippet: KIND NAME -->} or {@code <!-- snippet: KIND NAME in TARGET -->}.
 *
 * @param kind what the test does with it (chapter, glossary, reference, property, append, excerpt,
 *     broken, output, annotation)
 * @param name the file or scenario it names
 * @param target for {@code broken}: the chapter whose lines it replaces
 * @param language the fence's info string
 * @param body the block's text, ending with a newline unless empty
 * @param line the 1-based line of the marker, for messages
 */
record Snippet(String kind, String name, String target, String language, String body, int line) {
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\w+) (\\S+)(?: in (\\S+))? -->");
  private static final Pattern FENCE = Pattern.compile("(`{3,})([\\w-]*)");

  /** A fence of the document: its opening line, language, and whether a snippet marker precedes it. */
  record Fence(int line, String language, boolean marked) {}

  /** Every marked snippet of {@code markdown}, in document order. */
  static List<Snippet> all(String markdown) {
    List<Snippet> out = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (Block b : blocks(lines)) {
      if (b.open == 0) continue;
      Matcher m = MARKER.matcher(lines[b.open - 1].strip());
      if (m.matches()) out.add(new Snippet(m.group(1), m.group(2), m.group(3), b.language, b.body, b.open));
    }
    return out;
  }

  /** Every top-level fence of {@code markdown} (fences nested in a longer fence are content). */
  static List<Fence> fences(String markdown) {
    String[] lines = markdown.split("\n", -1);
    List<Fence> out = new ArrayList<>();
    for (Block b : blocks(lines)) {
      boolean marked = b.open > 0 && MARKER.matcher(lines[b.open - 1].strip()).matches();
      out.add(new Fence(b.open + 1, b.language, marked));
    }
    return out;
  }

  private record Block(int open, String language, String body) {}

  private static List<Block> blocks(String[] lines) {
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher open = FENCE.matcher(lines[i]);
      if (!open.matches()) continue;
      StringBuilder body = new StringBuilder();
      int j = i + 1;
      while (j < lines.length && !lines[j].equals(open.group(1))) body.append(lines[j++]).append('\n');
      if (j == lines.length) throw new IllegalStateException("unterminated fence at line " + (i + 1));
      out.add(new Block(i, open.group(2), body.toString()));
      i = j;
    }
    return out;
  }
}
