package org.llmsi.verifier.contrib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the guide says of its own shape holds: every "N design drills" in chapter 1 counts the drill
 * chapters (files named {@code NN-drill-…}). A number word without a unit is not a checked figure,
 * and this one went stale when a fourth drill was added.
 */
class BookShapeTest {
  private static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight");
  private static final Pattern DRILLS = Pattern.compile("(?i)\\b(" + String.join("|", WORDS) + ")\\s+design\\s+drills\\b");

  @Test
  void chapterOneCountsTheDrillsThereAre() throws IOException {
    Path content = Path.of("../site-src/content");
    long drills;
    try (Stream<Path> files = Files.list(content)) {
      drills = files.filter(f -> f.getFileName().toString().matches("\\d+-drill-.*\\.md")).count();
    }
    String text = Files.readString(content.resolve("01-how-to-use.md"));
    List<String> said = new ArrayList<>();
    Matcher m = DRILLS.matcher(text.replaceAll("\\s+", " "));
    while (m.find()) said.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
    assertFalse(said.isEmpty(), "chapter 1 says how many drills the book has");
    for (String word : said) assertEquals(WORDS.get((int) drills), word, "chapter 1 says '" + word + " design drills'");
  }
}
