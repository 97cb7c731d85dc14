package org.llmsi.publisher;

import java.util.List;

/**
 * What a build did.
 *
 * @param ok whether the site was published
 * @param problems located one-line problems (verification diagnostics are formatted as the verifier prints them)
 * @param summary the closing line for the terminal
 * @param pages HTML pages written
 * @param millis wall time
 * @param stages wall time of each stage that ran, in order (verify, bake, …), for benchmarks
 */
public record PublishResult(boolean ok, List<String> problems, String summary, int pages, long millis,
    java.util.Map<String, Long> stages) {
  public PublishResult {
    problems = List.copyOf(problems);
    stages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stages));
  }
}
