package org.llmsi.verifier.contrib;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The rules every GitHub workflow of the project keeps, so that a change to {@code .github/} cannot
 * quietly weaken the pull-request path: no {@code pull_request_target}, least-privilege tokens,
 * actions pinned to commits, one run per pull request at a time, no pull-request text pasted into
 * shell scripts, and the README's own commands. Each violation is one sentence naming the file,
 * the place and the fix.
 */
final class WorkflowRules {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern USES_LINE = Pattern.compile("^\\s*(?:-\\s*)?uses:\\s*([^\\s#]+)\\s*(#.*)?$");
  private static final Pattern VERSION_COMMENT = Pattern.compile("#\\s*v\\d+(\\.\\d+)*\\b.*");
  // Expressions a pull-request author controls; in a run: script they become shell code.
  private static final Pattern UNTRUSTED = Pattern.compile("\\$\\{\\{[^}]*(github\\.event\\.|github\\.head_ref)");

  private final ReadmeCommands commands;

  WorkflowRules(ReadmeCommands commands) {
    this.commands = commands;
  }

  /** Every violation in the workflow {@code name} whose text is {@code yaml}, in a fixed order. */
  List<String> check(String name, String yaml) {
    List<String> out = new ArrayList<>();
    Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    if (!(parsed instanceof Map<?, ?> workflow)) {
      out.add(name + ": not a workflow (expected a YAML mapping)");
      return out;
    }
    Set<String> triggers = triggers(workflow);
    boolean pullRequest = triggers.contains("pull_request");
    Map<?, ?> jobs = map(workflow.get("jobs"));

    if (triggers.contains("pull_request_target")) {
      out.add(name + ": runs on pull_request_target, which gives code from a fork the repository's"
          + " secrets and a write token: use pull_request");
    }
    checkPermissions(name, workflow, jobs, pullRequest, out);
    checkConcurrency(name, workflow, jobs, pullRequest, out);
    checkPinning(name, yaml, jobs, out);
    checkScripts(name, jobs, out);

    List<String> scripts = runLines(jobs);
    if (pullRequest) {
      if (!scripts.contains(commands.test())) {
        out.add(name + ": does not run the README's test command `" + commands.test() + "`");
      }
      if (scripts.stream().noneMatch(l -> l.contains("--format github") || l.contains("--format=github"))) {
        out.add(name + ": does not run the verifier with --format github, so its findings would not"
            + " be annotated on the changed lines");
      }
    }
    if (pushesTo(workflow, "main") && !scripts.contains(commands.build())) {
      out.add(name + ": publishes main without the README's build command `" + commands.build() + "`");
    }
    return out;
  }

  private static void checkPermissions(String name, Map<?, ?> workflow, Map<?, ?> jobs, boolean pullRequest, List<String> out) {
    Object top = workflow.get("permissions");
    if (top != null) {
      String grant = writeGrant(top);
      if (grant != null) {
        out.add(name + ": top-level permissions grant " + grant + " to every job: start from"
            + " `permissions: {}` and grant write access in the one job that needs it");
      }
    }
    for (Map.Entry<?, ?> job : jobs.entrySet()) {
      Object own = map(job.getValue()).get("permissions");
      if (own == null && top == null) {
        out.add(name + ": job '" + job.getKey() + "' has no permissions: block and the workflow has no"
            + " top-level one, so it runs with the repository's default token");
      }
      String grant = own == null ? null : writeGrant(own);
      if (pullRequest && grant != null) {
        out.add(name + ": job '" + job.getKey() + "' of a pull_request workflow asks for " + grant
            + ": checking a pull request needs read access only");
      }
    }
  }

  /** The first write grant of a permissions value ({@code write-all}, or {@code scope: write}), or null. */
  private static String writeGrant(Object permissions) {
    if (permissions instanceof String s) return s.equals("read-all") ? null : s;
    for (Map.Entry<?, ?> e : map(permissions).entrySet()) {
      if ("write".equals(String.valueOf(e.getValue()))) return e.getKey() + ": write";
    }
    return null;
  }

  private static void checkConcurrency(String name, Map<?, ?> workflow, Map<?, ?> jobs, boolean pullRequest, List<String> out) {
    List<Object> groups = new ArrayList<>();
    if (workflow.get("concurrency") != null) {
      groups.add(workflow.get("concurrency"));
    } else {
      for (Map.Entry<?, ?> job : jobs.entrySet()) {
        Object own = map(job.getValue()).get("concurrency");
        if (own == null) {
          out.add(name + ": job '" + job.getKey() + "' has no concurrency: group (nor has the workflow),"
              + " so runs of the same branch pile up");
          return;
        }
        groups.add(own);
      }
    }
    if (!pullRequest) return;
    for (Object group : groups) {
      // A bare string is a group without cancel-in-progress.
      if (!Boolean.TRUE.equals(map(group).get("cancel-in-progress"))) {
        out.add(name + ": concurrency does not set cancel-in-progress: true, so a new push to a pull"
            + " request waits for the obsolete run instead of replacing it");
        return;
      }
    }
  }

  private static void checkPinning(String name, String yaml, Map<?, ?> jobs, List<String> out) {
    for (Map.Entry<?, ?> job : jobs.entrySet()) {
      List<Object> uses = new ArrayList<>();
      Object reusable = map(job.getValue()).get("uses");
      if (reusable != null) uses.add(reusable);
      for (Object step : list(map(job.getValue()).get("steps"))) {
        Object u = map(step).get("uses");
        if (u != null) uses.add(u);
      }
      for (Object u : uses) {
        String ref = String.valueOf(u);
        if (ref.startsWith("./")) continue;
        int at = ref.lastIndexOf('@');
        boolean pinned = ref.startsWith("docker://") ? ref.contains("@sha256:")
            : at > 0 && SHA.matcher(ref.substring(at + 1)).matches();
        if (!pinned) {
          out.add(name + ": job '" + job.getKey() + "' uses " + ref + ": pin it to a full 40-character"
              + " commit SHA, with the release in a comment (@<sha> # vX.Y.Z)");
        }
      }
    }
    // The release comment is not part of the YAML value, so it is read from the text itself.
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = USES_LINE.matcher(lines[i]);
      if (!m.matches() || m.group(1).startsWith("./")) continue;
      String ref = m.group(1);
      int at = ref.lastIndexOf('@');
      if (at > 0 && SHA.matcher(ref.substring(at + 1)).matches()
          && (m.group(2) == null || !VERSION_COMMENT.matcher(m.group(2)).matches())) {
        out.add(name + ":" + (i + 1) + ": " + ref.substring(0, at) + " is pinned to a commit without a"
            + " `# vX.Y.Z` comment saying which release it is");
      }
    }
  }

  private static void checkScripts(String name, Map<?, ?> jobs, List<String> out) {
    for (Map.Entry<?, ?> job : jobs.entrySet()) {
      for (Object step : list(map(job.getValue()).get("steps"))) {
        Object run = map(step).get("run");
        if (run != null && UNTRUSTED.matcher(String.valueOf(run)).find()) {
          Map<?, ?> s = map(step);
          Object label = s.get("name") != null ? s.get("name") : s.get("id");
          out.add(name + ": step '" + label + "' of job '" + job.getKey() + "' pastes pull-request"
              + " text (${{ github.event… }}) into a shell script: pass it through env: instead");
        }
      }
    }
  }

  /** Every line of every run: script, without comments, in job and step order. */
  private static List<String> runLines(Map<?, ?> jobs) {
    List<String> lines = new ArrayList<>();
    for (Object job : jobs.values()) {
      for (Object step : list(map(job).get("steps"))) {
        Object run = map(step).get("run");
        if (run == null) continue;
        for (String line : String.valueOf(run).split("\n")) {
          String command = ReadmeCommands.withoutComment(line);
          if (!command.isEmpty()) lines.add(command);
        }
      }
    }
    return lines;
  }

  /** Trigger names; YAML 1.1 reads the key {@code on} as the boolean true. */
  static Set<String> triggers(Map<?, ?> workflow) {
    Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
    Set<String> names = new LinkedHashSet<>();
    if (on instanceof String s) names.add(s);
    else if (on instanceof Collection<?> c) c.forEach(t -> names.add(String.valueOf(t)));
    else map(on).keySet().forEach(t -> names.add(String.valueOf(t)));
    return names;
  }

  private static boolean pushesTo(Map<?, ?> workflow, String branch) {
    Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
    if (!triggers(workflow).contains("push")) return false;
    Object branches = map(map(on).get("push")).get("branches");
    return branches == null || branch.equals(branches) || list(branches).contains(branch);
  }

  private static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }
}
