package org.llmsi.verifier.source;

/**
 * A number in prose that is not a figure: a citation (a year, a section, table or equation, an
 * arXiv id) or part of a name (H100, FP8, Llama 3, 1F1B). The verification report lists every one,
 * so a reviewer can see that nothing slipped through as one.
 *
 * @param text the number as printed, with the word that made it a citation or name
 * @param offset where the number starts in the file
 * @param reason why it is not a figure ("year", "section", "name", …)
 */
public record ProseNote(String text, int offset, String reason) {}
