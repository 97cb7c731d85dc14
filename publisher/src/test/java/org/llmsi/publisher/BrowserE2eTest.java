package org.llmsi.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.publisher.serve.LivePreview;
import org.llmsi.publisher.serve.PreviewServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The published fixture site in a real browser (Debian's Chromium, headless), opened from file://
 * as a reader who downloaded it would: navigation, search, theme, no console errors, and no
 * request that leaves the machine. The same pages served over HTTP by the live preview, whose
 * reload script is injected into them, must run under their Content-Security-Policy too. Every
 * page records the policy violations the browser reports (a listener installed before any of the
 * page's own scripts), and a violation is also a console error. Screenshots go to
 * target/e2e-screens/. Run with -Pe2e.
 */
@Tag("e2e")
class BrowserE2eTest {
  @TempDir
  static Path temp;

  static ChromeDriver browser;
  static Path site;

  @BeforeAll
  static void buildAndOpen() throws IOException {
    site = temp.resolve("out");
    PublishResult result = new GuidePublisher().publish(Fixtures.request("basic", site, true));
    assertTrue(result.ok(), () -> String.join("\n", result.problems()));
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(temp.resolve("chrome-profile")), "--window-size=1300,1000",
        "--allow-file-access-from-files");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
    browser = new ChromeDriver(service, options);
    // Runs in every document before its own scripts; the browser itself is not bound by the policy.
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", function (e) {
          window.__cspViolations.push(e.effectiveDirective + " refused " + (e.blockedURI || "inline")
              + " at " + e.sourceFile + ":" + e.lineNumber);
        });
        """));
  }

  /** The policy violations the current page has seen since it loaded. */
  @SuppressWarnings("unchecked")
  private static List<String> violations() {
    return (List<String>) browser.executeScript("return window.__cspViolations || ['no violation recorder']");
  }

  /** Console messages at warning level and above since the last call. */
  private static List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) errors.add(e.getMessage());
    }
    return errors;
  }

  /** The page's Content-Security-Policy as the browser sees it in the DOM. */
  private static String policy() {
    return (String) browser.executeScript(
        "const m = document.querySelector('head > meta[http-equiv=\"Content-Security-Policy\"]'); return m && m.content");
  }

  @AfterAll
  static void quit() {
    if (browser != null) browser.quit();
  }

  private static void screenshot(String name) throws IOException {
    Path out = Path.of("target/e2e-screens").resolve(name);
    Files.createDirectories(out.getParent());
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), out, StandardCopyOption.REPLACE_EXISTING);
  }

  /** A math image is given only its width; the browser must take its height from the SVG's view. */
  @SuppressWarnings("unchecked")
  private static void assertSizedByTheirViews() throws IOException {
    List<List<Object>> boxes = (List<List<Object>>) browser.executeScript("return [...document.querySelectorAll('img.math')]"
        + ".map(i => { const r = i.getBoundingClientRect(); return [i.getAttribute('src'), r.width, r.height]; })");
    assertFalse(boxes.isEmpty());
    for (List<Object> box : boxes) {
      String svg = Files.readString(site.resolve((String) box.get(0)));
      Matcher view = Pattern.compile("viewBox=\"-?\\d+ -?\\d+ (\\d+) (\\d+)\"").matcher(svg);
      assertTrue(view.find(), svg);
      double width = ((Number) box.get(1)).doubleValue();
      double height = ((Number) box.get(2)).doubleValue();
      assertEquals(width * Long.parseLong(view.group(2)) / Long.parseLong(view.group(1)), height, 0.5, box.get(0) + " " + box);
    }
  }

  @Test
  void readerNavigatesSearchesAndSwitchesThemeOffline() throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    browser.manage().logs().get(LogType.BROWSER); // what earlier tests left
    browser.manage().logs().get(LogType.PERFORMANCE);
    browser.get(site.resolve("index.html").toUri().toString());
    assertTrue(policy().contains("script-src 'self'"), "the page is under its policy: " + policy());
    assertEquals("LLM System Interview", browser.findElement(By.cssSelector("main h1")).getText());
    screenshot("1-home.png");

    browser.findElement(By.cssSelector("ol.contents a[href='01-intro.html']")).click();
    assertEquals("Fixture introduction", browser.findElement(By.cssSelector("article h1")).getText());
    WebElement math = browser.findElement(By.cssSelector("article p img.math"));
    assertTrue(math.getSize().getWidth() > 10 && math.getSize().getHeight() > 5, "inline math has a size");
    assertEquals(0L, ((JavascriptExecutor) browser).executeScript(
        "return [...document.querySelectorAll('img.math')].filter(i => !(i.complete && i.naturalWidth > 0)).length"),
        "every math image on the page loaded from file://");
    assertSizedByTheirViews();

    browser.findElement(By.cssSelector("a[rel=next]")).click();
    assertEquals("Fixture ridge point", browser.findElement(By.cssSelector("article h1")).getText());
    assertSizedByTheirViews();
    // Without scope attributes each step's name is still its row's header to assistive technology
    // (three steps of the ridge example, two of the memory budget's).
    assertEquals(java.util.Collections.nCopies(5, "rowheader"),
        browser.findElements(By.cssSelector("table.steps th")).stream().map(WebElement::getAriaRole).toList());
    screenshot("2-chapter.png");
    // The example's one badge is a link, from the keyboard too, to the code that ran, on the
    // chapter's verification record; the record's entry links back.
    WebElement badge = browser.findElement(By.cssSelector("p.checks > a"));
    assertEquals("✓ verified: 2 claims", badge.getText());
    badge.sendKeys(org.openqa.selenium.Keys.ENTER);
    assertEquals("Verification record", browser.findElement(By.cssSelector("article h1")).getText());
    assertTrue(browser.findElement(By.cssSelector(".record-entry pre")).getText().contains("# computed 295.34 FLOP/B"));
    screenshot("2-record.png");
    browser.findElement(By.cssSelector(".record-entry h2 a")).click();
    assertEquals("Fixture ridge point", browser.findElement(By.cssSelector("article h1")).getText());

    WebElement search = browser.findElement(By.id("search-input"));
    assertTrue(search.isEnabled(), "the search script ran from file://");
    assertEquals(List.of(), violations(), "policy violations on the chapter page");
    search.sendKeys("intensity");
    WebElement firstHit = wait.until(d -> d.findElements(By.cssSelector("#search-results [role=option]")).stream().findFirst().orElse(null));
    screenshot("3-search.png");
    firstHit.click();
    wait.until(d -> d.getCurrentUrl().contains("01-intro.html") || d.getCurrentUrl().contains("formula-appendix.html"));

    JavascriptExecutor js = browser;
    browser.findElement(By.id("theme-toggle")).click();
    String theme = (String) js.executeScript("return document.documentElement.getAttribute('data-theme')");
    assertTrue(theme.equals("dark") || theme.equals("light"));
    browser.navigate().refresh();
    assertEquals(theme, js.executeScript("return document.documentElement.getAttribute('data-theme')"),
        "the chosen theme persists across pages");
    if (!"dark".equals(theme)) browser.findElement(By.id("theme-toggle")).click();
    String background = (String) js.executeScript("return getComputedStyle(document.documentElement).backgroundColor");
    assertEquals("rgb(22, 24, 27)", background, "dark theme applied");
    assertEquals("invert(0.89)", js.executeScript("return getComputedStyle(document.querySelector('img.math')).filter"),
        "black math glyphs are turned into the dark theme's text colour");
    screenshot("4-dark.png");

    // A high-contrast mode repaints the page's colours but not its images: math keeps a white ground.
    browser.executeCdpCommand("Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "forced-colors", "value", "active"))));
    assertEquals(true, js.executeScript("return matchMedia('(forced-colors: active)').matches"));
    assertEquals("rgb(255, 255, 255)", js.executeScript("return getComputedStyle(document.querySelector('img.math')).backgroundColor"));
    assertEquals("none", js.executeScript("return getComputedStyle(document.querySelector('img.math')).filter"),
        "black glyphs on their own white ground, whatever the system's colours");
    screenshot("5-forced-colors.png");
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));

    assertEquals(List.of(), violations(), "policy violations after search and theme switch");
    assertEquals(List.of(), consoleErrors(), "console errors");
    List<String> remote = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
      String m = e.getMessage();
      if (!m.contains("\"Network.requestWillBeSent\"")) continue;
      int at = m.indexOf("\"url\":\"");
      String url = at < 0 ? "" : m.substring(at + 7, m.indexOf('"', at + 7));
      // The site is opened from file://; the browser's own chrome:// pages are not network traffic.
      if (url.matches("(?i)^(https?|wss?|ftp):.*")) remote.add(url);
    }
    assertEquals(List.of(), remote, "requests that left the machine");
    assertFalse(browser.findElements(By.cssSelector("img.math")).isEmpty());
  }

  /**
   * The policy is really in force, so the absence of violations above means something: a script
   * and a handler injected into a page as a chapter would have injected them do not run.
   */
  @Test
  void onAPhoneTheChaptersTitleComesFirstAndContentsIsOneTapAway() {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      browser.get(site.resolve("02-ridge.html").toUri().toString());
      long titleTop = ((Number) browser.executeScript(
          "return document.querySelector('main h1').getBoundingClientRect().top")).longValue();
      long navTop = ((Number) browser.executeScript(
          "return document.querySelector('nav.book-nav').getBoundingClientRect().top")).longValue();
      assertTrue(titleTop < 300, "the title starts " + titleTop + " px down on a 390 px phone");
      assertTrue(navTop > titleTop, "the chapter list follows the chapter on a phone");
      Object overflowing = browser.executeScript("return Array.from(document.querySelectorAll('figure.example'))"
          + ".filter(f => f.scrollWidth > f.clientWidth + 1).map(f => f.id)");
      assertEquals(List.of(), overflowing, "worked examples that run off a phone's screen");
      for (String page : List.of("01-intro.html", "02-ridge.html", "404.html", "formula-appendix.html", "index.html",
          "quick-reference.html")) {
        browser.get(site.resolve(page).toUri().toString());
        long width = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        long screen = ((Number) browser.executeScript("return window.innerWidth")).longValue();
        assertTrue(width <= screen, page + " scrolls sideways on a phone: " + width + " px wide on a " + screen + " px screen");
      }
      browser.get(site.resolve("02-ridge.html").toUri().toString());
      var jump = browser.findElement(org.openqa.selenium.By.cssSelector("a.jump-nav"));
      assertTrue(jump.isDisplayed(), "a phone shows the Contents link");
      jump.click();
      long navAfter = ((Number) browser.executeScript(
          "return document.querySelector('nav.book-nav').getBoundingClientRect().top")).longValue();
      long height = ((Number) browser.executeScript("return window.innerHeight")).longValue();
      assertTrue(navAfter >= 0 && navAfter < height && navAfter < navTop,
          "Contents brings the chapter list into view: at " + navAfter + " px of " + height + ", from " + navTop);
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1300, 1000));
    }
    browser.get(site.resolve("02-ridge.html").toUri().toString());
    assertTrue(!browser.findElement(org.openqa.selenium.By.cssSelector("a.jump-nav")).isDisplayed(),
        "a desktop shows the chapter list beside the page, no Contents link");
  }

  /** The WCAG contrast ratio of two CSS colours, computed in the page. */
  private static final String CONTRAST = """
      const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => v / 255)
          .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const contrast = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
      """;

  /**
   * The accessibility fixes of issue 18, in both themes: a focused skip link is on top of the
   * header, the theme button's name holds its visible text, every "On this page" link is 24 px
   * tall or more, the search field's edge stands 3:1 against the page, and a desktop line of prose
   * holds 60 to 80 characters.
   */
  @Test
  void skipLinkThemeNameContentsTargetsSearchEdgeAndLineLength() throws IOException {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    JavascriptExecutor js = browser;
    try {
      for (String theme : List.of("light", "dark")) {
        browser.get(site.resolve("01-intro.html").toUri().toString());
        js.executeScript("localStorage.setItem('llmsi-theme', arguments[0])", theme);
        browser.navigate().refresh();
        assertEquals(theme, js.executeScript("return document.documentElement.getAttribute('data-theme')"));

        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.TAB).perform();
        assertEquals("skip", js.executeScript("return document.activeElement.className"), "Tab reaches the skip link first");
        assertEquals(true, js.executeScript("""
            const r = document.activeElement.getBoundingClientRect();
            return r.top >= 0 && r.left >= 0 && r.height > 0
                && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === document.activeElement;
            """), theme + ": the focused skip link is drawn on top, not under the site's title");
        screenshot("7-skip-link-" + theme + ".png");

        WebElement toggle = browser.findElement(By.id("theme-toggle"));
        assertEquals(theme.equals("dark") ? "Light theme" : "Dark theme", toggle.getText());
        assertTrue(toggle.getAccessibleName().contains(toggle.getText()),
            theme + ": the button's name '" + toggle.getAccessibleName() + "' lacks its text '" + toggle.getText() + "'");

        List<?> short_ = (List<?>) js.executeScript("return [...document.querySelectorAll('nav.page-toc a')]"
            + ".filter(a => a.getBoundingClientRect().height < 24).map(a => a.textContent)");
        assertEquals(List.of(), short_, theme + ": 'On this page' links under 24 px tall");
        assertFalse(browser.findElements(By.cssSelector("nav.page-toc a")).isEmpty());

        double edge = ((Number) js.executeScript(CONTRAST + """
            return contrast(getComputedStyle(document.getElementById('search-input')).borderTopColor,
                getComputedStyle(document.documentElement).backgroundColor);
            """)).doubleValue();
        assertTrue(edge >= 3, theme + ": the search field's edge is " + edge + ":1 against the page");

        // Characters a line holds: the column's width over the width of the paragraph's own text.
        double perLine = ((Number) js.executeScript("""
            const p = document.querySelector('article > p');
            const probe = document.createElement('span');
            probe.style.whiteSpace = 'nowrap';
            probe.textContent = p.textContent.repeat(400 / p.textContent.length + 1).slice(0, 400);
            p.appendChild(probe);
            const perChar = probe.getBoundingClientRect().width / 400;
            probe.remove();
            return p.clientWidth / perChar;
            """)).doubleValue();
        assertTrue(perLine >= 60 && perLine <= 80, theme + ": a desktop line holds " + perLine + " characters");
      }
    } finally {
      js.executeScript("localStorage.removeItem('llmsi-theme')");
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1300, 1000));
    }
  }

  /**
   * "On this page" marks the section being read once its heading passes the top quarter of the
   * window, one link at a time, and marking moves nothing.
   */
  @Test
  void onThisPageMarksTheSectionBeingReadWithoutMovingAnything() {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 400));
    JavascriptExecutor js = browser;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    try {
      browser.get(site.resolve("02-ridge.html").toUri().toString());
      String boxes = "return [...document.querySelectorAll('nav.page-toc a')].map(a => JSON.stringify(a.getBoundingClientRect()))";
      Object before = js.executeScript(boxes);
      String marked = "return [...document.querySelectorAll('nav.page-toc a[aria-current=location]')].map(a => a.getAttribute('href'))";
      assertEquals(List.of(), js.executeScript(marked), "above the first section nothing is marked");
      List<WebElement> links = browser.findElements(By.cssSelector("nav.page-toc a"));
      assertTrue(links.size() >= 2, "the fixture chapter has two sections");
      String second = links.get(1).getAttribute("href");
      js.executeScript("document.getElementById(arguments[0]).scrollIntoView()", second.substring(second.indexOf('#') + 1));
      wait.until(d -> List.of(second.substring(second.indexOf('#'))).equals(js.executeScript(marked)));
      String first = links.get(0).getAttribute("href");
      js.executeScript("document.getElementById(arguments[0]).scrollIntoView()", first.substring(first.indexOf('#') + 1));
      wait.until(d -> List.of(first.substring(first.indexOf('#'))).equals(js.executeScript(marked)));
      js.executeScript("window.scrollTo(0, 0)");
      wait.until(d -> List.of().equals(js.executeScript(marked)));
      js.executeScript("window.scrollTo(0, 0); document.querySelector('nav.page-toc a').setAttribute('aria-current', 'location')");
      assertEquals(before, js.executeScript(boxes), "marking a link moved the contents");
      assertEquals(List.of(), violations());
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1300, 1000));
    }
  }

  @Test
  void thePolicyRefusesAnInjectedInlineScriptAndHandler() {
    browser.get(site.resolve("01-intro.html").toUri().toString());
    browser.manage().logs().get(LogType.BROWSER);
    JavascriptExecutor js = browser;
    js.executeScript("""
        const s = document.createElement("script");
        s.textContent = "window.__injected = 1";
        document.body.appendChild(s);
        const b = document.createElement("button");
        b.setAttribute("onclick", "window.__clicked = 1");
        document.body.appendChild(b);
        b.click();
        """);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> violations().size() >= 2);
    assertEquals(true, js.executeScript("return window.__injected === undefined && window.__clicked === undefined"),
        "the injected script or handler ran");
    List<String> seen = violations();
    assertTrue(seen.stream().anyMatch(v -> v.startsWith("script-src-elem refused inline")), seen.toString());
    assertTrue(seen.stream().anyMatch(v -> v.startsWith("script-src-attr refused inline")), seen.toString());
    assertTrue(consoleErrors().stream().anyMatch(m -> m.contains("Content Security Policy")),
        "the browser reports a refusal as a console error, which the other tests would have caught");
  }

  /**
   * The live preview serves the same pages over HTTP with its reload script added: under the
   * page's policy, search, the theme switch, the error report of a failed build and the reload
   * after a good one all work, with no violation and no console error.
   */
  @Test
  void previewPagesRunSearchThemeAndReloadUnderTheirPolicy() throws Exception {
    Path out = temp.resolve("preview");
    LivePreview preview = new LivePreview(Fixtures.request("basic", out, false), new PrintWriter(new StringWriter(), true));
    assertTrue(preview.rebuild().ok());
    try (PreviewServer server = new PreviewServer(0, out, preview.state())) {
      server.start();
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
      wait.ignoring(WebDriverException.class);
      JavascriptExecutor js = browser;
      browser.manage().logs().get(LogType.BROWSER);
      browser.get("http://127.0.0.1:" + server.port() + "/02-ridge.html");
      assertTrue(policy().contains("script-src 'self'"), "the page is under its policy: " + policy());
      assertEquals(1L, js.executeScript("return document.querySelectorAll('script[src=\"/__preview/live.js\"]').length"));
      wait.until(d -> (Boolean) js.executeScript("return performance.getEntriesByType('resource')"
          + ".some(e => e.name.endsWith('/__preview/status'))"));

      WebElement search = browser.findElement(By.id("search-input"));
      assertTrue(search.isEnabled(), "the search script ran over HTTP");
      search.sendKeys("intensity");
      wait.until(d -> !d.findElements(By.cssSelector("#search-results [role=option]")).isEmpty());
      // Enter opens the first hit, a formula on the first chapter; the form around the field must
      // not submit (its handler is in search.js: an inline onsubmit= would be refused, and reported, here).
      search.sendKeys(Keys.ENTER);
      wait.until(d -> d.getCurrentUrl().endsWith("/01-intro.html#arithmetic_intensity"));
      browser.findElement(By.id("theme-toggle")).click();
      String theme = (String) js.executeScript("return document.documentElement.getAttribute('data-theme')");
      assertTrue("dark".equals(theme) || "light".equals(theme), theme);

      js.executeScript("window.__samePage = true");
      preview.state().failed("content/02-ridge.md:20:68: error: claim 300 FLOP/B does not match computed 295 FLOP/B");
      WebElement box = wait.until(d -> d.findElements(By.cssSelector(".preview-error")).stream().findFirst().orElse(null));
      assertTrue(box.getText().contains("claim 300 FLOP/B does not match"), box.getText());
      screenshot("6-preview-failed-build.png");
      assertEquals(List.of(), violations(), "policy violations before the reload");

      preview.state().succeeded();
      wait.until(d -> (Boolean) js.executeScript("return window.__samePage === undefined && document.readyState === 'complete'"));
      assertTrue(browser.findElements(By.cssSelector(".preview-error")).isEmpty(), "a good build clears the report");
      assertEquals(theme, js.executeScript("return document.documentElement.getAttribute('data-theme')"),
          "the chosen theme survives the reload");
      wait.until(d -> (Boolean) js.executeScript("return performance.getEntriesByType('resource')"
          + ".some(e => e.name.endsWith('/__preview/status'))"));
      assertEquals(List.of(), violations(), "policy violations after the reload");
      // Over HTTP the browser asks for /favicon.ico on its own; the site has no icon, so that 404 is
      // the browser's request, not the page's.
      assertEquals(List.of(), consoleErrors().stream().filter(m -> !m.contains("/favicon.ico ")).toList(),
          "console errors");
    }
  }

  // ---- Search (issue 18, item 5), on the basic fixture plus two chapters with words to fold ----

  private static Path searchSite;

  /**
   * The basic fixture and two chapters: a section "KV cache per token" before a chapter titled "KV
   * cache: sizing it" (so the title can only rank first by weight, not book order), with ZeRO-3,
   * an all-reduce and markup-like code in its prose.
   */
  private static Path searchSite() throws IOException {
    if (searchSite != null) return searchSite;
    Path src = Fixtures.copyOfSiteSrc("basic", temp.resolve("search-src"));
    Files.writeString(src.resolve("content/03-sharding.md"), """
        title=Fixture sharding
        type=page
        status=published
        order=3
        description=Sections whose words search folds.
        ~~~~~~

        # Fixture sharding

        ## KV cache per token

        Each token keeps its keys and values, written `<b>bold</b>` in no markup.

        ## Sharding states

        ZeRO-3 shards parameters, gradients and optimizer states; each step runs an all-reduce.
        """);
    Files.writeString(src.resolve("content/04-kv-cache.md"), """
        title=KV cache: sizing it
        type=page
        status=published
        order=4
        description=A chapter whose title search ranks first.
        ~~~~~~

        # KV cache: sizing it

        The store of keys and values grows with every token a request holds.
        """);
    Path out = temp.resolve("search-out");
    PublishResult result = new GuidePublisher().publish(Fixtures.request(src, out, false));
    assertTrue(result.ok(), () -> String.join("\n", result.problems()));
    searchSite = out;
    return out;
  }

  /** Opens a page of the search site and types a query into its search field. */
  private static WebElement searchFor(String page, String query) throws IOException {
    browser.get(searchSite().resolve(page).toUri().toString());
    WebElement input = browser.findElement(By.id("search-input"));
    input.sendKeys(query);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#search-results [role=option]")).isEmpty());
    return input;
  }

  private static List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("textContent")).toList();
  }

  @Test
  void aChaptersTitleRanksAboveAnEarlierSectionHeadingAndFormulasAreFoundByTheirText() throws IOException {
    searchFor("01-intro.html", "kv cache");
    List<String> titles = texts("#search-results .hit-title");
    assertEquals("KV cache: sizing it", titles.get(0), "the chapter first: " + titles);
    assertEquals("KV cache per token", titles.get(1), "then the section heading: " + titles);
    assertEquals(List.of("KV cache"), texts("#search-results li:first-child .hit-title mark"));

    searchFor("01-intro.html", "ridge point");
    titles = texts("#search-results .hit-title");
    // "The ridge against bandwidth" (the plot's section) has "ridge" in its heading and "point" in its text.
    assertEquals(List.of("Fixture ridge point", "The ridge point", "The ridge against bandwidth", "I_ridge = P_peak / B_mem"),
        titles.subList(0, 4), "page title, then section headings, then formula: " + titles);

    searchFor("01-intro.html", "W/Q");
    assertEquals("I = W / Q", texts("#search-results .hit-title").get(0), "a formula answers its own text");
    assertEquals("Formula · Fixture introduction", texts("#search-results .hit-page").get(0));
  }

  @Test
  void snippetsMarkTheMatchAndShowIndexTextAsText() throws IOException {
    searchFor("01-intro.html", "keys grows");
    assertEquals("KV cache: sizing it", texts("#search-results .hit-title").get(0));
    assertEquals(List.of("keys", "grows"), texts("#search-results li:first-child .hit-snippet mark"));
    assertEquals("The store of keys and values grows with every token a request holds.",
        texts("#search-results li:first-child .hit-snippet").get(0));

    searchFor("01-intro.html", "bold");
    assertTrue(texts("#search-results li:first-child .hit-snippet").get(0).contains("<b>bold</b>"),
        "the index's text is shown as text: " + texts("#search-results li:first-child .hit-snippet"));
    assertEquals(0, browser.findElements(By.cssSelector("#search-results b")).size(), "no markup made from the index");
  }

  @Test
  void hyphensAndSpacesFoldInQueryAndIndexAlike() throws IOException {
    for (String query : List.of("zero-3", "zero 3", "ZeRO3", "zero3")) {
      searchFor("01-intro.html", query);
      assertEquals("Sharding states", texts("#search-results .hit-title").get(0), query);
      assertEquals(List.of("ZeRO-3"), texts("#search-results li:first-child .hit-snippet mark"), query);
    }
    for (String query : List.of("allreduce", "all-reduce")) {
      searchFor("01-intro.html", query);
      assertEquals("Sharding states", texts("#search-results .hit-title").get(0), query);
      assertEquals(List.of("all-reduce"), texts("#search-results li:first-child .hit-snippet mark"), query);
    }
    searchFor("01-intro.html", "all reduce");
    assertEquals("Sharding states", texts("#search-results .hit-title").get(0));
  }

  @Test
  void theIndexLoadsOnFirstFocusNotWithThePage() throws IOException {
    browser.get(searchSite().resolve("02-ridge.html").toUri().toString());
    JavascriptExecutor js = browser;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(d -> "complete".equals(js.executeScript("return document.readyState")));
    assertEquals(true, js.executeScript("return window.LLMSI_SEARCH_INDEX === undefined"
        + " && !document.querySelector('script[src$=\"search-index.js\"]')"), "the index came with the page");
    assertTrue(browser.findElement(By.id("search-input")).isEnabled(), "the field is ready before its index");
    browser.findElement(By.id("search-input")).click();
    wait.until(d -> (Boolean) js.executeScript("return Array.isArray((window.LLMSI_SEARCH_INDEX || {}).entries)"));
    assertEquals(List.of(), violations(), "the index script added on focus is within the page's policy");
  }

  @Test
  void keyboardOpensMovesThroughAndClosesTheListAsACombobox() throws IOException {
    browser.get(searchSite().resolve("02-ridge.html").toUri().toString());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    WebElement input = browser.findElement(By.id("search-input"));
    assertEquals("combobox", input.getAriaRole());
    assertEquals("false", input.getAttribute("aria-expanded"));
    new org.openqa.selenium.interactions.Actions(browser).sendKeys(browser.findElement(By.tagName("body")), "/").perform();
    assertEquals(input, browser.switchTo().activeElement(), "/ focuses the search field");
    assertEquals("", input.getAttribute("value"), "the / is not typed");
    input.sendKeys("kv cache");
    wait.until(d -> "true".equals(input.getAttribute("aria-expanded")));
    assertEquals("listbox", browser.findElement(By.id("search-results")).getAriaRole());
    assertEquals("search-results", input.getAttribute("aria-controls"));
    int shown = browser.findElements(By.cssSelector("#search-results [role=option]")).size();
    WebElement status = browser.findElement(By.id("search-status"));
    wait.until(d -> status.getAttribute("textContent").equals(shown + " results"));

    input.sendKeys(Keys.ARROW_DOWN);
    assertEquals("search-hit-0", input.getAttribute("aria-activedescendant"));
    assertEquals("true", browser.findElement(By.id("search-hit-0")).getAttribute("aria-selected"));
    input.sendKeys(Keys.ARROW_DOWN);
    assertEquals("search-hit-1", input.getAttribute("aria-activedescendant"));
    assertEquals("false", browser.findElement(By.id("search-hit-0")).getAttribute("aria-selected"));
    input.sendKeys(Keys.ARROW_UP);
    assertEquals("search-hit-0", input.getAttribute("aria-activedescendant"));
    input.sendKeys(Keys.ARROW_UP);
    assertEquals("search-hit-" + (shown - 1), input.getAttribute("aria-activedescendant"), "up from the first wraps to the last");

    input.sendKeys(Keys.ESCAPE);
    assertEquals("false", input.getAttribute("aria-expanded"));
    assertFalse(browser.findElement(By.id("search-results")).isDisplayed(), "Escape closes the list");
    assertEquals("kv cache", input.getAttribute("value"), "and keeps the query");
    assertEquals(null, input.getAttribute("aria-activedescendant"));
    input.sendKeys("/");
    assertEquals("kv cache/", input.getAttribute("value"), "/ in the field is a character");
    input.sendKeys(Keys.BACK_SPACE);
    wait.until(d -> "true".equals(input.getAttribute("aria-expanded")));

    input.sendKeys(Keys.TAB);
    assertEquals("false", input.getAttribute("aria-expanded"), "the list closes when focus leaves");
    assertFalse(browser.findElement(By.id("search-results")).isDisplayed());

    input.click();
    wait.until(d -> "true".equals(input.getAttribute("aria-expanded")));
    input.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().endsWith("/03-sharding.html#kv-cache-per-token"));

    searchFor("01-intro.html", "qqqzzz");
    WebElement none = browser.findElement(By.id("search-status"));
    wait.until(d -> none.getAttribute("textContent").equals("No results"));
    assertEquals("true", browser.findElement(By.cssSelector("#search-results [role=option]")).getAttribute("aria-disabled"));
    assertEquals(List.of(), violations());
  }

  @Test
  void onAPhoneTheSearchFieldAndItsHitsTakeTheFullWidth() throws IOException {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      searchFor("02-ridge.html", "ridge");
      JavascriptExecutor js = browser;
      long screen = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
      long field = ((Number) js.executeScript("return document.getElementById('search-input').getBoundingClientRect().width")).longValue();
      long hits = ((Number) js.executeScript("return document.getElementById('search-results').getBoundingClientRect().width")).longValue();
      assertTrue(field >= screen - 32, "the field is " + field + " px wide on a " + screen + " px screen");
      assertTrue(hits >= screen - 32, "the hits are " + hits + " px wide on a " + screen + " px screen");
      assertTrue(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue() <= screen, "sideways scroll");
      screenshot("7-search-phone.png");
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1300, 1000));
    }
  }

  /**
   * Math can be found as text, as with Ctrl+F: the browser's own find (window.find) lands on a
   * formula's linear form, inside the formula's figure, and a selection across it copies that text.
   * Every math image carries width and height in its SVG view's proportions, so its box is known
   * before the file arrives.
   */
  @Test
  void findInPageFindsFormulasAndMathImagesAreSizedBeforeTheyLoad() throws IOException {
    browser.get(site.resolve("02-ridge.html").toUri().toString());
    JavascriptExecutor js = browser;
    Object found = js.executeScript("""
        getSelection().removeAllRanges();
        if (!window.find('I_ridge = P_peak/B_mem', true)) return null;
        const at = getSelection().anchorNode.parentElement;
        return at.closest('figure.formula') && at.closest('figure.formula').id;
        """);
    assertEquals("ridge_point", found, "the browser's find lands on the ridge-point formula");
    assertEquals(false, js.executeScript("getSelection().removeAllRanges(); return window.find('P_peakB_mem', true)"),
        "find does not match just anything");
    String copied = (String) js.executeScript("""
        const r = document.createRange();
        r.selectNodeContents(document.querySelector('#ridge_point .formula-math'));
        return r.toString();
        """);
    assertEquals("I_ridge = P_peak/B_mem", copied.strip(), "the formula copies as its linear text");
    assertEquals("I ridge equals P peak over B mem",
        browser.findElement(By.cssSelector("#ridge_point .formula-math img.math")).getAttribute("alt"));
    assertEquals(true, js.executeScript("return document.querySelector('#ridge_point .m > span').getAttribute('aria-hidden') === 'true'"
        + " && getComputedStyle(document.querySelector('#ridge_point .m > span')).color === 'rgba(0, 0, 0, 0)'"),
        "the text layer is transparent and left to the image's alt for screen readers");
    for (String page : List.of("01-intro.html", "02-ridge.html", "formula-appendix.html")) {
      browser.get(site.resolve(page).toUri().toString());
      @SuppressWarnings("unchecked")
      List<List<Object>> sizes = (List<List<Object>>) js.executeScript("return [...document.querySelectorAll('img.math')]"
          + ".map(i => [i.getAttribute('src'), i.getAttribute('width'), i.getAttribute('height')])");
      assertFalse(sizes.isEmpty(), page);
      for (List<Object> size : sizes) {
        Matcher view = Pattern.compile("viewBox=\"-?\\d+ -?\\d+ (\\d+) (\\d+)\"")
            .matcher(Files.readString(site.resolve((String) size.get(0))));
        assertTrue(view.find(), (String) size.get(0));
        assertEquals(List.of(view.group(1), view.group(2)), size.subList(1, 3), page + ": " + size);
      }
      assertSizedByTheirViews();
    }
  }

  /**
   * A formula's calculator, as a reader uses it: closed and unbuilt when the page loads (a page of
   * many formulas stays light), built when opened, prefilled from the example that uses the
   * formula, and recomputed when an input changes. The fixture's ridge point is first used with an
   * H100 SXM's 989.4 TFLOP/s and 3.35 TB/s: 295.3 FLOP/B, shown to four digits.
   */
  @Test
  void aCalculatorIsBuiltWhenOpenedPrefilledFromItsExampleAndRecomputes() {
    browser.get(site.resolve("02-ridge.html").toUri().toString());
    JavascriptExecutor js = browser;
    WebElement calc = browser.findElement(By.cssSelector("#ridge_point > figcaption + details.calc, #ridge_point details.calc"));
    assertEquals(0L, js.executeScript("return document.querySelectorAll('.calc-form').length"), "no form is built at load");
    calc.findElement(By.tagName("summary")).sendKeys(org.openqa.selenium.Keys.ENTER);
    // The form is built on the details element's toggle event, which the browser fires after the key press.
    WebElement result = new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> calc.findElements(By.cssSelector("output.calc-result")).stream().findFirst().orElse(null));
    assertEquals("295.3", result.getText(), "prefilled from the worked example, to four digits");
    WebElement peak = calc.findElement(By.cssSelector("input[aria-label='P_peak']"));
    peak.clear();
    peak.sendKeys("1978.8");
    assertEquals("590.7", result.getText(), "twice the peak, twice the ridge");
    peak.clear();
    peak.sendKeys("1e12");
    assertEquals("2.985 × 10¹¹", result.getText(), "a large result as the page prints one, not 2.985e11");
    assertEquals(1L, js.executeScript("return document.querySelectorAll('.calc-form').length"), "only the opened one is built");
  }

  /**
   * On a phone a bars drawing shrinks to the column with its text still 10 px or more, and a line
   * plot, too wide for that, scrolls in its own box: focusable, named by its caption, with the cue shown.
   */
  @Test
  void onAPhoneBarsFitTheColumnAndAWidePlotScrollsInANamedBoxWithACue() {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      browser.get(site.resolve("02-ridge.html").toUri().toString());
      JavascriptExecutor js = browser;
      Number textPx = (Number) js.executeScript("const s = document.querySelector('#plot-hbm_budget > svg');"
          + "return s.getBoundingClientRect().width / s.viewBox.baseVal.width * 13");
      assertTrue(textPx.doubleValue() >= 10, "the bars' text draws at " + textPx + " px on a phone");
      assertEquals(Boolean.FALSE, js.executeScript("const f = document.getElementById('plot-hbm_budget');"
          + "return f.scrollWidth > f.clientWidth + 1"), "the bars figure does not scroll");
      assertEquals(Boolean.TRUE, js.executeScript("const b = document.querySelector('#plot-ridge_by_bandwidth .plot-scroll');"
          + "return b.scrollWidth > b.clientWidth + 1"), "the line plot scrolls in its box");
      assertEquals("0", js.executeScript("return document.querySelector('#plot-ridge_by_bandwidth .plot-scroll').getAttribute('tabindex')"));
      assertEquals("The ridge point at the H100's BF16 peak as memory bandwidth grows.", js.executeScript(
          "const b = document.querySelector('#plot-ridge_by_bandwidth .plot-scroll');"
              + "return document.getElementById(b.getAttribute('aria-labelledby')).textContent"), "the box is named by the caption");
      assertTrue(String.valueOf(js.executeScript("return getComputedStyle(document.querySelector("
          + "'#plot-ridge_by_bandwidth .plot-scroll'), '::before').content")).contains("Scroll sideways"), "the cue shows");
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1300, 1000));
      browser.get(site.resolve("02-ridge.html").toUri().toString());
      assertEquals("none", js.executeScript("return getComputedStyle(document.querySelector("
          + "'#plot-ridge_by_bandwidth .plot-scroll'), '::before').content"), "no cue where nothing scrolls");
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1300, 1000));
    }
  }
}
