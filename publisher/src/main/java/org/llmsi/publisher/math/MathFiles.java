package org.llmsi.publisher.math;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.llmsi.publisher.output.SitePages;

/**
 * Writes the math images the baked pages refer to, and only those: the site's {@code math/} folder
 * is then the same for the same sources, however many edits a preview session typeset before, and
 * a refreshed preview drops the images no page shows any more.
 */
public final class MathFiles {
  private static final Pattern REF = Pattern.compile("(?:\\.\\./)*" + MathRenderer.FOLDER + "/([0-9a-f]{12}\\.svg)");

  private MathFiles() {}

  /**
   * Writes the files the pages refer to that are not there yet, and deletes the others.
   *
   * @return problems: a page referring to an image this renderer never typeset (empty when none)
   */
  public static List<String> write(SitePages pages, MathRenderer math) throws IOException {
    Path site = pages.site();
    TreeSet<String> names = new TreeSet<>();
    for (var page : pages.pages().values()) {
      for (var img : page.select("img.math[src]")) {
        Matcher m = REF.matcher(img.attr("src"));
        if (m.matches()) names.add(m.group(1));
      }
    }
    List<String> problems = new ArrayList<>();
    Path folder = site.resolve(MathRenderer.FOLDER);
    java.util.Set<String> present = new java.util.HashSet<>();
    if (Files.isDirectory(folder)) { // a refreshed preview's link to the last site's
      try (Stream<Path> list = Files.list(folder)) {
        for (Path file : list.toList()) {
          String name = file.getFileName().toString();
          if (names.contains(name)) present.add(name);
          else Files.delete(file);
        }
      }
    }
    if (names.isEmpty()) return problems;
    Files.createDirectories(folder);
    for (String name : names) {
      Path file = folder.resolve(name);
      if (present.contains(name)) continue; // named by its content: an existing file is this file
      var svg = math.byFileName(name);
      if (svg.isEmpty()) problems.add(MathRenderer.FOLDER + "/" + name + ": error: a page shows math that was not typeset in this build");
      else Files.writeString(file, svg.get().svg(), StandardCharsets.UTF_8);
    }
    return problems;
  }
}
