package org.llmsi.publisher.serve;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.llmsi.publisher.GuidePublisher;
import org.llmsi.publisher.PublishRequest;
import org.llmsi.publisher.PublishResult;

/**
 * The preview loop: rebuild (without PDFs) whenever the guide's sources or templates change,
 * report each outcome in the terminal and to the page, and keep serving the last good site.
 */
public final class LivePreview {
  private static final long POLL_MILLIS = 250;

  private final PublishRequest request;
  private final PrintWriter out;
  private final PreviewServer.StateHolder state = new PreviewServer.StateHolder();
  /** One publisher for the whole session: a rebuild reuses what did not change (see GuidePublisher#warm). */
  private final GuidePublisher publisher = GuidePublisher.warm();

  public LivePreview(PublishRequest request, PrintWriter out) {
    this.request = request.withoutPdfs();
    this.out = out;
  }

  public PreviewServer.StateHolder state() {
    return state;
  }

  /** One build; updates the state and prints the outcome. */
  public PublishResult rebuild() {
    PublishResult result = publisher.publish(request);
    if (result.ok()) {
      state.succeeded();
      out.println(result.summary());
    } else {
      String report = String.join("\n", result.problems()) + "\n" + result.summary();
      state.failed(report);
      out.println(report);
    }
    out.println(String.format(Locale.ROOT, "(rebuilt in %d ms)", result.millis()));
    out.flush();
    return result;
  }

  /** Serves on {@code port} and rebuilds on change until interrupted. */
  public void run(int port) throws Exception {
    List<Path> watched = List.of(request.siteSrc(), request.templates());
    String fingerprint = SourceFingerprint.of(watched);
    rebuild();
    try (PreviewServer server = new PreviewServer(port, request.output(), state)) {
      server.start();
      out.println("serving http://localhost:" + server.port() + "/ (watching " + request.siteSrc() + " and "
          + request.templates() + "; Ctrl-C stops)");
      out.flush();
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(POLL_MILLIS);
        String now = SourceFingerprint.of(watched);
        if (!now.equals(fingerprint)) {
          fingerprint = now;
          rebuild();
        }
      }
    }
  }
}
