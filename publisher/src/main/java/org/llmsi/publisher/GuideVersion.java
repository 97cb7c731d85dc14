package org.llmsi.publisher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commit a build of the guide was made from, as the site's footer and the PDFs' title pages
 * show it: the commit's id (its first 12 hex digits) and its commit date. Both are fixed by the
 * commit, not by the clock, so two builds of one commit stay byte-identical. A guide outside a git
 * checkout, or built where git is missing, is {@link #UNVERSIONED}.
 *
 * @param commit the abbreviated commit id, empty when unversioned
 * @param date the commit date, {@code yyyy-mm-dd} in the committer's time zone, empty when unversioned
 */
public record GuideVersion(String commit, String date) {
  public static final GuideVersion UNVERSIONED = new GuideVersion("", "");

  private static final Pattern LOG = Pattern.compile("([0-9a-f]{40,64}) (\\d{4}-\\d{2}-\\d{2})");

  /** What a reader is shown: {@code Version 0123456789ab (2026-12-03)}, or {@code Unversioned}. */
  public String text() {
    return commit.isEmpty() ? "Unversioned" : "Version " + commit + " (" + date + ")";
  }

  /**
   * The commit checked out where {@code dir} is (one {@code git log} call), or UNVERSIONED. The
   * id is cut to a fixed 12 digits here: git's own abbreviation grows with the repository.
   */
  public static GuideVersion of(Path dir) {
    try {
      Process git = new ProcessBuilder("git", "-C", dir.toString(), "log", "-1", "--format=%H %cs")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) return UNVERSIONED;
      Matcher m = LOG.matcher(out);
      return m.matches() ? new GuideVersion(m.group(1).substring(0, 12), m.group(2)) : UNVERSIONED;
    } catch (IOException e) {
      return UNVERSIONED; // no git on this machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return UNVERSIONED;
    }
  }
}
