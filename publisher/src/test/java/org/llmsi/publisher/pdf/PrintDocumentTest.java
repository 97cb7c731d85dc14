package org.llmsi.publisher.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PrintDocumentTest {
  /**
   * A page gives a math image only its width; the printed drawing gets its height from the view's
   * proportions, as a browser does, and is padded on every side without moving the glyphs.
   */
  @Test
  void mathIsSizedFromItsWidthAndViewAndPadded() {
    Element svg = Jsoup.parseBodyFragment("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-20 -700 1000 900\"></svg>")
        .body().selectFirst("svg");
    Element printed = PrintDocument.padded(svg, "width:1em;vertical-align:-.2em;margin-left:-.02em");
    assertEquals("-80 -760 1120 1020", printed.attr("viewBox"));
    assertEquals("width:1.120em;height:1.020em;vertical-align:-0.260em;margin-left:-0.080em;margin-right:-0.060em",
        printed.attr("style"));
  }
}
