package org.llmsi.publisher.search;

/**
 * One thing a reader can find: a page, a section of a page, a formula or a symbol.
 *
 * @param kind which field weight its title gets (search.js ranks a page title above a section
 *     heading above a formula or symbol, and all of them above body text)
 * @param page the page it is on, relative to the site root
 * @param pageTitle the title of that page
 * @param anchor the id on the page, or empty for the page's top
 * @param title what the hit shows: a page title, a heading, a formula as plain text, a symbol name
 * @param keys exact names it answers to: formula ids, reference methods, symbol names
 * @param text the prose under it, for matching and the snippet
 */
public record SearchEntry(Kind kind, String page, String pageTitle, String anchor, String title, String keys, String text) {

  /** The kinds of hit, each with the one-letter code the index gives search.js. */
  public enum Kind {
    PAGE("p"), SECTION("s"), FORMULA("f"), SYMBOL("g");

    final String code;

    Kind(String code) {
      this.code = code;
    }
  }
}
