package org.llmsi.publisher.math;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the math images the baked pages refer to, and only those: the site's {@code math/} folder
 * is then the same for the same sources, however many edits a preview session typeset before.
 */
public final class MathFiles {
  private static final Pattern REF = Pattern.compile("src=\"(?:\\.\\./)*" + MathRenderer.FOLDER + "/([0-9a-f]{12}\\.svg)\"");

  private MathFiles() {}

  /**
   * @return problems: a page referring to an image this renderer never typeset (empty when none)
   */
  public static List<String> write(Path site, MathRenderer math) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path page : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = REF.matcher(Files.readString(page, StandardCharsets.UTF_8));
        while (m.find()) names.add(m.group(1));
      }
    }
    List<String> problems = new ArrayList<>();
    if (names.isEmpty()) return problems;
    Path folder = Files.createDirectories(site.resolve(MathRenderer.FOLDER));
    for (String name : names) {
      var svg = math.byFileName(name);
      if (svg.isEmpty()) problems.add(MathRenderer.FOLDER + "/" + name + ": error: a page shows math that was not typeset in this build");
      else Files.writeString(folder.resolve(name), svg.get().svg(), StandardCharsets.UTF_8);
    }
    return problems;
  }
}
