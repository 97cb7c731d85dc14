package org.llmsi.verifier.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.model.ExampleStep;
import org.llmsi.verifier.model.VerifiedExample;

/**
 * Every row of the guide's worked examples reads as a textbook prints it: a step either carries a
 * label ({@code h100_smem "shared memory, all SMs, H100" = …}) or is a glossary symbol, whose
 * meaning is shown (not for an alias of a model or accelerator record, whose row is the record, not
 * the quantity a symbol of that name means). Otherwise a reader sees the code name in words ("lc g32", "r4 b"), which the
 * language allows for fixtures and drafts but the published guide does not.
 */
class GuideExampleLabelsTest {
  @Test
  void everyStepOfTheGuideShowsALabelOrAGlossaryMeaning() {
    VerificationResult result = new Verifier(VerifyOptions.of(Path.of("../site-src"))).verify();
    assertTrue(result.ok(), () -> "the guide must verify: " + result.diagnostics());
    List<String> unlabelled = new ArrayList<>();
    int steps = 0;
    for (VerifiedExample example : result.guide().examples()) {
      for (ExampleStep step : example.steps()) {
        steps++;
        // An alias of a model or accelerator named like a glossary symbol (m, the rows of a matrix
        // product) would show that symbol's meaning, which is a quantity's, not the record's.
        boolean alias = step.given() && step.statement().binding().rhs() instanceof org.llmsi.verifier.lang.Expr.Name;
        if (step.statement().label() == null && (alias || result.guide().glossary().symbol(step.name()).isEmpty())) {
          unlabelled.add(step.location().display() + ": step '" + step.name() + "' of \"" + example.title()
              + "\" would show as \"" + step.label() + "\": write " + step.name() + " \"what it is\" = …");
        }
      }
    }
    assertTrue(steps > 2000, "the guide's examples were read: " + steps + " steps");
    assertEquals(List.of(), unlabelled, () -> unlabelled.size() + " unlabelled steps:\n" + String.join("\n", unlabelled));
  }

  /**
   * A figure in a label ("batch 64", "step with a 256-token chunk", "128k request") or in an
   * example's title is a number a reader sees: it must be a value its example computes, reads or writes in its code, or a given
   * of the page, to the label's digits ("8k" is 8,000 or 8,192). Names are not figures: digits joined to a letter
   * (H100, FP8, 70B, p99, DeepSeek-V3) or after a model family's name (Llama 3.1).
   */
  @Test
  void everyFigureInALabelOrTitleIsAValueOfItsExample() {
    VerificationResult result = new Verifier(VerifyOptions.of(Path.of("../site-src"))).verify();
    assertTrue(result.ok(), () -> "the guide must verify: " + result.diagnostics());
    // Each page's bindings by name (the first met), which the examples below use.
    Map<Path, Map<String, ExampleStep>> bindings = new TreeMap<>();
    for (VerifiedExample example : result.guide().examples()) {
      var page = bindings.computeIfAbsent(example.location().file(), f -> new java.util.HashMap<>());
      for (ExampleStep step : example.steps()) page.putIfAbsent(step.name(), step);
    }
    List<String> unmatched = new ArrayList<>();
    int figures = 0;
    for (VerifiedExample example : result.guide().examples()) {
      // What the example computes, reads and writes, and what the bindings it uses do, all the way down
      // ("128k" in a label of a rate computed from a batch that a 128k context sized).
      List<Double> seen = new ArrayList<>();
      java.util.Set<String> visited = new java.util.HashSet<>();
      java.util.ArrayDeque<ExampleStep> todo = new java.util.ArrayDeque<>(example.steps());
      while (!todo.isEmpty()) {
        ExampleStep used = todo.pop();
        seen.addAll(values(used));
        List<String> names = new ArrayList<>();
        Matcher name = NAME.matcher(used.expression());
        while (name.find()) {
          names.add(name.group());
          // A formula called without an input takes it from the page's binding of that name.
          result.guide().formula(name.group()).ifPresent(f -> f.symbols().forEach(sym -> names.add(sym.name())));
        }
        for (String n : names) {
          ExampleStep binding = bindings.get(example.location().file()).get(n);
          if (binding != null && visited.add(n)) todo.push(binding);
        }
      }
      // The title states figures too ("Llama 3 8B at batch 64"): they are held the same way.
      StringBuilder code = new StringBuilder();
      for (ExampleStep step : example.steps()) code.append(step.expression()).append(' ');
      figures += check(example.title(), "title", example.location().display(), seen, code.toString(), unmatched);
      for (ExampleStep step : example.steps()) {
        String label = step.statement().label();
        if (label != null) figures += check(label, "label", step.location().display(), seen, step.expression(), unmatched);
      }
    }
    assertTrue(figures > 100, "labels with figures were read: " + figures);
    assertEquals(List.of(), unmatched, () -> unmatched.size() + " label figures:\n" + String.join("\n", unmatched));
  }

  /** Checks the figures of a label or title against the values its example sees; returns how many it read. */
  private static int check(String text, String what, String where, List<Double> seen, String code, List<String> unmatched) {
    int figures = 0;
    Matcher m = FIGURE.matcher(text);
    while (m.find()) {
      if (NAME_BEFORE.matcher(text.substring(0, m.start())).find()) continue;
      figures++;
      String digits = m.group(1).replace(",", "");
      double f = Double.parseDouble(digits);
      if (m.group(3) != null) f = Math.pow(10, superscript(m.group(3))); // 10²¹
      int decimals = digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
      double half = 0.5 * Math.pow(10, -decimals);
      boolean k = m.group(2) != null;
      // "4k" of a step that multiplies a 1k quantity by 4: the 4 is in its code.
      boolean literal = k && java.util.Arrays.asList(code.split("[^\\d.]+")).contains(digits);
      double figure = f;
      boolean found = literal || seen.stream().anyMatch(v -> k
          ? Math.abs(v - figure * 1000) <= half * 1000 || Math.abs(v - figure * 1024) <= half * 1024
          : Math.abs(v - figure) <= half * Math.max(1, figure * 1e-9) || Math.abs(v * 100 - figure) <= half * (1 + 1e-9));
      if (!found) {
        unmatched.add(where + ": " + what + " \"" + text + "\" says " + m.group().strip()
            + ", which its example does not compute or read, nor is it a given of the page");
      }
    }
    return figures;
  }

  /**
   * The numbers a step shows or uses: its value as printed ({@code 14.6} of {@code 14.6 min}), the
   * data figures it read as the data file states them, and the literals of its code
   * ({@code paged_sequences_that_fit(s = 4096, …)}, {@code 2048 * t_tok}).
   */
  private static List<Double> values(ExampleStep step) {
    List<Double> out = new ArrayList<>();
    for (String shown : new String[] {step.computed(), step.claimed()}) {
      if (shown == null) continue;
      Matcher m = PRINTED.matcher(shown);
      if (m.lookingAt()) out.add(Double.parseDouble(m.group().replace(",", "")));
    }
    for (var cited : step.cites()) out.add(cited.value());
    Matcher literal = PRINTED.matcher(NAME.matcher(step.expression()).replaceAll(" "));
    while (literal.find()) out.add(Double.parseDouble(literal.group().replace(",", "")));
    return out;
  }

  /** The number a step's value is printed with ({@code 1,024}, {@code 14.6} of {@code 14.6 min}, {@code 8.39e9}). */
  private static final Pattern PRINTED = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?(?:e[+-]?\\d+)?");
  /** A figure: digits not joined to a letter before them or after them, but for a thousands suffix ({@code 8k}). */
  private static final Pattern FIGURE =
      Pattern.compile("(?<![\\p{L}\\d.,/-])(\\d[\\d,]*+(?:\\.\\d+)?+)(?:(k)|(?<=10)([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?(?![\\p{L}\\d.])");
  /** A name in a step's code: a binding of the page it may use. */
  private static final Pattern NAME = Pattern.compile("(?<![\\d.])[\\p{L}_][\\p{L}\\d_.]*");

  private static int superscript(String digits) {
    int sign = digits.startsWith("⁻") ? -1 : 1;
    int n = 0;
    for (char c : digits.replace("⁻", "").toCharArray()) n = 10 * n + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c);
    return sign * n;
  }
  /**
   * A model family or product whose version follows it ({@code Llama 3.1}, {@code Gemma 2}), a
   * place in a source ({@code section 3.4}, {@code Table 2}), or a question's number ({@code Practice 1}).
   */
  private static final Pattern NAME_BEFORE = Pattern.compile(
      "(?:Llama|Qwen|Gemma|Mistral|Mixtral|Phi|GPT|Claude|Gemini|Grok|Falcon|OPT|Practice|Follow-up|[Cc]hapter|[Ss]ection|[Tt]able|[Ff]igure|[Ee]quation|[Aa]ppendix|§)\\s?$");
}
