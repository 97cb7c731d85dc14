package org.llmsi.publisher.markdown.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A figure of the prose, the text before its {name}, as the page shows it. */
class LinkedTextRendererTest {
  @Test
  void aFigureWrittenAsCodeWritesItReadsAsAReaderWritesIt() {
    assertEquals("the flagship's 3.8 × 10²⁵ FLOPs", LinkedTextRenderer.boundFigure("the flagship's 3.8e25 FLOPs"));
    assertEquals("they give 1.05 × 10¹³", LinkedTextRenderer.boundFigure("they give 1.05e13"));
    assertEquals("a learning rate of 1 × 10⁻⁴", LinkedTextRenderer.boundFigure("a learning rate of 1e-4"));
    assertEquals("so the time is 40.1 µs", LinkedTextRenderer.boundFigure("so the time is 40.1 us"));
    assertEquals("at 8.74 µs/token", LinkedTextRenderer.boundFigure("at 8.74\u00a0us/token"));
    assertEquals("GPT-3 used 175 × 10⁹", LinkedTextRenderer.boundFigure("GPT-3 used 175e9"), "the name before it stays");
  }

  @Test
  void anyOtherFigureStaysAsItsAuthorWroteIt() {
    for (String kept : new String[] {"a context of 4096 tokens", "about 20,000", "3.35 TB/s", "27 %", "on an H100",
        "ends with no figure", "version 2e5x"}) {
      assertEquals(kept, LinkedTextRenderer.boundFigure(kept));
    }
  }
}
