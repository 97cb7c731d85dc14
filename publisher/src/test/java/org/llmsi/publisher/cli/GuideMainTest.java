package org.llmsi.publisher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.llmsi.publisher.fixtures.FixtureCatalogs;

/** One tool: {@code guide verify | build | serve}, with options declared once and exit statuses that mean one thing. */
class GuideMainTest {
  private record Run(int status, String out) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    int status = GuideMain.run(args, new PrintWriter(out, true), new PrintWriter(out, true));
    return new Run(status, out.toString());
  }

  @Test
  void helpListsTheThreeCommandsAndTheExitStatuses() {
    Run help = run("--help");
    assertEquals(0, help.status());
    for (String s : new String[] {"verify", "build", "serve", "Exit status:", "2  usage error", "3  internal error"}) {
      assertTrue(help.out().contains(s), s + " in\n" + help.out());
    }
  }

  @Test
  void everyCommandTakesTheSameGuideOptions() {
    for (String command : new String[] {"verify", "build", "serve"}) {
      Run help = run(command, "--help");
      for (String option : new String[] {"[SITE]", "--tries", "--seed", "--references"}) {
        assertTrue(help.out().contains(option), command + " offers " + option + ":\n" + help.out());
      }
    }
    assertTrue(!run("serve", "--help").out().contains("--out"), "serve builds into its preview folder, not --out");
  }

  @Test
  void anOptionOutOfRangeIsAUsageErrorForEveryCommand() {
    for (String command : new String[] {"verify", "build"}) {
      Run bad = run(command, "--tries=0");
      assertEquals(2, bad.status(), command + ": " + bad.out());
      assertEquals("error: --tries must be at least 1\n", bad.out(), command);
    }
  }

  @Test
  void verifyChecksAGuideAndSaysNothingAboutPublishing() {
    Run ok = run("verify", "--no-timing", "--tries=20", "--references=" + FixtureCatalogs.BASIC,
        Path.of("src/test/resources/fixtures/basic/site-src").toString());
    assertEquals(0, ok.status(), ok.out());
    assertTrue(ok.out().startsWith("verified 2 files"), ok.out());
    Run bad = run("verify", "--no-timing", "--tries=20", "--references=" + FixtureCatalogs.BASIC,
        Path.of("src/test/resources/fixtures/wrong-claim/site-src").toString());
    assertEquals(1, bad.status(), bad.out());
    assertTrue(!bad.out().contains("published"), bad.out());
  }
}
