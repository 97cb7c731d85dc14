package org.llmsi.publisher.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A cheap summary of the files under some folders (path, size, modification time): two equal
 * fingerprints mean nothing to rebuild. Polling this is simpler and more portable than a recursive
 * WatchService, and costs well under a millisecond for a guide's few hundred files.
 */
public final class SourceFingerprint {
  private SourceFingerprint() {}

  public static String of(List<Path> roots) {
    StringBuilder b = new StringBuilder();
    for (Path root : roots) {
      if (!Files.exists(root)) continue;
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          b.append(p).append('|').append(Files.size(p)).append('|').append(Files.getLastModifiedTime(p).toMillis()).append('\n');
        }
      } catch (IOException e) {
        b.append(root).append("|unreadable\n"); // a file vanished mid-walk: the next poll settles it
      }
    }
    return b.toString();
  }
}
