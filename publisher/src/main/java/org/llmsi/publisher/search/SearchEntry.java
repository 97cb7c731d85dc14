package org.llmsi.publisher.search;

/**
 * One thing a reader can find: a section of a page, or a formula.
 *
 * @param title what the hit shows (a heading, or a formula id)
 * @param url the page and anchor, relative to the site root
 * @param page the title of the page it is on
 * @param keys exact names that rank the hit higher: formula ids, symbol names, reference methods
 * @param text the prose under it, for matching only
 */
public record SearchEntry(String title, String url, String page, String keys, String text) {}
