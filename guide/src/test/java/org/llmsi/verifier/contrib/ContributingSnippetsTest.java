package org.llmsi.verifier.contrib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.formulas.Reference;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.cli.VerifyCommand;
import org.llmsi.verifier.model.VerifiedFormula;
import org.llmsi.verifier.report.Diagnostic;

/**
 * CONTRIBUTING.md cannot rot: its glossary entry, chapter and worked example are added to a copy of
 * the real guide, its Java reference is compiled and bound as a catalog class, and the result must
 * verify; its property test is compiled and run; every error it shows is exactly what the verifier
 * prints for the change it describes; every excerpt is still in the file it quotes. Run with
 * {@code -Dgolden.update=true} to rewrite the shown outputs after an intended change, then review
 * the diff of CONTRIBUTING.md.
 */
class ContributingSnippetsTest {
  private static final Path DOC = Repository.root().resolve("CONTRIBUTING.md");
  private static final String CATALOG = "org.llmsi.verifier.contrib.SnippetCatalog#topics";
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final Set<String> KINDS =
      Set.of("chapter", "glossary", "reference", "property", "append", "excerpt", "setting", "broken", "output",
          "annotation");

  private static final Pattern SHOWN_OUTPUT = Pattern.compile("<!-- snippet: (output|annotation) (\\S+) -->");

  private static List<Snippet> snippets;

  @BeforeAll
  static void readTheDocument() throws IOException {
    snippets = Snippet.all(Files.readString(DOC, StandardCharsets.UTF_8));
  }

  @AfterEach
  void forgetCompiledClasses() {
    SnippetCatalog.compiled = List.of();
  }

  @Test
  void everyMarkdownYamlAndJavaBlockIsAFixture() throws IOException {
    for (Snippet.Fence fence : Snippet.fences(Files.readString(DOC, StandardCharsets.UTF_8))) {
      if (Set.of("markdown", "yaml", "java").contains(fence.language())) {
        assertTrue(fence.marked(), "CONTRIBUTING.md:" + fence.line() + ": a " + fence.language()
            + " block without a <!-- snippet: ... --> marker is not tested");
      }
    }
    for (Snippet s : snippets) {
      assertTrue(KINDS.contains(s.kind()), "CONTRIBUTING.md:" + s.line() + ": unknown snippet kind " + s.kind());
    }
    assertTrue(of("chapter").size() >= 1 && of("glossary").size() >= 1 && of("reference").size() >= 1
        && of("property").size() >= 1 && of("append").size() >= 1, "the end-to-end path is shown in full");
  }

  @Test
  void theGuideWithEveryDocumentedAdditionVerifies(@TempDir Path dir) throws Exception {
    Path site = guideWithAdditions(dir);
    SnippetCatalog.compiled = compile(dir, of("reference"), false);
    VerificationResult result = new Verifier(VerifyOptions.of(site).withDisplayBase(dir).withCatalog(CATALOG)).verify();
    assertTrue(result.ok(), () -> "CONTRIBUTING.md's additions do not verify:\n" + result.diagnostics());
    // The documented formula was really bound to the documented reference and property-tested.
    for (Snippet chapter : of("chapter")) {
      for (String id : formulaIds(chapter.body())) {
        VerifiedFormula f = result.guide().formula(id).orElseThrow();
        assertEquals(VerifyOptions.DEFAULT_TRIES, f.tries(), id);
        assertFalse(f.usedBy().isEmpty(), id + " is used by the documented example");
      }
    }
    long shownClaims = Stream.concat(of("chapter").stream(), of("append").stream())
        .flatMap(s -> s.body().lines()).filter(l -> l.contains("≈")).count();
    VerificationResult real = new Verifier(VerifyOptions.of(Repository.root().resolve("site-src"))).verify();
    assertEquals(real.summary().claims() + shownClaims, result.summary().claims(), "every shown claim was checked");
  }

  @Test
  void theDocumentedPropertyTestCompilesAndPasses(@TempDir Path dir) throws Exception {
    List<Snippet> sources = new ArrayList<>(of("reference"));
    sources.addAll(of("property"));
    List<Class<?>> classes = compile(dir, sources, true);
    int ran = 0;
    for (Snippet property : of("property")) {
      Class<?> test = classes.stream().filter(c -> c.getSimpleName().equals(property.name())).findFirst().orElseThrow();
      Constructor<?> make = test.getDeclaredConstructor();
      make.setAccessible(true);
      Object instance = make.newInstance();
      for (Method m : test.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Test.class)) {
          m.setAccessible(true);
          m.invoke(instance); // throws (and fails this test) when the property does not hold
          ran++;
        }
      }
    }
    assertTrue(ran > 0, "no @Test method in the property snippets");
  }

  @Test
  void everyErrorShownIsExactlyWhatTheVerifierPrints(@TempDir Path dir) throws Exception {
    Map<String, String> actual = new LinkedHashMap<>();
    List<Class<?>> references = compile(dir.resolve("classes"), of("reference"), false);
    for (Snippet broken : of("broken")) {
      Path root = dir.resolve(broken.name());
      Path site = guideWithAdditions(root);
      Path chapter = site.resolve("content").resolve(broken.target() + ".md");
      Files.writeString(chapter, replaceLines(Files.readString(chapter, StandardCharsets.UTF_8), broken),
          StandardCharsets.UTF_8);
      SnippetCatalog.compiled = references;
      actual.put("output " + broken.name(), diagnostics(root, site, "text"));
      actual.put("annotation " + broken.name(), diagnostics(root, site, "github"));
    }
    if (UPDATE) {
      rewriteShownOutputs(actual);
      readTheDocument();
    }
    int compared = 0;
    for (Snippet shown : snippets) {
      if (!shown.kind().equals("output") && !shown.kind().equals("annotation")) continue;
      String key = shown.kind() + " " + shown.name();
      assertTrue(actual.containsKey(key), "CONTRIBUTING.md:" + shown.line() + ": no broken snippet named " + shown.name());
      assertEquals(actual.get(key), shown.body(), "CONTRIBUTING.md:" + shown.line() + ": " + key);
      assertFalse(shown.body().isBlank(), key + " shows nothing");
      compared++;
    }
    assertTrue(compared >= of("broken").size(), "every broken snippet shows its output");
  }

  @Test
  void everyKindOfDiagnosticIsExplained() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    for (Diagnostic.Kind kind : Diagnostic.Kind.values()) {
      assertTrue(doc.contains("\n| " + kind.title() + " | "), "CONTRIBUTING.md explains '" + kind.title() + "'");
    }
  }

  @Test
  void theCommandsItGivesAreTheReadmes() throws IOException {
    ReadmeCommands readme = ReadmeCommands.read(Repository.root().resolve("README.md"));
    List<String> shellLines = shellLines();
    assertTrue(shellLines.contains(readme.test()), "CONTRIBUTING.md runs the tests with " + readme.test());
    assertTrue(shellLines.contains(readme.build()), "CONTRIBUTING.md builds the site with " + readme.build());
  }

  @Test
  void theVerifierCommandsItGivesRunOnTheGuide(@TempDir Path dir) throws IOException {
    String jar = "java -jar publisher/target/guide.jar verify";
    List<String> commands = shellLines().stream().filter(l -> l.startsWith(jar)).toList();
    assertFalse(commands.isEmpty());
    Path site = Repository.copyGuide(dir.resolve("site-src"));
    for (String command : commands) {
      // In-process, on a copy (--fix may write), with the folder the document names mapped to the copy.
      String[] args = command.substring(jar.length()).strip().replace("site-src", site.toString()).split(" +");
      StringWriter out = new StringWriter();
      int status = VerifyCommand.run(args, new PrintWriter(out), new PrintWriter(out));
      assertEquals(0, status, command + "\n" + out);
      assertTrue(out.toString().contains("verified "), command + "\n" + out);
    }
  }

  /** Every command line of the document's sh blocks, without comments. */
  private static List<String> shellLines() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(doc);
    while (m.find()) {
      for (String line : m.group(1).split("\n")) out.add(ReadmeCommands.withoutComment(line));
    }
    return out;
  }

  @Test
  void everyExcerptIsStillInTheFileItQuotes() throws IOException {
    assertFalse(of("excerpt").isEmpty());
    for (Snippet excerpt : of("excerpt")) {
      String file = Files.readString(Repository.root().resolve(excerpt.name()), StandardCharsets.UTF_8);
      assertTrue(file.contains(excerpt.body()), "CONTRIBUTING.md:" + excerpt.line() + " quotes " + excerpt.name()
          + ", which no longer contains:\n" + excerpt.body());
    }
  }

  @Test
  void everySettingItNamesIsTheOneTheSiteReads() throws IOException {
    assertFalse(of("setting").isEmpty());
    for (Snippet setting : of("setting")) {
      Path file = Repository.root().resolve(setting.name());
      // The publisher's settings file arrives with the publisher; until then there is nothing to contradict.
      if (!Files.exists(file)) continue;
      List<String> defined = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(l -> l.contains("=") && !l.startsWith("#")).map(l -> l.substring(0, l.indexOf('=')).strip()).toList();
      for (String line : setting.body().strip().split("\n")) {
        String key = line.substring(0, line.indexOf('=')).strip();
        assertTrue(defined.contains(key), "CONTRIBUTING.md:" + setting.line() + " documents " + key + ", which "
            + setting.name() + " does not define (it has " + defined + ")");
      }
    }
  }

  private static List<Snippet> of(String kind) {
    return snippets.stream().filter(s -> s.kind().equals(kind)).toList();
  }

  /** A copy of site-src/ under {@code dir} with the documented glossary files, chapters and appended examples. */
  private static Path guideWithAdditions(Path dir) throws IOException {
    Path site = Repository.copyGuide(dir.resolve("site-src"));
    for (Snippet g : of("glossary")) {
      Path file = site.resolve("data/symbols").resolve(g.name() + ".yaml");
      assertFalse(Files.exists(file), "the guide now has " + file.getFileName() + ": rename the documented one");
      Files.createDirectories(file.getParent());
      Files.writeString(file, g.body(), StandardCharsets.UTF_8);
    }
    for (Snippet c : of("chapter")) {
      Path file = site.resolve("content").resolve(c.name() + ".md");
      assertFalse(Files.exists(file), "the guide now has " + file.getFileName() + ": rename the documented one");
      Files.writeString(file, c.body(), StandardCharsets.UTF_8);
    }
    for (Snippet a : of("append")) {
      Path file = site.resolve("content").resolve(a.name() + ".md");
      assertTrue(Files.exists(file), "CONTRIBUTING.md:" + a.line() + " appends to " + a.name() + ".md, which is gone");
      Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + "\n" + a.body(), StandardCharsets.UTF_8);
    }
    return site;
  }

  /**
   * The chapter with each line of the broken snippet put in place of the chapter's line that binds
   * the same name ({@code n = ...} replaces the line starting {@code n =}).
   */
  private static String replaceLines(String chapter, Snippet broken) {
    List<String> lines = new ArrayList<>(List.of(chapter.split("\n", -1)));
    for (String replacement : broken.body().strip().split("\n")) {
      if (!replacement.matches("^\\w+ =.*")) { // a line of prose replaces the line it shares the longest start with
        int best = -1;
        int bestLength = 0;
        boolean tie = false;
        for (int i = 0; i < lines.size(); i++) {
          int n = 0;
          while (n < Math.min(lines.get(i).length(), replacement.length()) && lines.get(i).charAt(n) == replacement.charAt(n)) n++;
          if (n > bestLength) {
            best = i;
            bestLength = n;
            tie = false;
          } else if (n == bestLength && n > 0) {
            tie = true;
          }
        }
        assertTrue(best >= 0 && !tie && bestLength >= 3,
            "CONTRIBUTING.md:" + broken.line() + ": the prose line must start like exactly one line of " + broken.target());
        lines.set(best, replacement);
        continue;
      }
      String name = replacement.substring(0, replacement.indexOf('=')).strip();
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith(name + " =")) at.add(i);
      }
      assertEquals(1, at.size(), "CONTRIBUTING.md:" + broken.line() + ": '" + name + " =' must be one line of " + broken.target());
      lines.set(at.get(0), replacement);
    }
    return String.join("\n", lines);
  }

  /** The verifier's findings in {@code format}, without the closing summary (it counts the whole guide). */
  private static String diagnostics(Path root, Path site, String format) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = VerifyCommand.run(new String[] {"--format=" + format, "--no-timing",
        "--relative-to=" + root, "--references=" + CATALOG, site.toString()}, new PrintWriter(out), new PrintWriter(err));
    assertEquals(1, status, "the broken snippet must fail verification:\n" + out + err);
    List<String> lines = new ArrayList<>(List.of(out.toString().split("\n", -1)));
    // Drop the trailing newline's empty element, the summary line, and the blank line before it.
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
    assertTrue(lines.remove(lines.size() - 1).startsWith("verification failed: "));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  /** Compiles the Java snippets and loads them; with {@code tests}, JUnit and QuickTheories are on the class path. */
  private static List<Class<?>> compile(Path dir, List<Snippet> sources, boolean tests) throws Exception {
    Path src = dir.resolve("src");
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-proc:none",
        "-parameters", "-Xlint:all", "-Werror", "-classpath", classPath(tests)));
    for (Snippet s : sources) {
      Path file = src.resolve(packageOf(s).replace('.', '/')).resolve(s.name() + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, s.body(), StandardCharsets.UTF_8);
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status = javac.run(null, null, messages, args.toArray(String[]::new));
    assertEquals(0, status, "CONTRIBUTING.md's Java does not compile:\n" + messages.toString(StandardCharsets.UTF_8));
    SnippetClassLoader loader = new SnippetClassLoader(classes, ContributingSnippetsTest.class.getClassLoader());
    List<Class<?>> loaded = new ArrayList<>();
    for (Snippet s : sources) {
      loaded.add(loader.loadClass(packageOf(s) + "." + s.name()));
    }
    return loaded;
  }

  /** Where the formulas module (and for tests, JUnit and QuickTheories) were loaded from. */
  private static String classPath(boolean tests) throws URISyntaxException, ClassNotFoundException {
    List<String> anchors = new ArrayList<>(List.of(Reference.class.getName()));
    if (tests) {
      anchors.addAll(List.of("org.junit.jupiter.api.Test", "org.quicktheories.QuickTheory",
          "org.opentest4j.AssertionFailedError", "org.apiguardian.api.API"));
    }
    List<String> entries = new ArrayList<>();
    for (String name : anchors) {
      Class<?> c = Class.forName(name);
      entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return entries.stream().distinct().collect(Collectors.joining(java.io.File.pathSeparator));
  }

  private static String packageOf(Snippet java) {
    return java.body().lines().filter(l -> l.startsWith("package ")).findFirst()
        .orElseThrow(() -> new AssertionError("CONTRIBUTING.md:" + java.line() + ": a Java snippet names its package"))
        .replaceAll("package |;", "").strip();
  }

  private static List<String> formulaIds(String chapter) {
    return chapter.lines().filter(l -> l.startsWith("```formula ")).map(l -> l.substring("```formula ".length()).strip())
        .toList();
  }

  /** Writes the verifier's actual output into each output/annotation block of CONTRIBUTING.md. */
  private static void rewriteShownOutputs(Map<String, String> actual) throws IOException {
    String[] lines = Files.readString(DOC, StandardCharsets.UTF_8).split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      out.append(lines[i]).append(i + 1 < lines.length ? "\n" : "");
      Matcher m = SHOWN_OUTPUT.matcher(lines[i].strip());
      String key = m.matches() ? m.group(1) + " " + m.group(2) : null;
      if (key == null || !actual.containsKey(key)) continue;
      String fence = lines[++i];
      out.append(fence).append('\n').append(actual.get(key));
      while (!lines[i + 1].equals(fence.replaceAll("[^`]", ""))) i++;
    }
    Files.writeString(DOC, out.toString(), StandardCharsets.UTF_8);
  }
}
