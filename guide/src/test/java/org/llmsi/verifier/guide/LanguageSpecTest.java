package org.llmsi.verifier.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;

/** The blocks shown in LANGUAGE.md are real: they verify against the guide's own data. */
class LanguageSpecTest {

  @Test
  void everyBlockInTheSpecificationVerifies(@TempDir Path site) throws IOException {
    String spec = Files.readString(Path.of("../verifier/LANGUAGE.md"), StandardCharsets.UTF_8);
    // Blocks are shown inside ````markdown fences; take the inner ``` blocks verbatim.
    Matcher m = Pattern.compile("````markdown\n(.*?)````", Pattern.DOTALL).matcher(spec);
    List<String> blocks = new ArrayList<>();
    while (m.find()) blocks.add(m.group(1));
    assertEquals(3, blocks.size(), "LANGUAGE.md shows one formula, one example and one plot block");
    // The prose shown after them, with its bound figures, checked relation and marked notation.
    Matcher prose = Pattern.compile("<!-- prose after the example above[^>]*-->\n```markdown\n(.*?)```", Pattern.DOTALL)
        .matcher(spec);
    assertTrue(prose.find(), "LANGUAGE.md shows prose written to the rules");
    blocks.add("\n" + prose.group(1));
    Files.createDirectories(site.resolve("content"));
    Files.writeString(site.resolve("content/spec.md"),
        "title=Spec\ntype=page\nstatus=published\norder=1\n~~~~~~\n\n" + String.join("\n", blocks),
        StandardCharsets.UTF_8);
    VerificationResult result = new Verifier(VerifyOptions.of(site).withDataDir(Path.of("../site-src/data"))
        .withCatalog("org.llmsi.verifier.corpus.CorpusCatalogs#ridge")).verify();
    assertTrue(result.ok(), () -> result.diagnostics().toString());
    assertEquals(1, result.summary().formulas());
    assertEquals(2, result.summary().claims());
    assertEquals(4, result.summary().figures(), "every figure of the prose is bound");
    assertEquals(1, result.summary().relations());
    assertEquals(1, result.summary().notation());
    // A step that reads data cites the figures it used, so the page can cite them where they are used.
    var ridge = result.guide().examples().get(0).steps().stream().filter(st -> st.name().equals("ridge"))
        .findFirst().orElseThrow();
    assertEquals(List.of("gpus.h100_sxm.bf16_dense", "gpus.h100_sxm.hbm_bw"),
        ridge.cites().stream().map(v -> v.key()).toList());
    assertTrue(ridge.cites().get(1).source().contains("datasheet"));
    var plotBlock = result.guide().pages().get(0).blocks().stream().filter(b -> b.kind().equals("plot")).findFirst().orElseThrow();
    var plot = result.guide().plot(plotBlock.node()).orElseThrow();
    assertEquals(List.of("H100 SXM peak", "A100 80GB SXM"), plot.series().stream().map(s -> s.label()).toList());
    assertEquals(989.4 / 3.35, plot.points().get(0).y(), 1e-9, "the H100 sits on its curve at its own bandwidth");
  }
}
