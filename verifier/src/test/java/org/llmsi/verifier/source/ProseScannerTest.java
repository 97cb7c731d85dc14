package org.llmsi.verifier.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which figures of a page count as prose: what a reader sees as a number with a unit. */
class ProseScannerTest {
  private static final String HEADER = "title=T\ntype=page\nstatus=published\norder=1\n~~~~~~\n\n";

  private static Page page(String body) {
    return new PageReader().read(SourceFile.of(Path.of("p.md"), Path.of("p.md"), HEADER + body), new ArrayList<>());
  }

  private static List<String> figures(String body) {
    List<String> out = new ArrayList<>();
    for (ProseNumber n : page(body).proseNumbers()) out.add(n.text());
    return out;
  }

  @Test
  void findsNumbersWithUnitsInParagraphsListsAndHeadings() {
    assertEquals(List.of("21.5 GB", "3.35 TB/s", "27 %", "20,000 token/s"),
        figures("The batch needs 21.5 GB.\n\n- it reads 3.35 TB/s\n\n## About 27% of it\n\nat 20,000 token/s\n"));
  }

  @Test
  void joinsANumberAndItsUnitAcrossALineBreak() {
    assertEquals(List.of("3.2 TB/s"), figures("the bandwidth is 3.2\nTB/s here\n"));
  }

  @Test
  void readsPerAsADivision() {
    assertEquals(List.of("295 FLOP/B", "2.5 USD/h", "4 USD/h", "3 USD"),
        figures("at 295 FLOP per byte, 2.5 USD per hour, 4 USD per GPU-hour, 3 USD per GPU-hours\n"));
  }

  @Test
  void findsRatiosAndBareScientificNumbers() {
    assertEquals(List.of("8×", "3.4×", "2,596×", "8.93e12 tokens", "1.2e3"),
        figures("about 8× the cache, 3.4 times over, 2,596 times larger, and 8.93e12 tokens; also 1.2e3.\n"));
  }

  @Test
  void skipsCodeMathBlocksAndNames() {
    assertEquals(List.of(), figures("""
        A span `3 TB/s`, math $2 B$ and $d = 4096 B$, names GPT-3 175B, Llama 3.1 8B, v5e,
        a ratio 8/3 d.

            indented 5 GB

        ```text
        fenced 7 GB
        ```

        ```example "x"
        a = 9 GB ≈ 9 GB
        ```
        """));
  }

  @Test
  void locatesTheFigureInTheFile() {
    ProseNumber n = page("Exactly 16 GB.\n").proseNumbers().get(0);
    assertEquals("16 GB", (HEADER + "Exactly 16 GB.\n").substring(n.offset(), n.offset() + n.length()));
  }
}
