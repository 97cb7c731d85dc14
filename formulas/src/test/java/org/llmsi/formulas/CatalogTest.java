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
          .filter(n -> !n.equals("Catalog.java") && !n.equals("Reference.java"))
          .forEach(sources::add);
    }
    assertEquals(sources, listed, "every topic class must be in Catalog.all()");
  }

  @Test
  void symbolsTableListsExactlyTheSymbolsInUse() throws IOException {
    Set<String> table = new TreeSet<>();
    Pattern row = Pattern.compile("^\\| ([A-Za-z_][A-Za-z0-9_]*) \\|");
    for (String line : Files.readAllLines(Path.of("SYMBOLS.md"))) {
      Matcher m = row.matcher(line);
      if (m.find() && !m.group(1).equals("symbol")) {
        table.add(m.group(1));
      }
    }
    Set<String> used = new TreeSet<>();
    for (Class<?> topic : Catalog.all()) {
      for (Method m : topic.getDeclaredMethods()) {
        Reference r = m.getAnnotation(Reference.class);
        if (r != null) {
          used.addAll(Set.of(r.symbols()));
        }
      }
    }
    if (!table.equals(used)) {
      Set<String> missing = new TreeSet<>(used);
      missing.removeAll(table);
      Set<String> unused = new TreeSet<>(table);
      unused.removeAll(used);
      fail("SYMBOLS.md out of date; missing " + missing + ", unused " + unused);
    }
  }

  /** The guide binds at least the core topics; an empty list would make the verifier check nothing. */
  @Test
  void theGuideBindsTheCoreTopics() {
    assertTrue(Catalog.guide().containsAll(java.util.List.of(Roofline.class, KvCache.class,
        TransformerParameters.class, PipelineBubble.class, SpeculativeDecoding.class)));
  }
}
