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
 */
public record PublishRequest(Path siteSrc, Path templates, Path output, boolean pdfs, int tries) {}
