package org.llmsi.publisher.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the preview server lands. */
@Command(name = "serve", description = "Serve a live preview.")
public final class ServeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 2;
  }
}
