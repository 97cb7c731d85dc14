package org.llmsi.verifier.contrib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads classes compiled from documentation snippets before asking its parent, so a snippet's
 * {@code org.llmsi.formulas.Queueing} is the one the document shows even if the formulas module
 * one day has a class of that name.
 */
final class SnippetClassLoader extends ClassLoader {
  private final Path classes;

  SnippetClassLoader(Path classes, ClassLoader parent) {
    super(parent);
    this.classes = classes;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Path file = classes.resolve(name.replace('.', '/') + ".class");
      if (!Files.isRegularFile(file)) return super.loadClass(name, resolve);
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        try {
          byte[] bytes = Files.readAllBytes(file);
          c = defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (resolve) resolveClass(c);
      return c;
    }
  }
}
