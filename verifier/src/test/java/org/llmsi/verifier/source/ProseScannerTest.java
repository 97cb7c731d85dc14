package org.llmsi.verifier.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import org.llmsi.verifier.report.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which numbers of a page are figures, which are citations or names, and which math is notation. */
class ProseScannerTest {
  private static final String HEADER = "title=T\ntype=page\nstatus=published\norder=1\n~~~~~~\n\n";

  private static Page page(String body) {
    return new PageReader().read(SourceFile.of(Path.of("p.md"), Path.of("p.md"), HEADER + body), new Diagnostics());
  }

  private static List<String> figures(String body) {
    List<String> out = new ArrayList<>();
    for (ProseFigure f : page(body).figures()) out.add(f.text() + (f.ref() == null ? "" : " -> " + f.ref()));
    return out;
  }

  private static List<String> notes(String body) {
    List<String> out = new ArrayList<>();
    for (ProseNote n : page(body).prose().notes()) out.add(n.text() + " (" + n.reason() + ")");
    return out;
  }

  @Test
  void findsFiguresInParagraphsListsHeadingsAndTables() {
    assertEquals(List.of("21.5 GB", "3.35 TB/s", "27 %", "20,000 token/s", "4 GB"),
        figures("The batch needs 21.5 GB.\n\n- it reads 3.35 TB/s\n\n## About 27% of it\n\nat 20,000 token/s\n\n"
            + "| a | b |\n|---|---|\n| x | 4 GB |\n"));
  }

  @Test
  void readsTheNameInBracesAfterAFigure() {
    assertEquals(List.of("29.4 MiB -> h100_smem", "2,596 -> ratio", "16 GPUs", "312 TFLOP/s -> gpus.a100.bf16"),
        figures("holds 29.4 MiB{h100_smem}, 2,596{ratio} times larger, 16 GPUs, 312 TFLOP/s{gpus.a100.bf16}.\n"));
  }

  @Test
  void bareCountsAreFiguresToo() {
    assertEquals(List.of("8 layers", "1"), figures("It has 8 layers at batch size 1.\n"));
  }

  @Test
  void joinsANumberAndItsUnitAcrossALineBreak() {
    assertEquals(List.of("3.2 TB/s"), figures("the bandwidth is 3.2\nTB/s here\n"));
  }

  @Test
  void readsPerAndUnitWordsAsTheUnitLanguageSpellsThem() {
    assertEquals(List.of("295 FLOP/B", "2.5 USD/h", "4 USD/h", "2 B", "1 FLOP/B"),
        figures("at 295 FLOP per byte, 2.5 USD per hour, 4 USD per GPU-hour, 2 bytes, 1 operation per byte\n"));
  }

  @Test
  void citationsRunAcrossLinesAndSubsections() {
    assertEquals(List.of(), figures("see section\n3.1, and sections 4.2.2, 4.2.3 and 5 of it\n"));
  }

  @Test
  void aCountsNameMayFollowItsNounAndACompoundTakesItsUnit() {
    assertEquals(List.of("0.006 nats -> gap", "16 B -> zero"), figures("a gap of 0.006 nats{gap} and a 16-byte{zero} state\n"));
  }

  @Test
  void patternsAndHeadingNumbersAreNotFiguresButPercentIsAUnit() {
    assertEquals(List.of("7.4 %"), figures("### 1. Weights\n\n2:4 sparsity, and 7.4 percent more\n"));
    assertEquals(List.of("1 (heading number)", "2 (name)", "4 (name)"), notes("### 1. Weights\n\n2:4 sparsity\n"));
  }

  @Test
  void aCountPerSecondIsARate() {
    assertEquals(List.of("935 tokens/s"), figures("about 935 tokens per second\n"));
  }

  @Test
  void numberWordsAreFiguresOnlyBeforeAUnit() {
    assertEquals(List.of("one FLOP/B"), figures("about one operation per byte, two orders of magnitude, one head\n"));
  }

  @Test
  void aRangeSharesItsUnitAndScaleWordsScale() {
    assertEquals(List.of("38 % -> lo", "43 % -> hi", "16.8 million"), figures("MFU of 38{lo}–43 %{hi}, 16.8 million tokens\n"));
  }

  @Test
  void findsRatiosAndBareScientificNumbers() {
    assertEquals(List.of("8×", "3.4×", "2,596×", "8.93e12", "1.2e3"),
        figures("about 8× the cache, 3.4 times over, 2,596 times larger, and 8.93e12 tokens; also 1.2e3.\n"));
  }

  @Test
  void citationsYearsAndNamesAreNotFigures() {
    assertEquals(List.of(), figures("GPT-3 175B, Llama-2-70B, H100, FP8, 1F1B, top-2, v5e (Hoffmann et al., 2022), "
        + "section 3.1 and 3.2, Table 4, arXiv 2205.14135, CACM 52(4), 2009.\n"));
    assertEquals(List.of("GPT-3 (name)", "175B (name)", "2022 (year)", "3.1 (citation)", "3.2 (citation)",
            "4 (citation)", "2205.14135 (arXiv id)", "52 (volume and issue)", "4 (volume and issue)", "2009 (year)"),
        notes("GPT-3 175B (Hoffmann et al., 2022), section 3.1 and 3.2, Table 4, arXiv 2205.14135, CACM 52(4), 2009.\n"));
  }

  @Test
  void codeMathAndBlocksAreNotProse() {
    assertEquals(List.of(), figures("""
        A span `3 TB/s`, math $2 B$ and $d = 4096 B$.

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
  void aDollarBeforeADigitIsAPriceSoTheFigureBetweenIsProse() {
    assertEquals(List.of("2 USD", "81 GB", "3 USD"), figures("A $2 spot GPU holds 81 GB and a $3 one holds more.\n"));
    assertEquals(0, page("A $2 spot GPU holds 81 GB and a $3 one holds more.\n").prose().math().size());
  }

  @Test
  void notationIsTheMarkAfterMath() {
    Page p = page("Scores $S = QK^\\top${notation} and $x$.\n");
    assertEquals(2, p.prose().math().size());
    assertEquals(true, p.prose().math().get(0).notation());
    assertEquals(false, p.prose().math().get(1).notation());
    assertEquals(0, p.prose().strayRefs().size());
  }

  @Test
  void aNameAfterNoFigureIsStray() {
    assertEquals(1, page("the cache{M_kv} is large\n").prose().strayRefs().size());
  }

  @Test
  void locatesTheFigureInTheFile() {
    ProseFigure n = page("Exactly 16 GB.\n").figures().get(0);
    assertEquals("16 GB", (HEADER + "Exactly 16 GB.\n").substring(n.offset(), n.offset() + n.length()));
  }
}
