package org.llmsi.verifier.lang;

/**
 * One step of an example: a binding, and optionally the claim that its value is stated as.
 *
 * @param binding {@code name = expression}
 * @param label the display name written after the name ({@code h100_smem "H100 shared memory" = …}), or null
 * @param claim the stated value, or null for a plain binding
 */
public record Statement(Equation binding, String label, Claim claim) {}
