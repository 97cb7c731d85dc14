package org.llmsi.publisher.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.llmsi.publisher.output.SitePages;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.llmsi.publisher.appendix.FormulaAppendix;
import org.llmsi.publisher.bake.Book;
import org.llmsi.publisher.bake.Chapter;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.model.VerifiedFormula;
import org.llmsi.verifier.model.VerifiedGuide;

/**
 * Builds the offline search index from the baked pages (headings and the prose under them) and from
 * the formula registry (ids, symbol names and meanings), and writes it as a script assigning
 * {@code window.LLMSI_SEARCH_INDEX}: a script loads from file:// where a fetched JSON file would not.
 */
public final class SearchIndex {
  /** Where the index goes, relative to the site root. */
  public static final String FILE = "assets/search-index.js";
  private static final int MAX_TEXT = 1200;
  private static final org.jsoup.select.Evaluator HEADING = org.jsoup.select.QueryParser.parse("h1[id], h2[id], h3[id]");

  private SearchIndex() {}

  /** The entries, in book order. */
  public static List<SearchEntry> entries(SitePages site, Book book, VerifiedGuide guide) {
    List<SearchEntry> out = new ArrayList<>();
    for (Chapter c : book.chapters()) {
      Document page = site.page(c.uri());
      Element article = page == null ? null : page.selectFirst("article");
      if (article == null) continue;
      sections(article, c.uri(), c.title(), out);
      for (VerifiedFormula f : guide.formulas()) {
        if (!f.location().file().toString().replace('\\', '/').equals(c.shownFile())) continue;
        String keys = f.id() + " " + f.reference() + " "
            + f.symbols().stream().map(SymbolDef::name).collect(Collectors.joining(" "));
        String text = f.symbols().stream().map(SymbolDef::meaning).collect(Collectors.joining("; "));
        out.add(new SearchEntry(f.id() + " (formula)", c.uri() + "#" + f.id(), c.title(), keys, text));
      }
    }
    for (SymbolDef s : guide.glossary().symbols()) {
      out.add(new SearchEntry(s.name() + ": " + s.meaning(), FormulaAppendix.PAGE + "#sym-" + s.name(),
          "Formula appendix", s.name(), s.meaning() + " " + s.unitText()));
    }
    return out;
  }

  /** One entry per h1/h2/h3 with an id, holding the text up to the next such heading. */
  private static void sections(Element article, String uri, String pageTitle, List<SearchEntry> out) {
    String heading = pageTitle;
    String anchor = "";
    StringBuilder text = new StringBuilder();
    boolean full = false; // the section's text is already longer than what add() keeps of it
    for (Element e : article.children()) {
      if (e.is(HEADING)) {
        add(out, heading, uri, anchor, pageTitle, text);
        heading = e.text();
        anchor = e.id();
        text.setLength(0);
        full = false;
      } else if (!full && !e.nameIs("figure")) {
        text.append(e.text()).append(' ');
        full = text.length() > MAX_TEXT && text.toString().strip().length() > MAX_TEXT;
      }
    }
    add(out, heading, uri, anchor, pageTitle, text);
  }

  private static void add(List<SearchEntry> out, String heading, String uri, String anchor, String page, StringBuilder text) {
    String t = text.toString().strip();
    if (t.isEmpty() && anchor.isEmpty()) return;
    if (t.length() > MAX_TEXT) t = t.substring(0, MAX_TEXT);
    out.add(new SearchEntry(heading, anchor.isEmpty() ? uri : uri + "#" + anchor, page, "", t));
  }

  /** Writes the index script into the site. */
  public static void write(Path site, List<SearchEntry> entries) throws IOException {
    StringBuilder js = new StringBuilder("window.LLMSI_SEARCH_INDEX = [\n");
    for (int i = 0; i < entries.size(); i++) {
      SearchEntry e = entries.get(i);
      js.append("{\"t\":").append(string(e.title())).append(",\"u\":").append(string(e.url()))
          .append(",\"p\":").append(string(e.page())).append(",\"k\":").append(string(e.keys()))
          .append(",\"x\":").append(string(e.text())).append('}').append(i + 1 < entries.size() ? ",\n" : "\n");
    }
    js.append("];\n");
    Path file = site.resolve(FILE);
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file); // in a refreshed preview, a hard link to the published index
    Files.writeString(file, js, StandardCharsets.UTF_8);
  }

  /** A JSON string literal, safe inside a script element too. */
  public static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '<' -> b.append("\\u003c");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }
}
