package org.llmsi.verifier.contrib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's two commands, read from its first code block, so CI and the documentation cannot
 * drift from what the README tells people to run. The test command is the Maven line that does not
 * skip tests; the build command is the one that skips them and runs {@code verify} (the publisher's
 * {@code verify}-phase step writes the site and PDFs). Neither names a Maven profile: {@code mvn -B
 * verify} already publishes, and a {@code -P} flag naming no profile would only make Maven warn.
 *
 * @param test runs every test and verifies the guide
 * @param build verifies the guide and writes the site and PDFs to {@code out/}
 */
record ReadmeCommands(String test, String build) {
  static final ReadmeCommands DEFAULTS = new ReadmeCommands("mvn -B verify", "mvn -B -DskipTests verify");

  private static final Pattern FIRST_BLOCK = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);

  static ReadmeCommands read(Path readme) throws IOException {
    if (!Files.isRegularFile(readme)) return DEFAULTS;
    Matcher m = FIRST_BLOCK.matcher(Files.readString(readme, StandardCharsets.UTF_8));
    if (!m.find()) return DEFAULTS;
    List<String> commands = new ArrayList<>();
    for (String line : m.group(1).split("\n")) {
      String command = withoutComment(line);
      if (command.startsWith("mvn ")) commands.add(command);
    }
    String test = commands.stream().filter(c -> !c.contains("-DskipTests")).findFirst().orElse(DEFAULTS.test());
    String build = commands.stream().filter(c -> c.contains("-DskipTests") && c.endsWith(" verify")).findFirst().orElse(DEFAULTS.build());
    return new ReadmeCommands(test, build);
  }

  /** A shell line without its trailing {@code # comment} and surrounding blanks. */
  static String withoutComment(String line) {
    int hash = line.indexOf(" #");
    return (hash >= 0 ? line.substring(0, hash) : line.startsWith("#") ? "" : line).strip();
  }
}
