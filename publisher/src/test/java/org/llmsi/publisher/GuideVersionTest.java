package org.llmsi.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit a build names: read from git where the guide is, "Unversioned" where there is none. */
class GuideVersionTest {
  @TempDir
  Path temp;

  private String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    // A commit made late in the evening west of Greenwich: another day in UTC and, likely, here.
    pb.environment().putAll(Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.org",
        "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.org",
        "GIT_AUTHOR_DATE", "2001-02-03T23:30:00-0500", "GIT_COMMITTER_DATE", "2001-02-03T23:30:00-0500"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void aGuideInACheckoutNamesItsCommitAndTheCommitsOwnDate() throws Exception {
    Path repo = temp.resolve("repo");
    Path siteSrc = Files.createDirectories(repo.resolve("site-src"));
    Files.writeString(siteSrc.resolve("jbake.properties"), "site.title=T\n");
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "first");
    String head = git(repo, "rev-parse", "HEAD");
    GuideVersion version = GuideVersion.of(siteSrc);
    assertEquals(new GuideVersion(head.substring(0, 12), "2001-02-03"), version,
        "the commit's date in its own time zone, never the clock's or the machine's zone");
    assertEquals("Version " + head.substring(0, 12) + " (2001-02-03)", version.text());
    assertEquals(version, GuideVersion.of(siteSrc), "the same commit, the same version");
  }

  @Test
  void aGuideOutsideAnyCheckoutIsUnversioned() throws IOException {
    Path siteSrc = Files.createDirectories(temp.resolve("unpacked/site-src"));
    assertEquals(GuideVersion.UNVERSIONED, GuideVersion.of(siteSrc));
    assertEquals("Unversioned", GuideVersion.UNVERSIONED.text());
  }
}
