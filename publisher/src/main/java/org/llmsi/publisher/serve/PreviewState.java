package org.llmsi.publisher.serve;

/**
 * What the preview shows: how many good builds there were (a page reloads when this grows) and the
 * last build's problems, if it failed (shown over the last good page).
 *
 * @param generation count of successful builds
 * @param error the failed build's report, or empty
 */
public record PreviewState(long generation, String error) {

  /** The state as the small JSON object the page polls. */
  public String json() {
    StringBuilder b = new StringBuilder("{\"generation\":").append(generation).append(",\"error\":\"");
    for (char c : error.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append("\"}").toString();
  }
}
