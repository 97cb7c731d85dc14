/**
 * The formula verification report of the project site ({@code mvn site}): what the verifier
 * checked, formula by formula, with the reference each was tested against, the worked examples and
 * claims that use it, and the sources behind every figure, linked to the published guide.
 */
package org.llmsi.verifier.report.site;
