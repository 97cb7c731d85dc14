package org.llmsi.publisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.publisher.serve.LivePreview;
import org.llmsi.publisher.serve.PreviewServer;
import org.llmsi.publisher.serve.SourceFingerprint;

/** The preview keeps serving the last good page, reports a failed edit, and picks up the fix. */
class LivePreviewTest {
  @TempDir
  Path temp;

  private final HttpClient http = HttpClient.newHttpClient();

  private String get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void failedEditKeepsLastGoodPageAndShowsTheErrorThenTheFixReloads() throws Exception {
    Path src = Fixtures.copyOfSiteSrc("basic", temp.resolve("site-src"));
    StringWriter terminal = new StringWriter();
    LivePreview preview = new LivePreview(
        Fixtures.request("basic", temp.resolve("preview"), false).withOutput(temp.resolve("preview"))
            .withSiteSrc(src),
        new PrintWriter(terminal, true));
    assertTrue(preview.rebuild().ok(), terminal::toString);

    try (PreviewServer server = new PreviewServer(0, temp.resolve("preview"), preview.state())) {
      server.start();
      int port = server.port();
      String page = get(port, "/02-ridge.html");
      assertTrue(page.contains("<script src=\"/__preview/live.js\"></script>"));
      assertTrue(get(port, "/02-ridge-record.html").contains("≈ 295 FLOP/B  # computed 295.34 FLOP/B"));
      assertEquals("{\"generation\":1,\"error\":\"\"}", get(port, "/__preview/status"));
      assertTrue(get(port, "/__preview/live.js").contains("location.reload()"));

      Path chapter = src.resolve("content/02-ridge.md");
      String good = Files.readString(chapter, StandardCharsets.UTF_8);
      String before = SourceFingerprint.of(java.util.List.of(src));
      Files.writeString(chapter, good.replace("≈ 295 FLOP/B", "≈ 300 FLOP/B"), StandardCharsets.UTF_8);
      assertFalse(before.equals(SourceFingerprint.of(java.util.List.of(src))), "the edit must change the fingerprint");
      assertFalse(preview.rebuild().ok());
      String status = get(port, "/__preview/status");
      assertTrue(status.startsWith("{\"generation\":1,\"error\":\""), status);
      assertTrue(status.contains("02-ridge.md:20:68: error: claim 300 FLOP/B does not match computed 295 FLOP/B"), status);
      assertTrue(terminal.toString().contains("claim 300 FLOP/B does not match"), terminal::toString);
      assertTrue(get(port, "/02-ridge.html").contains("<td>295 FLOP/B</td>"), "the last good page stays served");

      Files.writeString(chapter, good.replace("≈ 295 FLOP/B", "≈ 295.3 FLOP/B"), StandardCharsets.UTF_8);
      assertTrue(preview.rebuild().ok(), terminal::toString);
      assertEquals("{\"generation\":2,\"error\":\"\"}", get(port, "/__preview/status"));
      assertTrue(get(port, "/02-ridge.html").contains("<td>295.3 FLOP/B</td>"));
      assertTrue(get(port, "/../../etc/passwd").contains("Not found"));
    }
  }
}
