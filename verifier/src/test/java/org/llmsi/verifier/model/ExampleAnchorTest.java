package org.llmsi.verifier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmsi.verifier.report.Location;

/** Example anchors come from titles, so they do not move when text above an example does. */
class ExampleAnchorTest {
  private static VerifiedExample example(String file, int line, String title) {
    return new VerifiedExample(title, Location.of(Path.of(file), line, 1), List.of(), null);
  }

  @Test
  void anchorIsTheTitleSlugDeDuplicatedPerPage() {
    VerifiedExample a = example("content/02.md", 10, "Ridge point of an H100 SXM, BF16 dense");
    VerifiedExample b = example("content/02.md", 40, "Ridge point of an H100  SXM — BF16 dense!");
    VerifiedExample c = example("content/02.md", 70, "Ridge point of an H100 SXM, BF16 dense");
    VerifiedExample other = example("content/03.md", 5, "Ridge point of an H100 SXM, BF16 dense");
    VerifiedExample symbols = example("content/03.md", 9, "≈ ✓");
    VerifiedGuide guide = new VerifiedGuide(List.of(), null, null, List.of(), List.of(a, b, c, other, symbols));
    assertEquals("example-ridge-point-of-an-h100-sxm-bf16-dense", guide.exampleAnchor(a));
    assertEquals("example-ridge-point-of-an-h100-sxm-bf16-dense-2", guide.exampleAnchor(b));
    assertEquals("example-ridge-point-of-an-h100-sxm-bf16-dense-3", guide.exampleAnchor(c));
    assertEquals("example-ridge-point-of-an-h100-sxm-bf16-dense", guide.exampleAnchor(other), "another page");
    assertEquals("example-untitled", guide.exampleAnchor(symbols));
  }

  @Test
  void anchorDoesNotDependOnTheFenceLine() {
    VerifiedExample before = example("content/02.md", 10, "KV cache of Llama 3 8B at 8k");
    VerifiedExample after = example("content/02.md", 25, "KV cache of Llama 3 8B at 8k");
    assertEquals(new VerifiedGuide(List.of(), null, null, List.of(), List.of(before)).exampleAnchor(before),
        new VerifiedGuide(List.of(), null, null, List.of(), List.of(after)).exampleAnchor(after));
  }
}
