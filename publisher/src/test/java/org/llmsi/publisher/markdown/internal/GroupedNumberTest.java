package org.llmsi.publisher.markdown.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The hand-written digit grouping must print what {@code %,d} prints, for every value it is given. */
class GroupedNumberTest {
  private static final long SEED = 0x6E0_2026L;

  @Test
  void groupsLikeTheFormatter() {
    for (long n : new long[] {0, 7, -7, 999, 1000, -1000, 999_999, 1_000_000, 123_456_789, -999_999_999_999_999L}) {
      assertEquals(String.format(Locale.ROOT, "%,d", n), CitedSources.grouped(n));
    }
    qt().withFixedSeed(SEED).withExamples(2000).forAll(longs().between(-999_999_999_999_999L, 999_999_999_999_999L))
        .checkAssert(n -> assertEquals(String.format(Locale.ROOT, "%,d", n), CitedSources.grouped(n),
            () -> "seed " + SEED + ", n = " + n));
  }
}
