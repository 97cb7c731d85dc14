package org.llmsi.publisher.markdown.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReaderValueTest {
  /** The value as the renderer writes it into a page, through flexmark's writer. */
  private static String html(String text) {
    com.vladsch.flexmark.html.renderer.NodeRenderer writer = new com.vladsch.flexmark.html.renderer.NodeRenderer() {
      @Override
      public java.util.Set<com.vladsch.flexmark.html.renderer.NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return java.util.Set.of(new com.vladsch.flexmark.html.renderer.NodeRenderingHandler<>(
            com.vladsch.flexmark.util.ast.Document.class, (doc, context, out) -> ReaderValue.write(text, out)));
      }
    };
    return com.vladsch.flexmark.html.HtmlRenderer.builder().nodeRendererFactory(options -> writer).build()
        .render(com.vladsch.flexmark.parser.Parser.builder().build().parse("")).stripTrailing();
  }

  @Test
  void eNotationReadsAsAPowerOfTenWithTheDigitsAsStated() {
    assertEquals("70.55 × 10⁹", html("70.55e9"));
    assertEquals("8 × 10⁹", html("8e09"), "as the formatter's %g pads it");
    assertEquals("3.14 × 10²³ FLOP", html("3.14e23 FLOP"));
    assertEquals("1.50 × 10⁻⁵ s", html("1.50e-5 s"));
  }

  @Test
  void wholeNumbersAreGroupedAsTheDataListGroupsThem() {
    assertEquals("2,596", html("2596"));
    assertEquals("2,595.86", html("2595.86"));
    assertEquals("81,559 MiB", html("81,559 MiB"), "already grouped");
    assertEquals("512", html("512"));
    assertEquals("-1,024 B", html("-1024 B"));
  }

  @Test
  void theMicroPrefixIsMuAndOtherUnitsStayAsWritten() {
    assertEquals("40.1 µs", html("40.1 us"));
    assertEquals("8.74 µs/token", html("8.74 us/token"));
    assertEquals("1.2 token/µs", html("1.2 token/us"));
    assertEquals("2.5 USD/h", html("2.5 USD/h"));
    assertEquals("7 %", html("7 %"));
  }

  @Test
  void aNameIsWrittenAsItIs() {
    assertEquals("NVIDIA H100 SXM5 80GB", html("NVIDIA H100 SXM5 80GB"));
    assertEquals("405B model", html("405B model"), "a number glued to a word is a name");
  }
}
