package org.llmsi.verifier.report.site;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.llmsi.verifier.VerificationResult;
import org.llmsi.verifier.Verifier;
import org.llmsi.verifier.VerifyOptions;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.DiagnosticPrinter;

/**
 * Writes the verification report for {@code mvn site}:
 * {@code VerificationReportMain SITE OUTPUT.md [GUIDE_URL]}; the guide's address defaults to
 * {@code site.url} in SITE/jbake.properties, where the site's own pages read it. Verifies the guide first; a guide that
 * does not verify gets its diagnostics printed and no report (exit status 1), since the report
 * only lists what was verified.
 */
public final class VerificationReportMain {
  private VerificationReportMain() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, new PrintWriter(System.out, true)));
  }

  /** Runs with the given output stream; returns the exit status (0 written, 1 not verified, 2 usage). */
  public static int run(String[] args, PrintWriter out) throws IOException {
    if (args.length < 2 || args.length > 3) {
      out.println("usage: VerificationReportMain SITE OUTPUT.md [GUIDE_URL]");
      return 2;
    }
    Path site = Path.of(args[0]);
    String guideUrl = args.length == 3 ? args[2] : siteUrl(site);
    if (guideUrl == null) {
      out.println(site.resolve("jbake.properties") + ": error: no site.url, the address the report links to");
      return 2;
    }
    Path output = Path.of(args[1]);
    VerificationResult result = new Verifier(VerifyOptions.of(site)).verify();
    if (!result.ok()) {
      DiagnosticPrinter printer = new DiagnosticPrinter(DiagnosticPrinter.Format.TEXT, Path.of("").toAbsolutePath());
      for (Diagnostic d : result.diagnostics()) out.print(printer.print(d));
      out.println(result.summary().line(false));
      return 1;
    }
    String report = new VerificationReport(result, guideUrl).markdown();
    Files.createDirectories(output.toAbsolutePath().getParent());
    Files.writeString(output, report, StandardCharsets.UTF_8);
    out.println("wrote " + output + ": " + result.guide().formulas().size() + " formulas, "
        + result.guide().examples().size() + " examples");
    out.flush();
    return 0;
  }

  private static String siteUrl(Path site) throws IOException {
    Path file = site.resolve("jbake.properties");
    if (!Files.isRegularFile(file)) return null;
    java.util.Properties p = new java.util.Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    String url = p.getProperty("site.url");
    return url == null || url.isBlank() ? null : url.strip();
  }
}
