package org.llmsi.publisher.appendix;

import java.util.Locale;
import org.llmsi.publisher.bake.Book;
import org.llmsi.publisher.bake.Chapter;
import org.llmsi.publisher.math.MathRenderer;
import org.llmsi.verifier.data.SymbolDef;
import org.llmsi.verifier.model.VerifiedFormula;
import org.llmsi.verifier.model.VerifiedGuide;
import org.llmsi.verifier.report.Location;

/**
 * The body of the formula appendix, generated from the verifier's registry rather than written by
 * hand: the notation table from the glossary, then every formula with its symbols and units, the
 * chapter that defines it, the examples that use it and how it was verified.
 */
public final class FormulaAppendix {
  /** The appendix page's file name in the site. */
  public static final String PAGE = "formula-appendix.html";
  /** The page's title, in its header and in the PDF. */
  public static final String TITLE = "Formula appendix";

  private final VerifiedGuide guide;
  private final Book book;
  private final MathRenderer math;

  public FormulaAppendix(VerifiedGuide guide, Book book, MathRenderer math) {
    this.guide = guide;
    this.book = book;
    this.math = math;
  }

  /** The appendix body as HTML, links relative to the site root. */
  public String html() {
    StringBuilder out = new StringBuilder();
    out.append("<h1 id=\"formula-appendix\">Formula appendix</h1>\n");
    out.append("<p class=\"lead\">Every formula of the guide, in book order. Each one was checked for units and ")
        .append("compared with an independent Java implementation on random inputs before this page was built.</p>\n");
    out.append("<h2 id=\"notation\">Notation</h2>\n");
    // A th in a row of th cells heads its column: no scope attribute needed.
    out.append("<table class=\"notation\">\n<thead><tr><th>symbol</th><th>name</th><th>meaning</th><th>unit</th>"
        + "<th>tested over</th></tr></thead>\n<tbody>\n");
    for (SymbolDef s : guide.glossary().symbols()) {
      out.append("<tr id=\"sym-").append(escape(s.name())).append("\"><td>").append(math.inline(s.tex()).img(""))
          .append("</td><td><code>").append(escape(s.name())).append("</code></td><td>").append(escape(s.meaning()))
          .append("</td><td>").append(escape(s.unitText())).append("</td><td>").append(escape(range(s)))
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    out.append("<h2 id=\"formulas\">Formulas</h2>\n");
    for (VerifiedFormula f : guide.formulas()) {
      String id = escape(f.id());
      out.append("<section class=\"appendix-entry\" id=\"").append(id).append("\">\n");
      out.append("<h3><code>").append(id).append("</code></h3>\n");
      out.append("<div class=\"formula-math\">").append(math.display(f.tex()).img("")).append("</div>\n");
      out.append("<dl class=\"where\">\n");
      for (SymbolDef s : f.symbols()) {
        out.append("<dt>").append(math.inline(s.tex()).img("")).append("</dt><dd>").append(escape(s.meaning()))
            .append(" <span class=\"unit\">[").append(escape(s.unitText())).append("]</span></dd>\n");
      }
      out.append("</dl>\n<p class=\"defined\">Defined in ").append(link(f.location(), f.id())).append(".</p>\n");
      out.append("<p class=\"used\">Used by: ");
      if (f.usedBy().isEmpty()) {
        out.append("no worked example yet");
      } else {
        for (int i = 0; i < f.usedBy().size(); i++) {
          Location use = f.usedBy().get(i);
          if (i > 0) out.append(", ");
          out.append(link(use, null));
        }
      }
      out.append(".</p>\n<p class=\"verified\">Verified: agrees with <code>").append(escape(f.reference()))
          .append("</code> on ").append(String.format(Locale.ROOT, "%,d", f.tries()))
          .append(" random inputs drawn with seed ").append(f.seed())
          .append(" (relative tolerance 1e-9); both sides have the same unit.</p>\n</section>\n");
    }
    return out.toString();
  }

  /** A link to the chapter at a location: the formula's anchor, or the example's line anchor. */
  private String link(Location at, String formulaId) {
    String shown = at.file().toString().replace('\\', '/');
    Chapter chapter = book.byShownFile(shown).orElse(null);
    String label = escape(shown.substring(shown.lastIndexOf('/') + 1)) + ":" + at.line();
    if (chapter == null) return "<span class=\"location\">" + label + "</span>";
    String fragment = formulaId != null ? formulaId : exampleAnchor(at);
    return "<a href=\"" + escape(chapter.uri()) + "#" + escape(fragment) + "\">" + escape(chapter.title())
        + "</a> <span class=\"location\">(" + label + ")</span>";
  }

  /** Uses point at a step line; they link to the anchor of the example there, the nearest fence above. */
  private String exampleAnchor(Location use) {
    org.llmsi.verifier.model.VerifiedExample best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (var e : guide.examples()) {
      if (!e.location().file().equals(use.file())) continue;
      int d = use.line() - e.location().line();
      if (d >= 0 && d < bestDistance) {
        bestDistance = d;
        best = e;
      }
    }
    return best == null ? "" : guide.exampleAnchor(best);
  }

  private static String range(SymbolDef s) {
    if (s.isConstant()) return "fixed: " + s.constant() + " (" + s.source() + ")";
    if (Double.isNaN(s.low())) return "";
    return String.format(Locale.ROOT, "%s to %s%s", compact(s.low()), compact(s.high()), s.integer() ? ", whole numbers" : "");
  }

  private static String compact(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
    return String.format(Locale.ROOT, "%.3g", v).replace("e+0", "e").replace("e+", "e");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
