package org.llmsi.verifier.check;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmsi.formulas.Reference;

/**
 * The Java reference methods the guide's formulas are tested against, read from a catalog method
 * such as {@code org.llmsi.formulas.Catalog#guide} that lists topic classes.
 */
public final class ReferenceCatalog {

  /**
   * A reference method.
   *
   * @param id the formula id it implements
   * @param symbols the symbol each parameter receives
   * @param method the static method
   */
  public record BoundReference(String id, List<String> symbols, Method method) {
    public String displayName() {
      return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /** Calls the method with arguments in base units, in its own parameter order. */
    public double invoke(double[] args) {
      try {
        Object[] boxed = new Object[args.length];
        for (int i = 0; i < args.length; i++) boxed[i] = args[i];
        return (double) method.invoke(null, boxed);
      } catch (ReflectiveOperationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new IllegalStateException(displayName() + " threw " + cause, cause);
      }
    }
  }

  private final String name;
  private final Map<String, BoundReference> references;
  private final List<String> problems;

  private ReferenceCatalog(String name, Map<String, BoundReference> references, List<String> problems) {
    this.name = name;
    this.references = references;
    this.problems = problems;
  }

  public String name() {
    return name;
  }

  public Map<String, BoundReference> references() {
    return references;
  }

  /** Malformed reference methods (wrong signature, symbol count, duplicate id). */
  public List<String> problems() {
    return problems;
  }

  /**
   * Loads a catalog named {@code fully.qualified.Class#method}; the method returns the topic
   * classes. Throws {@link IllegalArgumentException} with a readable message when it cannot.
   */
  public static ReferenceCatalog load(String spec) {
    int hash = spec.indexOf('#');
    if (hash < 0) throw new IllegalArgumentException("reference catalog must be Class#method, got '" + spec + "'");
    List<Class<?>> topics;
    try {
      Class<?> owner = Class.forName(spec.substring(0, hash));
      Object result = owner.getMethod(spec.substring(hash + 1)).invoke(null);
      topics = new ArrayList<>();
      for (Object o : (List<?>) result) topics.add((Class<?>) o);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException("cannot load reference catalog '" + spec + "': " + e);
    }
    Map<String, BoundReference> refs = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Class<?> topic : topics) {
      Method[] methods = topic.getDeclaredMethods();
      Arrays.sort(methods, (a, b) -> a.getName().compareTo(b.getName()));
      for (Method m : methods) {
        Reference r = m.getAnnotation(Reference.class);
        if (r == null) continue;
        String where = topic.getSimpleName() + "." + m.getName();
        if (!Modifier.isStatic(m.getModifiers()) || !Modifier.isPublic(m.getModifiers())
            || m.getReturnType() != double.class
            || Arrays.stream(m.getParameterTypes()).anyMatch(p -> p != double.class)) {
          problems.add("reference " + where + " must be public static double with double parameters");
          continue;
        }
        if (r.symbols().length != m.getParameterCount()) {
          problems.add("reference " + where + " has " + m.getParameterCount() + " parameters but names "
              + r.symbols().length + " symbols " + Arrays.toString(r.symbols()));
          continue;
        }
        BoundReference previous = refs.put(r.id(), new BoundReference(r.id(), List.of(r.symbols()), m));
        if (previous != null) {
          problems.add("formula id '" + r.id() + "' has two references: " + previous.displayName()
              + " and " + where);
        }
      }
    }
    return new ReferenceCatalog(spec, refs, problems);
  }
}
