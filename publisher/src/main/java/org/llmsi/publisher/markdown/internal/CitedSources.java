package org.llmsi.publisher.markdown.internal;

import com.vladsch.flexmark.html.HtmlWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmsi.verifier.data.DataValue;

/**
 * The list at a page's end of the data figures its examples cite, each with its value and source;
 * an example links to the items it read ({@code #data-3}).
 *
 * <p>A source is free text, usually "document, place in it". Figures of one record read from one
 * document share an item that names both once and then lists each figure with its place:
 * {@code models.llama_2_7b from meta-llama/Llama-2-7b-hf config.json: n_layers = 32
 * (num_hidden_layers); d_model = 4,096 (hidden_size)}. Any other figure is an item of its own with
 * its whole source. Every value and every word of every source stays on the page; the arXiv ids,
 * DOIs and repositories in a source are links ({@link SourceLinks}).
 */
final class CitedSources {
  private CitedSources() {}

  /** The item a figure is listed in: figures with one record and document share one. */
  static String item(DataValue v) {
    Place place = Place.of(v);
    // A figure whose source has no "document, place" shape groups with nothing: its own key.
    return place == null ? "\u0000" + v.key() : place.record() + "\u0000" + place.document();
  }

  /**
   * A paragraph "Data: 1 3" linking to these items of the data list on {@code page} ({@code ""}
   * for this page); nothing if there are none.
   *
   * @param cls the paragraph's class, or null for none
   */
  static void links(List<Integer> items, String page, String cls, HtmlWriter html) {
    if (items.isEmpty()) return;
    if (cls != null) html.attr("class", cls).withAttr();
    html.tag("p").text("Data:");
    for (int item : items) {
      html.text(" ");
      html.attr("href", page + "#data-" + item).withAttr().tag("a").text(String.valueOf(item)).tag("/a");
    }
    html.tag("/p").line();
  }

  /**
   * Writes the page's data list for these figures, in the order first cited, its items numbered
   * in that order ({@code id="data-1"}); nothing if none.
   */
  static void write(Collection<DataValue> cited, HtmlWriter html) {
    if (cited.isEmpty()) return;
    Map<String, List<DataValue>> groups = new LinkedHashMap<>();
    for (DataValue v : cited) groups.computeIfAbsent(item(v), k -> new ArrayList<>()).add(v);
    html.attr("class", "data-sources").withAttr().tag("section").line();
    html.attr("id", "data-sources").withAttr().tag("h2").text("Data used in the examples");
    // The self-link every h2 with an id has (HeadingLinkRenderer), for a heading no Markdown wrote.
    html.attr("class", "heading-anchor").attr("href", "#data-sources").attr("aria-label", "Link to this section")
        .withAttr().tag("a").tag("/a").tag("/h2").line();
    html.attr("class", "sources").withAttr().tag("ol").line();
    int n = 0;
    for (List<DataValue> values : groups.values()) {
      html.attr("id", "data-" + ++n).withAttr().tag("li");
      if (values.size() == 1) {
        DataValue v = values.get(0);
        html.tag("code").text(v.key()).tag("/code").text(" = ");
        html.text(ReaderValue.of(v));
        html.text(": ");
        SourceLinks.write(v.source(), html);
      } else {
        Place first = Place.of(values.get(0));
        html.tag("code").text(first.record()).tag("/code").text(" from ");
        // The document is the source's start, a place its end: links are found in the whole source.
        SourceLinks.write(values.get(0).source(), 0, first.document().length(), html);
        html.text(": ");
        for (int i = 0; i < values.size(); i++) {
          Place p = Place.of(values.get(i));
          html.text((i > 0 ? "; " : "") + p.field() + " = ");
          html.text(ReaderValue.of(values.get(i)));
          // A place that is the field's own name ("kv_lora_rank" in a config) would say it twice.
          if (!p.where().equals(p.field())) {
            html.text(" ("); // the place may cite a paper or a repository too
            String source = values.get(i).source();
            SourceLinks.write(source, source.length() - p.where().length(), source.length(), html);
            html.text(")");
          }
        }
      }
      html.tag("/li").line();
    }
    html.tag("/ol").line().tag("/section").line();
  }

  /**
   * Where a figure comes from, split for grouping: its record ({@code models.llama_2_7b}) and field
   * ({@code n_layers}), and its source split at the first ", " outside parentheses into the
   * document and the place in it.
   */
  private record Place(String record, String field, String document, String where) {
    /** Null when the key has no record or the source no "document, place" shape. */
    static Place of(DataValue v) {
      int dot = v.key().lastIndexOf('.');
      int comma = topLevelComma(v.source());
      if (dot < 0 || comma < 0) return null;
      return new Place(v.key().substring(0, dot), v.key().substring(dot + 1),
          v.source().substring(0, comma), v.source().substring(comma + 2));
    }

    /** "Language Models are Few-Shot Learners (Brown et al. 2020, arXiv:…), Table 2.1": the comma after ")". */
    private static int topLevelComma(String s) {
      int depth = 0;
      for (int i = 0; i < s.length() - 1; i++) {
        char c = s.charAt(i);
        if (c == '(') depth++;
        else if (c == ')') depth = Math.max(0, depth - 1);
        else if (depth == 0 && c == ',' && s.charAt(i + 1) == ' ') return i;
      }
      return -1;
    }
  }

  /** {@code 1234567} as {@code 1,234,567}: what {@code %,d} gives, without a Formatter per number. */
  static String grouped(long n) {
    String digits = Long.toString(Math.abs(n));
    StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
    if (n < 0) out.append('-');
    int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    out.append(digits, 0, first);
    for (int i = first; i < digits.length(); i += 3) out.append(',').append(digits, i, i + 3);
    return out.toString();
  }
}
