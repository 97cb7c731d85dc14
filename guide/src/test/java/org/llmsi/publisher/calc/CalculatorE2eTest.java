package org.llmsi.publisher.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.publisher.GuidePublisher;
import org.llmsi.publisher.PublishRequest;
import org.llmsi.publisher.PublishResult;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.check.ReferenceCatalog;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.model.ExampleStep;
import org.llmsi.verifier.model.VerifiedFormula;
import org.llmsi.verifier.model.VerifiedGuide;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The calculators compute what the guide verifies: every formula's generated JavaScript, loaded as
 * a page loads it (a script file under the pages' Content-Security-Policy, from file://) in
 * Debian's headless Chromium, agrees with its Java reference to 1e-12 relative on 1,000 inputs
 * drawn from the glossary's domains (as the property tests draw them, with a fixed seed). A
 * generator with one operator or function swapped must fail the same check. Run with -Pe2e.
 */
@Tag("e2e")
class CalculatorE2eTest {
  static final int DRAWS = 1000;
  static final double TOLERANCE = 1e-12;

  @TempDir
  static Path temp;

  static ChromeDriver browser;
  static VerifiedGuide guide;
  static ReferenceCatalog references;

  @BeforeAll
  static void verifyAndOpen() throws IOException {
    // Only the syntax trees are needed here: the property tests of the build run elsewhere.
    VerificationResult result = new Verifier(VerifyOptions.of(Path.of("../site-src")).withTries(10)).verify();
    assertTrue(result.ok(), () -> result.diagnostics().toString());
    guide = result.guide();
    references = ReferenceCatalog.load(VerifyOptions.GUIDE_CATALOG);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(temp.resolve("chrome-profile")));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void close() {
    if (browser != null) browser.quit();
  }

  /**
   * The published chapters from file://: every formula has its calculator, and a drill's what-if,
   * run on the page's own givens, shows each claim at the value the verifier computed (to the
   * digits either shows); another model or GPU changes results; the browser logs nothing.
   */
  @Test
  void everyFormulaHasACalculatorAndEachDrillsWhatIfReproducesItsClaims() throws IOException {
    Path site = temp.resolve("site");
    PublishResult built = new GuidePublisher().publish(new PublishRequest(
        Path.of("../site-src"), Path.of("../templates"), site, false, 10, VerifyOptions.GUIDE_CATALOG));
    assertTrue(built.ok(), () -> String.join("\n", built.problems()));
    int calculators = 0;
    int drills = 0;
    for (var page : guide.pages()) {
      String file = page.file().shownPath().getFileName().toString();
      browser.get(site.resolve(file.replaceAll("\\.md$", ".html")).toUri().toString());
      long formulas = (Long) browser.executeScript("return document.querySelectorAll('figure.formula').length");
      long withCalc = (Long) browser.executeScript("return document.querySelectorAll('figure.formula > details.calc').length");
      assertEquals(formulas, withCalc, file + ": formulas without a calculator");
      calculators += (int) withCalc;
      if (file.contains("drill-")) {
        whatIfReproducesClaims(page, file);
        drills++;
      }
      List<String> logs = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(Object::toString).toList();
      assertEquals(List.of(), logs, file + ": browser console");
    }
    browser.get(site.resolve("formula-appendix.html").toUri().toString());
    long inAppendix = (Long) browser.executeScript("return document.querySelectorAll('section.appendix-entry > details.calc').length");
    assertEquals(guide.formulas().size(), inAppendix, "formulas of the appendix with a calculator");
    System.out.printf(Locale.ROOT, "calculators: %d on the chapters, %d in the appendix; %d drills' what-if reproduce their claims%n",
        calculators, inAppendix, drills);
    assertEquals(guide.formulas().size(), calculators);
    assertEquals(4, drills);
  }

  private static void whatIfReproducesClaims(org.llmsi.verifier.source.Page page, String file) {
    List<ExampleStep> claims = new ArrayList<>();
    for (var e : guide.examples()) {
      if (e.location().file().equals(page.file().shownPath())) e.steps().stream().filter(ExampleStep::isClaim).forEach(claims::add);
    }
    @SuppressWarnings("unchecked")
    List<List<String>> rows = (List<List<String>>) browser.executeScript(
        "return Array.from(document.querySelectorAll('.whatif-results tbody tr:not(.whatif-example)'))"
            + ".map(function (r) { return [r.cells[0].textContent, r.cells[2].textContent]; });");
    assertEquals(claims.size(), rows.size(), file + ": claims in the what-if");
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(claims.get(i).label(), rows.get(i).get(0));
      // As the page prints its figures: 1,800 and 3.79 × 10²⁵, never 1800 or 3.79e25.
      String shown = rows.get(i).get(1);
      assertTrue(shown.matches("-?\\d{1,3}(,\\d{3})*(\\.\\d+)?( × 10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?( .*)?"), file + ": '" + shown + "' is not printed as the page prints figures");
      String now = asENotation(shown);
      String computed = claims.get(i).computed().split(" ")[0];
      double gap = Math.abs(Double.parseDouble(now) - Double.parseDouble(computed));
      assertTrue(gap <= halfStep(now) + halfStep(computed) + 1e-9 * Math.abs(Double.parseDouble(computed)),
          file + ": " + claims.get(i).name() + " is " + now + " in the what-if but " + computed + " on the page");
    }
    Object changed = browser.executeScript(
        "var pick = document.querySelector('.whatif select.calc-pick');"
            + "pick.value = pick.options[0].value === pick.value ? pick.options[1].value : pick.options[0].value;"
            + "pick.dispatchEvent(new Event('change'));"
            + "return document.querySelectorAll('.whatif-results tr.changed').length;");
    assertTrue(((Long) changed) > 0, file + ": another entry of the first picker changed no result");
  }

  /** A figure as a reader reads it ({@code 3.79 × 10²⁵ FLOP}, {@code 1,800}) as {@code 3.79e25}, {@code 1800}. */
  private static String asENotation(String shown) {
    String[] parts = shown.replace(",", "").split(" × 10");
    if (parts.length == 1) return parts[0].split(" ")[0];
    StringBuilder exponent = new StringBuilder();
    for (char c : parts[1].split(" ")[0].toCharArray()) exponent.append(c == '⁻' ? '-' : (char) ('0' + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)));
    return parts[0] + "e" + exponent;
  }

  /** Half the step of the last digit a number is printed with ({@code 1.34e9} gives 0.005e9). */
  private static double halfStep(String number) {
    String[] parts = number.toLowerCase(Locale.ROOT).split("e");
    int dot = parts[0].indexOf('.');
    int decimals = dot < 0 ? 0 : parts[0].length() - dot - 1;
    int exponent = parts.length > 1 ? Integer.parseInt(parts[1].replace("+", "")) : 0;
    return 0.5 * Math.pow(10, exponent - decimals);
  }

  /** What one check found: how many values were compared, the largest gap, and each formula that disagreed. */
  record Agreement(int formulas, long compared, double maxRelative, List<String> disagreements) {}

  @Test
  void everyFormulasGeneratedJavaScriptAgreesWithItsReference() throws IOException {
    Agreement a = agreement(new JsGenerator(), "generated", DRAWS);
    System.out.printf(Locale.ROOT, "calculator agreement: %d formulas, %,d values compared in Chromium, "
        + "largest relative difference %.3g%n", a.formulas(), a.compared(), a.maxRelative());
    assertEquals(List.of(), a.disagreements());
    assertEquals(guide.formulas().size(), a.formulas());
    assertEquals((long) DRAWS * guide.formulas().size(), a.compared());
  }

  /** Each mutant is a plausible slip in the generator; the check must catch every one. */
  @Test
  void aGeneratorWithASwappedOperatorFailsTheCheck() throws IOException {
    Map<String, JsGenerator> mutants = Map.of(
        "minus-as-plus", new JsGenerator() {
          @Override
          protected String binary(char op, String l, String r) {
            return super.binary(op == '-' ? '+' : op, l, r);
          }
        },
        "divide-as-multiply", new JsGenerator() {
          @Override
          protected String binary(char op, String l, String r) {
            return super.binary(op == '/' ? '*' : op, l, r);
          }
        },
        "power-as-multiply", new JsGenerator() {
          @Override
          protected String binary(char op, String l, String r) {
            return super.binary(op == '^' ? '*' : op, l, r);
          }
        },
        "max-as-min", new JsGenerator() {
          @Override
          protected String function(String name, List<String> args) {
            return super.function(name.equals("max") ? "min" : name, args);
          }
        },
        "ceil-as-floor", new JsGenerator() {
          @Override
          protected String function(String name, List<String> args) {
            return super.function(name.equals("ceil") ? "floor" : name, args);
          }
        });
    List<String> survivors = new ArrayList<>();
    for (Map.Entry<String, JsGenerator> m : new java.util.TreeMap<>(mutants).entrySet()) {
      Agreement a = agreement(m.getValue(), m.getKey(), 200); // each mutant is caught within far fewer draws
      System.out.printf(Locale.ROOT, "mutant %s: %d of %d formulas disagree%n", m.getKey(),
          a.disagreements().size(), a.formulas());
      if (a.disagreements().isEmpty()) survivors.add(m.getKey());
    }
    assertEquals(List.of(), survivors, "mutants of the generator that the agreement check did not catch");
  }

  /** Writes the generator's script of every formula beside a page that loads it, and compares in the browser. */
  private static Agreement agreement(JsGenerator generator, String name, int draws) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(name));
    Files.writeString(dir.resolve("formulas.js"), new CalcScripts(generator).formulasScript(guide.formulas(), guide),
        StandardCharsets.UTF_8);
    // The policy every page of the site carries: the script must run as a file the page loads.
    Files.writeString(dir.resolve("index.html"), """
        <!DOCTYPE html><html><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">
        <title>formulas</title><script src="formulas.js"></script></head><body></body></html>
        """, StandardCharsets.UTF_8);
    browser.get(dir.resolve("index.html").toUri().toString());
    assertFalse(browser.executeScript("return window.LLMSI_CALC == null") == Boolean.TRUE, "formulas.js did not load");
    long compared = 0;
    double worst = 0;
    List<String> disagreements = new ArrayList<>();
    for (VerifiedFormula f : guide.formulas()) {
      ReferenceCatalog.BoundReference ref = references.references().get(f.id());
      List<SymbolDef> inputs = ref.symbols().stream().map(s -> guide.glossary().symbol(s).orElseThrow()).toList();
      Random random = new Random(f.id().hashCode()); // String.hashCode is fixed by its specification
      List<List<String>> rows = new ArrayList<>();
      double[] expected = new double[draws];
      for (int i = 0; i < draws; i++) {
        double[] args = new double[inputs.size()];
        List<String> row = new ArrayList<>();
        for (int j = 0; j < args.length; j++) {
          args[j] = inputs.get(j).unit().toBase(draw(inputs.get(j), random));
          row.add(Double.toString(args[j])); // as text: the round trip through JSON keeps every bit
        }
        rows.add(row);
        expected[i] = ref.invoke(args);
      }
      @SuppressWarnings("unchecked")
      List<String> got = (List<String>) browser.executeScript("""
          var fn = window.LLMSI_CALC.formulas[arguments[0]].fn, names = arguments[1], out = [];
          arguments[2].forEach(function (row) {
            var v = {};
            names.forEach(function (n, j) { v[n] = Number(row[j]); });
            out.push(String(fn(v)));
          });
          return out;""", f.id(), ref.symbols(), rows);
      for (int i = 0; i < draws; i++) {
        double js = Double.parseDouble(got.get(i));
        double java = expected[i];
        double scale = Math.max(Math.abs(js), Math.abs(java));
        double relative = scale == 0 ? 0 : Math.abs(js - java) / scale;
        compared++;
        if (!(relative <= TOLERANCE) || !Double.isFinite(js)) {
          disagreements.add(f.id() + " at " + ref.symbols() + " = " + rows.get(i) + ": JavaScript " + js + ", Java " + java);
          break;
        }
        worst = Math.max(worst, relative);
      }
    }
    return new Agreement(guide.formulas().size(), compared, worst, disagreements);
  }

  /** A value from the symbol's domain, in its unit, drawn as the property tests draw: log-uniform over two decades or more. */
  static double draw(SymbolDef s, Random random) {
    double lo = s.low();
    double hi = s.high();
    if (s.integer()) {
      long l = (long) Math.ceil(lo);
      long h = (long) Math.floor(hi);
      if (s.logUniform()) {
        double x = Math.log(l) + random.nextDouble() * (Math.log(h + 1.0) - Math.log(l));
        return Math.min(h, Math.max(l, (long) Math.floor(Math.exp(x))));
      }
      return l + (long) Math.floor(random.nextDouble() * (h - l + 1));
    }
    if (s.logUniform()) return Math.exp(Math.log(lo) + random.nextDouble() * (Math.log(hi) - Math.log(lo)));
    return lo + random.nextDouble() * (hi - lo);
  }
}
