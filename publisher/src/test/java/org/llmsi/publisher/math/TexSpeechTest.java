package org.llmsi.publisher.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Math images are announced in words, as a reader would say them, not as TeX markup. */
class TexSpeechTest {
  @Test
  void symbolsFractionsAndRelationsReadAsWords() {
    assertEquals("I ridge equals P peak over B mem",
        TexSpeech.say("I_{\\text{ridge}} = \\frac{P_{\\text{peak}}}{B_{\\text{mem}}}"));
    assertEquals("P att equals min ( P peak, I B mem )",
        TexSpeech.say("P_{\\text{att}} = \\min\\left(P_{\\text{peak}}, I \\, B_{\\text{mem}}\\right)"));
    assertEquals("I dot at e equals 2 B is less than 0.5 FLOP over B",
        TexSpeech.say("\\left.I_{\\text{dot}}\\right|_{e = 2\\,\\mathrm{B}} < 0.5\\,\\mathrm{FLOP/B}"));
  }

  @Test
  void powersGreekAndApproximationsReadAsWords() {
    assertEquals("S equals Q K transpose", TexSpeech.say("S = QK^\\top"));
    assertEquals("C is approximately 6 N D", TexSpeech.say("C \\approx 6 N D"));
    assertEquals("d squared times alpha", TexSpeech.say("d^{2} \\cdot \\alpha"));
    assertEquals("square root of 2 delta M", TexSpeech.say("\\sqrt{2 \\delta M}"));
  }

  @Test
  void noMarkupIsLeftForAScreenReader() {
    String said = TexSpeech.say("\\left\\lceil \\frac{n_{\\text{kv}}}{n_{\\text{tp}}} \\right\\rceil + x^{0.73}");
    assertFalse(said.contains("\\") || said.contains("{") || said.contains("_") || said.contains("^"), said);
    assertEquals("ceiling of n kv over n tp plus x to the power 0.73", said);
  }
}
