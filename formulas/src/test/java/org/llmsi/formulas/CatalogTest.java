package org.llmsi.formulas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The contract the verifier relies on, checked over every topic class. */
class CatalogTest {

  @Test
  void everyReferenceIsAPublicStaticDoubleWithOneSymbolPerParameterAndAUniqueId() {
    Set<String> ids = new HashSet<>();
    int references = 0;
    for (Class<?> topic : Catalog.all()) {
      assertTrue(Modifier.isFinal(topic.getModifiers()), topic + " should be final");
      for (Method m : topic.getDeclaredMethods()) {
        Reference r = m.getAnnotation(Reference.class);
        if (r == null) {
          continue;
        }
        references++;
        String where = topic.getSimpleName() + "." + m.getName();
        assertTrue(Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()), where);
        assertEquals(double.class, m.getReturnType(), where);
        for (Class<?> p : m.getParameterTypes()) {
          assertEquals(double.class, p, where);
        }
        assertEquals(m.getParameterCount(), r.symbols().length, where + ": one symbol per parameter");
        assertEquals(r.symbols().length, new HashSet<>(Set.of(r.symbols())).size(), where + ": repeated symbol");
        assertTrue(ids.add(r.id()), "duplicate id " + r.id());
        assertTrue(r.id().matches("[a-z][a-z0-9_]*"), "id " + r.id());
      }
    }
    assertTrue(references >= 70, "references: " + references);
  }

  @Test
  void publicDoubleMethodsOfTopicsAreReferences() {
    // A closed form that forgot its annotation would never be checked against the guide.
    for (Class<?> topic : Catalog.all()) {
      for (Method m : topic.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && m.getReturnType() == double.class) {
          assertTrue(m.isAnnotationPresent(Reference.class), topic.getSimpleName() + "." + m.getName());
        }
      }
    }
  }

  @Test
  void guideTopicsAreLibraryTopicsAndAllTopicsAreListed() throws IOException {
    assertTrue(Catalog.all().containsAll(Catalog.guide()));
    assertEquals(new HashSet<>(Catalog.all()).size(), Catalog.all().size());
    Set<String> listed = new TreeSet<>();
    Catalog.all().forEach(c -> listed.add(c.getSimpleName() + ".java"));
    Set<String> sources = new TreeSet<>();
    try (var files = Files.list(Path.of("src/main/java/org/llmsi/formulas"))) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".java")) // simulations, which bind no formula, sit in simulation/
          .filter(n -> !n.equals("Catalog.java") && !n.equals("Reference.java"))
          .forEach(sources::add);
    }
    assertEquals(sources, listed, "every topic class must be in Catalog.all()");
  }

  /**
   * Every symbol a reference receives is declared in the guide's glossary (site-src/data/symbols),
   * the one place notation is defined; the verifier checks that each formula's symbols match.
   */
  @Test
  void everyReferenceSymbolIsDeclaredInTheGlossary() throws IOException {
    Set<String> glossary = new TreeSet<>();
    try (var files = Files.list(Data.DIR.resolve("symbols"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        try (var in = Files.newBufferedReader(file)) {
          java.util.Map<String, Object> symbols = new org.yaml.snakeyaml.Yaml().load(in);
          glossary.addAll(symbols.keySet());
        }
      }
    }
    Set<String> missing = new TreeSet<>();
    for (Class<?> topic : Catalog.all()) {
      for (Method m : topic.getDeclaredMethods()) {
        Reference r = m.getAnnotation(Reference.class);
        if (r != null) {
          for (String symbol : r.symbols()) {
            if (!glossary.contains(symbol)) missing.add(topic.getSimpleName() + "." + m.getName() + ": " + symbol);
          }
        }
      }
    }
    assertTrue(glossary.size() > 50, "the glossary was read: " + glossary.size() + " symbols");
    assertTrue(missing.isEmpty(), "symbols missing from site-src/data/symbols: " + missing);
  }

  /** The guide binds at least the core topics; an empty list would make the verifier check nothing. */
  @Test
  void theGuideBindsTheCoreTopics() {
    assertTrue(Catalog.guide().containsAll(java.util.List.of(Roofline.class, KvCache.class,
        TransformerParameters.class, PipelineBubble.class, SpeculativeDecoding.class)));
  }
}
