package org.llmsi.verifier.lang;

/**
 * The stated value of an example step, {@code ≈ 1.34 GB} or {@code ≈ 41 % ± 2 %}.
 *
 * @param stated the value as printed, with its unit
 * @param tolerance an explicit tolerance, or null to accept what rounds to the printed digits
 * @param approxStart offset of the {@code ≈}
 */
public record Claim(Expr.Num stated, Expr.Num tolerance, int approxStart) {}
