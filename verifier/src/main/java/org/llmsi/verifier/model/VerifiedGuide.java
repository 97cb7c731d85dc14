package org.llmsi.verifier.model;

import java.util.List;
import java.util.Optional;
import org.llmsi.verifier.data.DataSets;
import org.llmsi.verifier.data.Glossary;
import org.llmsi.verifier.source.Page;

/**
 * Everything the publisher renders, after verification: the pages and, for each formula and
 * example block, how it was checked: the chapters in book order, the notation (glossary), the model
 * and accelerator figures (data), and every formula and worked example in book order. Only built
 * when there were no errors.
 */
public final class VerifiedGuide {
  private final List<Page> pages;
  private final Glossary glossary;
  private final DataSets data;
  private final List<VerifiedFormula> formulas;
  private final List<VerifiedExample> examples;
  /** Every example's anchor, computed once: the renderer asks for each of them, page by page. */
  private final java.util.Map<VerifiedExample, String> anchors = new java.util.IdentityHashMap<>();
  /** Examples by their fence node in the pages' documents: what the publisher renders. */
  private final java.util.Map<com.vladsch.flexmark.util.ast.Node, VerifiedExample> byNode = new java.util.IdentityHashMap<>();
  private final java.util.Map<org.llmsi.verifier.source.markdown.InlineMath, String> relationTex;
  private final QuickReference card;
  private final java.util.Map<com.vladsch.flexmark.util.ast.Node, VerifiedPlot> plotsByNode = new java.util.IdentityHashMap<>();

  public VerifiedGuide(List<Page> pages, Glossary glossary, DataSets data, List<VerifiedFormula> formulas,
      List<VerifiedExample> examples) {
    this(pages, glossary, data, formulas, examples, java.util.Map.of());
  }

  /** @param relationTex the TeX each checked relation of prose math is typeset from, by its node */
  public VerifiedGuide(List<Page> pages, Glossary glossary, DataSets data, List<VerifiedFormula> formulas,
      List<VerifiedExample> examples, java.util.Map<org.llmsi.verifier.source.markdown.InlineMath, String> relationTex) {
    this(pages, glossary, data, formulas, examples, relationTex, null, List.of());
  }

  /**
   * @param card the quick-reference card resolved against this guide, or null when it defines none
   * @param plots every plot, book order
   */
  public VerifiedGuide(List<Page> pages, Glossary glossary, DataSets data, List<VerifiedFormula> formulas,
      List<VerifiedExample> examples, java.util.Map<org.llmsi.verifier.source.markdown.InlineMath, String> relationTex,
      QuickReference card, List<VerifiedPlot> plots) {
    this.card = card;
    this.relationTex = relationTex;
    plots.forEach(p -> plotsByNode.put(p.node(), p));
    this.pages = List.copyOf(pages);
    this.glossary = glossary;
    this.data = data;
    this.formulas = List.copyOf(formulas);
    this.examples = List.copyOf(examples);
    java.util.Map<String, java.util.Set<String>> taken = new java.util.HashMap<>();
    for (VerifiedExample e : this.examples) {
      String file = shownFile(e);
      String base = "example-" + slug(e.title());
      String anchor = base;
      java.util.Set<String> onPage = taken.computeIfAbsent(file, f -> new java.util.HashSet<>());
      for (int n = 2; !onPage.add(anchor); n++) anchor = base + "-" + n;
      anchors.put(e, anchor);
      if (e.node() != null) byNode.put(e.node(), e);
    }
  }

  public List<Page> pages() {
    return pages;
  }

  /** The quick-reference card ({@code quick-reference.yaml}), when the guide defines one. */
  public Optional<QuickReference> quickReference() {
    return Optional.ofNullable(card);
  }

  public Glossary glossary() {
    return glossary;
  }

  public DataSets data() {
    return data;
  }

  /** Every formula, in book order. */
  public List<VerifiedFormula> formulas() {
    return formulas;
  }

  /** Every worked example, in book order. */
  public List<VerifiedExample> examples() {
    return examples;
  }

  public Optional<VerifiedFormula> formula(String id) {
    return formulas.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /**
   * The example's anchor on its page: {@code example-} and the slug of its title (lower case,
   * letters and digits, other runs as one hyphen), with {@code -2}, {@code -3}, … for a title used
   * again on the same page. Unlike the fence line, it stays put when text above the example moves.
   */
  public String exampleAnchor(VerifiedExample example) { // one of examples(), not an equal copy
    String anchor = anchors.get(example);
    if (anchor == null) {
      throw new IllegalArgumentException("not an example of this guide: " + example.title() + " at " + example.location());
    }
    return anchor;
  }

  /** Lower case letters and digits; every other run of characters becomes one hyphen. */
  static String slug(String title) {
    String ascii = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD)
        .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return ascii.isEmpty() ? "untitled" : ascii;
  }

  /** The verified example of a fence node of one of {@link #pages()}' documents. */
  public Optional<VerifiedExample> example(com.vladsch.flexmark.util.ast.Node fence) {
    return Optional.ofNullable(byNode.get(fence));
  }

  /** The verified plot of a fence node of one of {@link #pages()}' documents. */
  public Optional<VerifiedPlot> plot(com.vladsch.flexmark.util.ast.Node fence) {
    return Optional.ofNullable(plotsByNode.get(fence));
  }

  /**
   * The TeX to typeset inline math from: a checked relation is typeset from its syntax tree, like a
   * formula; anything else as written.
   */
  public String tex(org.llmsi.verifier.source.markdown.InlineMath math) {
    return relationTex.getOrDefault(math, math.tex());
  }


  private static String shownFile(VerifiedExample e) {
    return e.location().file().toString().replace('\\', '/');
  }
}
