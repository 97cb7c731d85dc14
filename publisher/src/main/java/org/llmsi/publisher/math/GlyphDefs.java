package org.llmsi.publisher.math;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Gives each baked page the glyph outlines its math refers to, once, in a hidden SVG right after
 * {@code <body>}: a page's math then costs a reference per glyph instead of a full outline.
 *
 * <p>On the page, the build-wide glyph ids (a hash of the outline, {@code g} and ten hex digits)
 * are renamed to short ones in order of first use ({@code G0}, {@code G1}, … {@code Gz}, {@code G10}):
 * a math-heavy page holds thousands of references, and the upper-case prefix cannot meet a heading
 * or formula id, which are lower case.
 */
public final class GlyphDefs {
  private static final Pattern REF = Pattern.compile("href=\"#(g[0-9a-f]{10})\"");
  private static final String BODY = "<body>";
  private static final Pattern ID = Pattern.compile("((?:href=\"#|<path id=\"))(g[0-9a-f]{10})\"");

  private GlyphDefs() {}

  /** Adds the definitions to every HTML page of the site that uses shared glyphs. */
  public static void addTo(Path site, MathRenderer math) throws IOException {
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path page : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = REF.matcher(html);
        while (m.find()) ids.add(m.group(1));
        int body = html.indexOf(BODY);
        if (ids.isEmpty() || body < 0) continue;
        java.util.Map<String, String> shortIds = new java.util.HashMap<>();
        for (String id : ids) shortIds.put(id, "G" + Integer.toString(shortIds.size(), 36));
        String defs = "\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"glyph-defs\" aria-hidden=\"true\" focusable=\"false\""
            + " style=\"position:absolute;width:0;height:0;overflow:hidden\"><defs>" + math.glyphDefs(ids) + "</defs></svg>";
        int at = body + BODY.length();
        String withDefs = html.substring(0, at) + defs + html.substring(at);
        String renamed = ID.matcher(withDefs).replaceAll(r -> r.group(1) + shortIds.getOrDefault(r.group(2), r.group(2)) + "\"");
        Files.writeString(page, renamed, StandardCharsets.UTF_8);
      }
    }
  }
}
