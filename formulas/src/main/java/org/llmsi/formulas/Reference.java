package org.llmsi.formulas;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a static method to the guide's {@code formula} block of the same id.
 *
 * <p>The verifier draws random inputs for the formula's symbols, evaluates the Markdown expression
 * and this method, and requires the two to agree. {@link #symbols()} names, in parameter order, the
 * glossary symbol each parameter receives. Every argument and the result are in base units:
 * bytes, bits, FLOP, seconds, US dollars, and plain numbers for counts.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Reference {
  /** The id of the formula block this method implements, e.g. {@code "ridge_point"}. */
  String id();

  /** The glossary symbol bound to each parameter, in parameter order. */
  String[] symbols();
}
