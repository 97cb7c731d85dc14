package org.llmsi.verifier.contrib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's workflows keep the pull-request path safe, and each rule is proven to bite by a
 * broken fixture in {@code contrib/workflows/} whose first line says the exact violation expected.
 */
class WorkflowRulesTest {
  private static final Path WORKFLOWS = Repository.root().resolve(".github/workflows");
  private static final Path BROKEN = Path.of("src/test/resources/contrib/workflows");

  @TestFactory
  Stream<DynamicTest> everyWorkflowOfTheProjectKeepsTheRules() throws IOException {
    WorkflowRules rules = new WorkflowRules(ReadmeCommands.read(Repository.root().resolve("README.md")));
    List<Path> files = yamlFiles(WORKFLOWS);
    assertTrue(files.stream().anyMatch(p -> p.endsWith("verify.yml")), "no verify.yml in " + WORKFLOWS);
    assertTrue(files.stream().anyMatch(p -> p.endsWith("publish.yml")), "no publish.yml in " + WORKFLOWS);
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () ->
        assertEquals(List.of(), rules.check(file.getFileName().toString(), read(file)))));
  }

  @TestFactory
  Stream<DynamicTest> everyBrokenFixtureFailsWithExactlyItsMessage() throws IOException {
    // The fixtures are self-contained: they break a rule against the default README commands.
    WorkflowRules rules = new WorkflowRules(ReadmeCommands.DEFAULTS);
    List<Path> files = yamlFiles(BROKEN);
    assertFalse(files.size() < 12, "a broken fixture per rule, found " + files.size());
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String text = read(file);
      String expected = text.lines().findFirst().orElse("").replaceFirst("^# expect: ", "");
      assertEquals(List.of(expected), rules.check(file.getFileName().toString(), text));
    }));
  }

  @Test
  void theVerifyWorkflowTriggersOnPullRequestsAndPublishDeploysMainToPages() throws IOException {
    WorkflowRules rules = new WorkflowRules(ReadmeCommands.DEFAULTS);
    String verify = read(WORKFLOWS.resolve("verify.yml"));
    String publish = read(WORKFLOWS.resolve("publish.yml"));
    // The rules only apply the pull-request checks to pull-request workflows: make sure it is one.
    assertEquals(List.of(), rules.check("verify.yml", verify));
    assertTrue(verify.contains("\n  pull_request:\n"), "verify.yml runs on pull_request");
    assertTrue(verify.contains("path: out/") && verify.contains("if-no-files-found: warn"),
        "verify.yml uploads out/ and only warns when the publisher wrote nothing");
    assertTrue(publish.contains("actions/upload-pages-artifact@") && publish.contains("actions/deploy-pages@"),
        "publish.yml deploys with the Pages actions");
    assertTrue(publish.contains("pages: write") && publish.contains("id-token: write"),
        "the deploy job has the two permissions Pages needs");
  }

  @Test
  void theReadmeCommandsAreReadFromItsFirstCodeBlock() throws IOException {
    ReadmeCommands readme = ReadmeCommands.read(Repository.root().resolve("README.md"));
    assertFalse(readme.test().contains("-DskipTests"), readme.test());
    assertTrue(readme.build().contains("-DskipTests") && readme.build().endsWith(" verify"), readme.build());
    assertEquals("mvn -B -DskipTests verify", readme.build());
    assertEquals("mvn -B verify", ReadmeCommands.withoutComment("mvn -B verify   # test: everything"));
  }

  /**
   * A {@code -P} flag in the README or a workflow must name a profile some pom.xml defines: Maven
   * only warns about an unknown one, so a documented command could silently do less than it says.
   */
  @Test
  void everyProfileTheCommandsActivateExists() throws IOException {
    Path root = Repository.root();
    java.util.Set<String> defined = new java.util.TreeSet<>();
    java.util.regex.Pattern id = java.util.regex.Pattern.compile("<profile>\\s*(?:<!--.*?-->\\s*)*<id>([^<]+)</id>",
        java.util.regex.Pattern.DOTALL);
    for (String pom : List.of("pom.xml", "formulas/pom.xml", "verifier/pom.xml", "publisher/pom.xml", "guide/pom.xml")) {
      java.util.regex.Matcher m = id.matcher(read(root.resolve(pom)));
      while (m.find()) defined.add(m.group(1).strip());
    }
    assertTrue(defined.contains("e2e"), "the profile reader finds the e2e profile: " + defined);
    List<Path> sources = new java.util.ArrayList<>(yamlFiles(WORKFLOWS));
    sources.add(root.resolve("README.md"));
    sources.add(root.resolve("CONTRIBUTING.md"));
    sources.add(root.resolve(".ci/run"));
    java.util.regex.Pattern flag = java.util.regex.Pattern.compile("\\bmvn\\b[^\\n]*?\\s-P([A-Za-z0-9_.,!-]+)");
    for (Path file : sources) {
      java.util.regex.Matcher m = flag.matcher(read(file));
      while (m.find()) {
        for (String profile : m.group(1).split(",")) {
          String name = profile.replaceFirst("^[!-]", "");
          assertTrue(defined.contains(name), root.relativize(file) + " activates profile '" + name
              + "', which no pom.xml defines (defined: " + defined + ")");
        }
      }
    }
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
