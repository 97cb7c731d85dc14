package org.llmsi.verifier.contrib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The issue forms and the pull-request template ask for what a maintainer needs to act: where, what
 * it should be, and the source. GitHub silently falls back to a blank issue when a form is
 * malformed, so the shape GitHub requires is checked here.
 */
class IssueFormsTest {
  private static final Path GITHUB = Repository.root().resolve(".github");
  private static final Set<String> ELEMENT_TYPES = Set.of("markdown", "input", "textarea", "dropdown", "checkboxes");

  @Test
  void aWrongNumberReportRequiresLocationExpectedValueAndSource() throws IOException {
    Map<?, ?> form = form("wrong-number.yml");
    assertEquals(Set.of("location", "expected", "source"), requiredIds(form));
  }

  @Test
  void aMissingTopicRequiresTheTopicAndWhyItMatters() throws IOException {
    Map<?, ?> form = form("missing-topic.yml");
    assertEquals(Set.of("topic", "why"), requiredIds(form));
  }

  @Test
  void blankIssuesAreOffAndEveryContactLinkIsComplete() throws IOException {
    Map<?, ?> config = yaml(GITHUB.resolve("ISSUE_TEMPLATE/config.yml"));
    assertEquals(Boolean.FALSE, config.get("blank_issues_enabled"));
    List<?> links = assertInstanceOf(List.class, config.get("contact_links"));
    assertFalse(links.isEmpty());
    for (Object link : links) {
      Map<?, ?> l = assertInstanceOf(Map.class, link);
      assertTrue(String.valueOf(l.get("url")).startsWith("https://"), "contact link url: " + l);
      assertTrue(l.get("name") != null && l.get("about") != null, "contact link needs name and about: " + l);
    }
  }

  @Test
  void thePullRequestTemplateAsksWhatChangedAndTheSourceOfEveryNumber() throws IOException {
    String template = Files.readString(GITHUB.resolve("pull_request_template.md"), StandardCharsets.UTF_8);
    assertTrue(template.contains("## What changed"), "a 'What changed' section");
    assertTrue(template.contains("## Source for every new or changed number"), "a section for sources");
    assertTrue(template.contains("`mvn -B verify`"), "the command that checks everything locally");
  }

  /** Parses a form and checks the structure GitHub requires of every form. */
  private static Map<?, ?> form(String name) throws IOException {
    Map<?, ?> form = yaml(GITHUB.resolve("ISSUE_TEMPLATE").resolve(name));
    for (String key : List.of("name", "description", "body")) {
      assertTrue(form.containsKey(key), name + " needs top-level '" + key + "'");
    }
    Set<String> ids = new HashSet<>();
    for (Object element : assertInstanceOf(List.class, form.get("body"))) {
      Map<?, ?> e = assertInstanceOf(Map.class, element);
      String type = String.valueOf(e.get("type"));
      assertTrue(ELEMENT_TYPES.contains(type), name + ": unknown element type " + type);
      Map<?, ?> attributes = assertInstanceOf(Map.class, e.get("attributes"), name + ": " + type + " needs attributes");
      if (type.equals("markdown")) {
        assertTrue(attributes.containsKey("value"), name + ": markdown needs a value");
        continue;
      }
      assertTrue(ids.add(String.valueOf(e.get("id"))), name + ": duplicate or missing id " + e.get("id"));
      assertTrue(attributes.get("label") instanceof String, name + ": " + e.get("id") + " needs a label");
    }
    return form;
  }

  private static Set<String> requiredIds(Map<?, ?> form) {
    List<String> required = new ArrayList<>();
    for (Object element : (List<?>) form.get("body")) {
      Map<?, ?> e = (Map<?, ?>) element;
      Object validations = e.get("validations");
      if (validations instanceof Map<?, ?> v && Boolean.TRUE.equals(v.get("required"))) {
        required.add(String.valueOf(e.get("id")));
      }
    }
    return new HashSet<>(required);
  }

  private static Map<?, ?> yaml(Path file) throws IOException {
    Object parsed = new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(Files.readString(file, StandardCharsets.UTF_8));
    return assertInstanceOf(Map.class, parsed, file + " is a YAML mapping");
  }
}
