package org.llmsi.publisher.cli;

/** Silences the libraries' own console output so the build prints only its summary. */
final class Quiet {
  private Quiet() {}

  static void jbakeAndOrientDb() {
    // OrientDB logs through java.util.logging and prints a banner and memory hints at start.
    System.setProperty("log.console.level", "SEVERE");
    System.setProperty("log.file.level", "SEVERE");
    System.setProperty("profiler.enabled", "false");
    java.util.logging.Logger.getLogger("com.orientechnologies").setLevel(java.util.logging.Level.SEVERE);
    // openhtmltopdf logs timings at INFO; keep its warnings (e.g. a CSS property it ignores).
    for (String name : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
      com.openhtmltopdf.util.XRLog.setLevel(name, java.util.logging.Level.WARNING);
    }
  }
}
