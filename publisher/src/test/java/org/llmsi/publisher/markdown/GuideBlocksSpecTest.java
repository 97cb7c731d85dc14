package org.llmsi.publisher.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.llmsi.publisher.fixtures.FixtureCatalogs;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.model.VerifiedGuide;
import org.llmsi.verifier.source.Page;
import org.llmsi.verifier.source.PageReader;
import org.llmsi.verifier.source.SourceFile;

/**
 * Runs the extension's spec, {@code src/test/resources/spec/guide_blocks_spec.md}, in flexmark's
 * spec format: each example is Markdown, a line with a single {@code .}, the expected HTML, and
 * optionally another {@code .} and the expected AST. It is rendered against the verified basic
 * fixture, so formula and example blocks resolve as they do in a build; {@code options(first-line-N)}
 * sets the file line of the example's first line, as the located errors show it.
 *
 * <p>Typeset math is shown in the expected HTML as {@code <img class="math" alt="…">}, without
 * the file name, size and text layer: the spec is about the extension's markup, and the drawing and
 * its text are MathRendererTest's. With
 * {@code -Dgolden.update=true} the expected sections are rewritten from what the extension does.
 */
class GuideBlocksSpecTest {
  static final Path SPEC = Path.of("src/test/resources/spec/guide_blocks_spec.md");
  private static final String FENCE = "````````````````````````````````";
  private static final Pattern HEADER =
      Pattern.compile("^" + FENCE + " example(?:\\(([^)]*)\\))?(?: options\\(([^)]*)\\))?\\s*$");
  private static final Pattern MATH = Pattern.compile(
      "<span class=\"m\"><img class=\"math\" src=\"math/[0-9a-f]{12}\\.svg\" alt=\"([^\"]*)\" width=\"\\d+\" height=\"\\d+\""
          + " style=\"[^\"]*\"><span aria-hidden=\"true\">[^<]*</span></span>");

  static VerifiedGuide guide;
  static String chapterFile;
  static final java.util.Map<Integer, String[]> updated = new java.util.concurrent.ConcurrentHashMap<>();

  /** One example of the spec: where it starts in the file, its options and its three sections. */
  record Example(int line, String name, String options, String markdown, String html, String ast) {}

  @BeforeAll
  static void verify() {
    guide = new Verifier(VerifyOptions.of(Path.of("src/test/resources/fixtures/basic/site-src"))
        .withCatalog(FixtureCatalogs.BASIC).withTries(20)).verify().guide();
    chapterFile = guide.formula("ridge_point").orElseThrow().location().file().toString();
  }

  @TestFactory
  Stream<DynamicTest> everyExampleOfTheSpecRendersAsWritten() throws IOException {
    List<String> lines = Files.readAllLines(SPEC, StandardCharsets.UTF_8);
    List<Example> examples = parse(lines);
    if (examples.isEmpty()) throw new AssertionError("no examples in " + SPEC);
    return examples.stream().map(e -> DynamicTest.dynamicTest(e.name() + " (spec line " + e.line() + ")", () -> {
      String[] actual = render(e);
      if (Boolean.getBoolean("golden.update")) {
        updated.put(e.line(), actual);
        return;
      }
      assertEquals(e.html(), actual[0], "HTML of " + e.name());
      if (e.ast() != null) assertEquals(e.ast(), actual[1], "AST of " + e.name());
    }));
  }

  /** Rewrites the expected sections (golden switch), keeping the Markdown and the prose around it. */
  @AfterAll
  static void rewrite() throws IOException {
    if (!Boolean.getBoolean("golden.update") || updated.isEmpty()) return;
    List<String> lines = Files.readAllLines(SPEC, StandardCharsets.UTF_8);
    java.util.Map<Integer, String[]> byLine = updated;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      out.append(line).append('\n');
      String[] actual = byLine.get(i + 1);
      if (actual == null) continue;
      int j = i + 1;
      while (!lines.get(j).equals(".")) out.append(lines.get(j++)).append('\n');
      out.append(".\n").append(actual[0]);
      j++;
      while (!lines.get(j).equals(".") && !lines.get(j).equals(FENCE)) j++;
      if (lines.get(j).equals(".")) {
        out.append(".\n").append(actual[1]);
        j++;
        while (!lines.get(j).equals(FENCE)) j++;
      }
      i = j - 1;
    }
    Files.writeString(SPEC, out.toString(), StandardCharsets.UTF_8);
  }

  static List<Example> parse(List<String> lines) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = HEADER.matcher(lines.get(i));
      if (!m.matches()) continue;
      int start = i + 1;
      List<StringBuilder> sections = new ArrayList<>(List.of(new StringBuilder()));
      for (i++; i < lines.size() && !lines.get(i).equals(FENCE); i++) {
        if (lines.get(i).equals(".")) sections.add(new StringBuilder());
        else sections.get(sections.size() - 1).append(lines.get(i).replace('\u2192', '\t')).append('\n');
      }
      if (i >= lines.size()) throw new AssertionError(SPEC + ":" + start + ": example is not closed by " + FENCE);
      if (sections.size() < 2) throw new AssertionError(SPEC + ":" + start + ": example has no expected HTML");
      String name = m.group(1) != null ? m.group(1) : "example at line " + start;
      out.add(new Example(start, name, m.group(2) == null ? "" : m.group(2), sections.get(0).toString(),
          sections.get(1).toString(), sections.size() > 2 ? sections.get(2).toString() : null));
    }
    return out;
  }

  /** flexmark's AST notation: each node's {@code toAstString(true)}, children indented by two. */
  private static StringBuilder ast(com.vladsch.flexmark.util.ast.Node node, int depth, StringBuilder out) {
    out.append("  ".repeat(depth)).append(node.toAstString(true)).append('\n');
    for (var child : node.getChildren()) ast(child, depth + 1, out);
    return out;
  }

  /**
   * HTML (math summarised) and AST of an example: its Markdown read by the verifier's parser, as a
   * chapter is, and rendered against the verified fixture (a formula resolves by its id; an example
   * fence that the verifier did not check is an error).
   */
  private static String[] render(Example e) {
    int firstLine = 1;
    for (String option : e.options().split("[,\\s]+")) {
      if (option.startsWith("first-line-")) firstLine = Integer.parseInt(option.substring("first-line-".length()));
    }
    String text = "\n".repeat(firstLine - 1) + e.markdown();
    Page page = new PageReader().read(SourceFile.of(Path.of(chapterFile), Path.of(chapterFile), text), new org.llmsi.verifier.report.Diagnostics());
    String html;
    try {
      html = new ChapterRenderer(guide, new MathRenderer()).render(page, "");
    } catch (GuideBlockException ex) {
      html = "error: " + ex.getMessage().replace(chapterFile, "<chapter>") + "\n";
    }
    html = MATH.matcher(html).replaceAll(m -> Matcher.quoteReplacement("<img class=\"math\" alt=\"" + m.group(1) + "\">"));
    String ast = ast(page.document(), 0, new StringBuilder()).toString();
    return new String[] {html, ast};
  }
}
