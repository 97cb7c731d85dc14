package org.llmsi.publisher.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Publishes a finished site by renaming, never by writing into the live folder: the new site is
 * built in a scratch folder beside the output (same file system, so a rename is atomic), the old
 * output is moved aside, the new one moved in, and the old one deleted. A failure before the swap
 * leaves the previous output exactly as it was.
 */
public final class AtomicOutput {
  private final Path output;

  public AtomicOutput(Path output) {
    this.output = output.toAbsolutePath().normalize();
  }

  public Path output() {
    return output;
  }

  /** A fresh scratch folder next to the output, for one build. */
  public Path newScratch() throws IOException {
    Files.createDirectories(output.getParent());
    return Files.createTempDirectory(output.getParent(), "." + output.getFileName() + ".building-");
  }

  /** Moves {@code built} into place of the output. */
  public void swapIn(Path built) throws IOException {
    Path old = output.resolveSibling("." + output.getFileName() + ".old-" + System.nanoTime());
    boolean hadOld = Files.exists(output);
    if (hadOld) move(output, old);
    try {
      move(built, output);
    } catch (IOException e) {
      if (hadOld) move(old, output); // put the previous site back
      throw e;
    }
    if (hadOld) deleteTree(old);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes a folder and everything in it (scratch and superseded output only). */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
