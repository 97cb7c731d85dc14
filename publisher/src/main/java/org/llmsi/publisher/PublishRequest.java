package org.llmsi.publisher;

import java.nio.file.Path;

/**
 * One build of the guide.
 *
 * @param siteSrc the guide's sources (content/, data/, jbake.properties)
 * @param templates the FreeMarker templates, stylesheets and scripts
 * @param output where the finished site goes (replaced as a whole, only on success)
 * @param pdfs whether to print guide.pdf and formula-appendix.pdf (the live preview skips them)
 * @param tries property-test inputs per formula
 * @param catalog the reference catalog, {@code Class#method} (the guide's own unless testing)
 * @param version the commit the pages and PDFs say they were built from
 */
public record PublishRequest(Path siteSrc, Path templates, Path output, boolean pdfs, int tries, String catalog,
    GuideVersion version) {

  /** A build that names no commit: its pages say "Unversioned". */
  public PublishRequest(Path siteSrc, Path templates, Path output, boolean pdfs, int tries, String catalog) {
    this(siteSrc, templates, output, pdfs, tries, catalog, GuideVersion.UNVERSIONED);
  }

  /** The published guide's build: its reference catalog, the default number of tries, its commit. */
  public static PublishRequest of(Path siteSrc, Path templates, Path output) {
    return new PublishRequest(siteSrc, templates, output, true, org.llmsi.verifier.VerifyOptions.DEFAULT_TRIES,
        org.llmsi.verifier.VerifyOptions.GUIDE_CATALOG, GuideVersion.of(siteSrc));
  }

  public PublishRequest withoutPdfs() {
    return new PublishRequest(siteSrc, templates, output, false, tries, catalog, version);
  }

  public PublishRequest withCatalog(String spec) {
    return new PublishRequest(siteSrc, templates, output, pdfs, tries, spec, version);
  }

  public PublishRequest withSiteSrc(Path src) {
    return new PublishRequest(src, templates, output, pdfs, tries, catalog, version);
  }

  public PublishRequest withOutput(Path out) {
    return new PublishRequest(siteSrc, templates, out, pdfs, tries, catalog, version);
  }

  public PublishRequest withVersion(GuideVersion v) {
    return new PublishRequest(siteSrc, templates, output, pdfs, tries, catalog, v);
  }
}
