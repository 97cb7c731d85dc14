package org.llmsi.publisher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The benchmark times the build in a JVM started as the build command starts it. */
class BuildCommandFlagsTest {
  @Test
  void theBenchmarkGivesTheBuildTheJvmFlagsThePomGivesIt() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    NodeList executions = pom.getElementsByTagName("execution");
    List<String> jvmFlags = null;
    for (int i = 0; i < executions.getLength(); i++) {
      Element execution = (Element) executions.item(i);
      NodeList id = execution.getElementsByTagName("id");
      if (id.getLength() == 0 || !"publish-guide".equals(id.item(0).getTextContent().strip())) continue;
      jvmFlags = new ArrayList<>();
      NodeList arguments = execution.getElementsByTagName("argument");
      for (int a = 0; a < arguments.getLength(); a++) {
        String argument = arguments.item(a).getTextContent().strip();
        if (!argument.startsWith("-XX:") && !argument.startsWith("-X")) break; // the flags come before -classpath
        jvmFlags.add(argument);
      }
    }
    assertEquals(PublishBenchmark.BUILD_JVM_FLAGS, jvmFlags, "guide/pom.xml, execution publish-guide");
  }
}
