package org.llmsi.publisher.cli;

import java.util.concurrent.Callable;
import org.llmsi.publisher.serve.LivePreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Live preview on localhost: re-verifies and re-renders on every change to the guide or templates. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve a live preview on localhost; rebuild on change; a failed check shows on the page and here.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin
  GuideLocation location = new GuideLocation();

  @Option(names = "--port", defaultValue = "8820", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--preview-dir", defaultValue = "target/preview",
      description = "Where the preview site is built, so out/ keeps the last full build (default: ${DEFAULT-VALUE}).")
  java.nio.file.Path previewDir;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var request = location.request(previewDir, false, spec.commandLine().getErr());
    if (request == null) return 2;
    new LivePreview(request, spec.commandLine().getOut()).run(port);
    return 0;
  }
}
