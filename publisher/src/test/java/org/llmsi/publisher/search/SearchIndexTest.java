package org.llmsi.publisher.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmsi.publisher.search.SearchEntry.Kind;

class SearchIndexTest {
  @TempDir
  Path site;

  @Test
  void aFormulaIsIndexedAsAReaderQuotesIt() {
    assertEquals("C = 6ND", FormulaText.of("C = 6 FLOP * N * D"), "units dropped, a product of letters written flush");
    assertEquals("F_train = 6N + 12 L s d_attn", FormulaText.of("F_train = 6 FLOP * N + 12 FLOP * L * s * d_attn"),
        "a product with a longer name keeps its spaces");
    assertEquals("I_ridge = P_peak / B_mem", FormulaText.of("I_ridge = P_peak / B_mem"));
    assertEquals("x = 2 (a + b) × 3.35e12", FormulaText.of("x = 2 * (a + b) * 3.35e12 B/s"), "a number after a factor gets ×");
    assertEquals("t = max(a, b)^2", FormulaText.of("t = max(a, b) ^ 2"));
    assertEquals("not = a formula (", FormulaText.of(" not = a formula ( "), "what does not parse is kept as written");
  }

  @Test
  void textIsKeptInOneFormOfEachCharacter() {
    assertEquals("ZeRO-3 and all-reduce, 2-4 and -1", SearchIndex.plain("ZeRO\u20113 and all\u2010reduce, 2\u20134 and \u22121"),
        "every dash and the minus sign are a hyphen-minus, so search.js folds them like the reader's '-'");
    assertEquals("a soft hyphen and zero width vanish", SearchIndex.plain("a soft hy\u00adphen and zero\u200b width vanish"));
    assertEquals("5 \u03bcs per token", SearchIndex.plain(" 5\u00a0\u00b5s \n per\ttoken "),
        "a no-break space is a space and the micro sign the Greek mu (NFKC), as search.js normalises a query");
  }

  @Test
  void pagesAreListedOnceAndEntriesKeepTheirKindAndOrder() throws IOException {
    SearchIndex.write(site, List.of(
        new SearchEntry(Kind.PAGE, "09-kv.html", "KV cache", "", "KV cache", "", "Intro </script>"),
        new SearchEntry(Kind.SECTION, "09-kv.html", "KV cache", "bytes", "Bytes per token", "", "text"),
        new SearchEntry(Kind.FORMULA, "04-c.html", "Compute", "training_compute", "C = 6ND", "training_compute C N D", "C: compute"),
        new SearchEntry(Kind.SYMBOL, "formula-appendix.html", "Formula appendix", "sym-C", "C", "", "training compute")));
    assertEquals("""
        window.LLMSI_SEARCH_INDEX = {"pages":[
        ["09-kv.html","KV cache"],
        ["04-c.html","Compute"],
        ["formula-appendix.html","Formula appendix"]],
        "entries":[
        [0,"p","","KV cache","","Intro \\u003c/script>"],
        [0,"s","bytes","Bytes per token","","text"],
        [1,"f","training_compute","C = 6ND","training_compute C N D","C: compute"],
        [2,"g","sym-C","C","","training compute"]
        ]};
        """, Files.readString(site.resolve(SearchIndex.FILE), StandardCharsets.UTF_8));
  }
}
