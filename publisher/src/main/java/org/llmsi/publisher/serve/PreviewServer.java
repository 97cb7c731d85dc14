package org.llmsi.publisher.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Serves the last good site on localhost only, adding a small script to every page that polls
 * {@code /__preview/status}: the page reloads after a good rebuild and shows the errors of a
 * failed one over the last good content.
 */
public final class PreviewServer implements AutoCloseable {
  static final String STATUS = "/__preview/status";
  static final String SCRIPT = "/__preview/live.js";
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8",
      "pdf", "application/pdf", "svg", "image/svg+xml", "png", "image/png", "json", "application/json");

  private final HttpServer server;
  private final Path site;
  private final Supplier<PreviewState> state;

  /**
   * @param port 0 picks a free port
   * @param site the folder holding the last good site
   * @param state the current preview state
   */
  public PreviewServer(int port, Path site, Supplier<PreviewState> state) throws IOException {
    this.site = site.toAbsolutePath().normalize();
    this.state = state;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.createContext("/", this::handle);
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = URI.create(exchange.getRequestURI().toString()).getPath();
      if (path.equals(STATUS)) {
        send(exchange, 200, "application/json", state.get().json().getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals(SCRIPT)) {
        try (InputStream in = PreviewServer.class.getResourceAsStream("live.js")) {
          send(exchange, 200, TYPES.get("js"), in.readAllBytes());
        }
        return;
      }
      if (path.endsWith("/")) path += "index.html";
      Path file = site.resolve(path.substring(1)).normalize();
      if (!file.startsWith(site) || !Files.isRegularFile(file)) {
        // Under the same kind of policy as the site's pages: the only script is the preview's file.
        byte[] body = ("<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; "
            + "object-src 'none'; base-uri 'none'\"><title>Not found</title><p>Not found: " + path.replace("<", "&lt;")
            + "</p><script src=\"" + SCRIPT + "\"></script>").getBytes(StandardCharsets.UTF_8);
        send(exchange, 404, TYPES.get("html"), body);
        return;
      }
      String name = file.getFileName().toString();
      String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
      byte[] body = Files.readAllBytes(file);
      if (name.endsWith(".html")) {
        String html = new String(body, StandardCharsets.UTF_8);
        int end = html.lastIndexOf("</body>");
        String tag = "<script src=\"" + SCRIPT + "\"></script>\n";
        html = end < 0 ? html + tag : html.substring(0, end) + tag + html.substring(end);
        body = html.getBytes(StandardCharsets.UTF_8);
      }
      send(exchange, 200, type, body);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Holds the state the server reports; the rebuild loop updates it. */
  public static final class StateHolder implements Supplier<PreviewState> {
    private final AtomicReference<PreviewState> current = new AtomicReference<>(new PreviewState(0, ""));

    @Override
    public PreviewState get() {
      return current.get();
    }

    public void succeeded() {
      current.updateAndGet(s -> new PreviewState(s.generation() + 1, ""));
    }

    public void failed(String report) {
      current.updateAndGet(s -> new PreviewState(s.generation(), report));
    }
  }
}
