package org.llmsi.publisher.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.llmsi.publisher.appendix.FormulaAppendix;
import org.llmsi.publisher.bake.Book;
import org.llmsi.publisher.bake.Chapter;
import org.llmsi.publisher.markdown.internal.ReaderValue;
import org.llmsi.publisher.output.SitePages;
import org.llmsi.publisher.search.SearchEntry.Kind;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.model.VerifiedFormula;
import org.llmsi.verifier.model.VerifiedGuide;

/**
 * Builds the offline search index from the baked pages (titles, headings and the prose under them)
 * and from the formula registry (each formula as plain text, its id and symbols; each symbol's
 * meaning), and writes it as a script assigning {@code window.LLMSI_SEARCH_INDEX}: search.js adds
 * that script to the page on first use, which works from file:// where a fetched JSON file would
 * not. Page addresses and titles are listed once and entries point at them, which keeps the file
 * small; search.js folds case, spaces and hyphens itself, so the index keeps the text as shown.
 */
public final class SearchIndex {
  /** Where the index goes, relative to the site root. */
  public static final String FILE = "assets/search-index.js";
  private static final int MAX_TEXT = 1000; // of a section's prose: enough to find it by, and a small index
  private static final org.jsoup.select.Evaluator HEADING = org.jsoup.select.QueryParser.parse("h1[id], h2[id], h3[id]");
  private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");
  private static final Pattern INVISIBLE = Pattern.compile("[\\u00ad\\u200b-\\u200d\\u2060\\ufeff]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private SearchIndex() {}

  /** The entries, in book order, the glossary's symbols last. */
  public static List<SearchEntry> entries(SitePages site, Book book, VerifiedGuide guide) {
    List<SearchEntry> out = new ArrayList<>();
    for (Chapter c : book.chapters()) {
      Document page = site.page(c.uri());
      Element article = page == null ? null : page.selectFirst("article");
      if (article == null) continue;
      sections(article, c.uri(), plain(c.title()), out);
      for (VerifiedFormula f : guide.formulas()) {
        if (!f.location().file().toString().replace('\\', '/').equals(c.shownFile())) continue;
        // What the formula computes; the other symbols' meanings are their own entries (the glossary's).
        SymbolDef result = f.symbols().get(0);
        String keys = f.id() + " " + f.symbols().stream().map(SymbolDef::name).collect(Collectors.joining(" "));
        out.add(new SearchEntry(Kind.FORMULA, c.uri(), plain(c.title()), f.id(), plain(FormulaText.of(f.source())),
            keys, plain(result.name() + ": " + result.meaning())));
      }
    }
    for (SymbolDef s : guide.glossary().symbols()) {
      String unit = ReaderValue.unit(s.unitText());
      out.add(new SearchEntry(Kind.SYMBOL, FormulaAppendix.PAGE, "Formula appendix", "sym-" + s.name(), s.name(), "",
          plain(s.meaning() + (unit.isEmpty() ? "" : " (" + unit + ")"))));
    }
    return out;
  }

  /**
   * Text as the index keeps it: compatibility forms folded (NFKC: a no-break space is a space, µ
   * the Greek letter), every dash and minus a hyphen-minus, soft hyphens and zero-width characters
   * gone, runs of white space one space. What search.js folds further (case, spaces, hyphens) it
   * folds the same way in the reader's query.
   */
  static String plain(String s) {
    String t = Normalizer.normalize(s, Normalizer.Form.NFKC);
    t = INVISIBLE.matcher(DASHES.matcher(t).replaceAll("-")).replaceAll("");
    return SPACES.matcher(t).replaceAll(" ").strip();
  }

  /** One entry per h1/h2/h3 with an id, holding the text up to the next such heading. */
  private static void sections(Element article, String uri, String pageTitle, List<SearchEntry> out) {
    Kind kind = Kind.PAGE;
    String heading = null; // text before the first heading, if any, is the page's
    String anchor = "";
    StringBuilder text = new StringBuilder();
    for (Element e : article.children()) {
      if (e.is(HEADING)) {
        add(out, kind, heading, uri, anchor, pageTitle, text);
        kind = e.nameIs("h1") ? Kind.PAGE : Kind.SECTION;
        heading = plain(e.text());
        anchor = kind == Kind.PAGE ? "" : e.id(); // a page is found at its top
        text.setLength(0);
      } else if (text.length() <= MAX_TEXT && !e.nameIs("figure")) {
        text.append(e.text()).append(' ');
      }
    }
    add(out, kind, heading, uri, anchor, pageTitle, text);
  }

  private static void add(List<SearchEntry> out, Kind kind, String heading, String uri, String anchor, String page, StringBuilder text) {
    String t = plain(text.toString());
    if (heading == null && t.isEmpty()) return;
    if (t.length() > MAX_TEXT) {
      int cut = t.lastIndexOf(' ', MAX_TEXT); // whole words, so a snippet never ends in half a word
      t = t.substring(0, cut > 0 ? cut : MAX_TEXT);
    }
    out.add(new SearchEntry(kind, uri, page, anchor, heading == null ? page : heading, "", t));
  }

  /**
   * Writes the index script: {@code {"pages":[[address, title], …], "entries":[[page number, kind,
   * anchor, title, keys, text], …]}}, one entry a line, in the order given.
   */
  public static void write(Path site, List<SearchEntry> entries) throws IOException {
    Map<String, Integer> pages = new LinkedHashMap<>();
    StringBuilder js = new StringBuilder("window.LLMSI_SEARCH_INDEX = {\"pages\":[\n");
    for (SearchEntry e : entries) {
      if (pages.containsKey(e.page())) continue;
      js.append(pages.isEmpty() ? "" : ",\n").append('[').append(string(e.page())).append(',').append(string(e.pageTitle())).append(']');
      pages.put(e.page(), pages.size());
    }
    js.append("],\n\"entries\":[\n");
    for (int i = 0; i < entries.size(); i++) {
      SearchEntry e = entries.get(i);
      js.append('[').append(pages.get(e.page())).append(',').append(string(e.kind().code)).append(',')
          .append(string(e.anchor())).append(',').append(string(e.title())).append(',').append(string(e.keys()))
          .append(',').append(string(e.text())).append(']').append(i + 1 < entries.size() ? ",\n" : "\n");
    }
    js.append("]};\n");
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
