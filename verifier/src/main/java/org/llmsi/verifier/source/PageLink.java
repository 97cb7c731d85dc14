package org.llmsi.verifier.source;

/**
 * A link written in a chapter's prose.
 *
 * @param url the destination as written ({@code 09-kv-cache.html}, {@code #ridge_point})
 * @param offset where the destination starts in the file
 */
public record PageLink(String url, int offset) {}
