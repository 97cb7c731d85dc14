package org.llmsi.verifier.source;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.Html5Entities;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.llmsi.verifier.report.Diagnostic;
import org.llmsi.verifier.report.Diagnostics;
import org.llmsi.verifier.report.Diagnostic.Kind;

/**
 * Raw HTML in a chapter reaches the published page as written, so a chapter may hold only inert
 * HTML: the tags of {@link #ALLOWED} with the attributes listed for each, and comments. Anything
 * else (a {@code <script>}, an {@code on…=} handler, a {@code style}, an {@code <iframe>}, a
 * {@code javascript:} URL, or simply a tag or attribute the list does not name) is an error at the
 * offending tag or attribute. Markdown links and images may only point into the site or to an
 * {@code http:}, {@code https:} or {@code mailto:} address.
 *
 * <p>Each raw-HTML node of flexmark (an HTML block, a comment block, an inline tag or comment) is
 * read with a tokenizer that follows the HTML standard's tokenizer where it matters (tag and
 * attribute boundaries, quotes, comments, raw-text elements). A node must be whole on its own: a
 * tag left open at its end (an unclosed quote, a missing {@code >}) or an unclosed comment is an
 * error, since the browser would read the Markdown rendered after it as part of that tag. So what
 * is checked here is what a browser sees.
 */
public final class RawHtml {
  /** Inert tags and the attributes each may carry. */
  static final Map<String, Set<String>> ALLOWED = allowed();

  /** Schemes a link or image may use; a URL without a scheme is a path in the site. */
  static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

  /** Elements whose content the browser reads as text up to their end tag. */
  private static final Set<String> RAW_TEXT =
      Set.of("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext");

  /** Attributes that hold a URL the browser loads or follows. */
  private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "srcset", "action", "formaction", "data",
      "poster", "background", "cite", "longdesc", "usemap", "xlink:href", "manifest", "ping", "codebase", "dynsrc",
      "lowsrc", "icon", "archive", "classid", "profile");

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");
  private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#([xX][0-9A-Fa-f]+|[0-9]+);?");
  private static final Pattern NAMED_REFERENCE = Pattern.compile("&[A-Za-z][A-Za-z0-9]*;");

  static final String ALLOW_LIST = "<sub>, <sup>, <kbd>, <var>, <samp>, <mark>, <small>, <br>, <wbr>, <abbr title>, "
      + "<details open>, <summary>, <span class>, <div class> and <!-- comments -->";
  private static final String HELP_ALLOWED = "help: a chapter may hold only inert HTML: " + ALLOW_LIST
      + "; write the rest in Markdown";
  private static final String HELP_URL = "help: link to a page of the guide (NN-name.html), a heading (#id) or an "
      + "http:, https: or mailto: address; an image is a file of the site";

  private RawHtml() {}

  private static Map<String, Set<String>> allowed() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    for (String tag : List.of("sub", "sup", "kbd", "var", "samp", "mark", "small", "br", "wbr", "summary")) {
      m.put(tag, Set.of());
    }
    m.put("abbr", Set.of("title"));
    m.put("details", Set.of("open"));
    m.put("span", Set.of("class"));
    m.put("div", Set.of("class"));
    return Map.copyOf(m);
  }

  /**
   * Checks the raw HTML and the link and image URLs of a chapter.
   *
   * @param doc the chapter as flexmark parsed it, with file offsets
   * @param file the chapter, to locate findings
   * @param errors where findings go
   */
  public static void check(Document doc, SourceFile file, Diagnostics errors) {
    Set<String> reported = new HashSet<>();
    for (Node n : doc.getDescendants()) {
      if (n instanceof HtmlBlockBase block) {
        if (!(n.getParent() instanceof HtmlBlockBase)) new Scan(block.getContentChars(), file, errors, reported).run();
      } else if (n instanceof HtmlInlineBase) {
        new Scan(n.getChars(), file, errors, reported).run();
      } else if (n instanceof LinkNodeBase link && !(n instanceof MailLink)) {
        markdownUrl(link, file, errors);
      }
    }
  }

  private static void markdownUrl(LinkNodeBase link, SourceFile file, Diagnostics errors) {
    BasedSequence url = link.getUrl();
    if (url.isEmpty()) return;
    String scheme = scheme(Escaping.unescapeString(url.toString()));
    if (scheme == null || SCHEMES.contains(scheme)) return;
    String what = link instanceof Image ? "image from" : "link to";
    errors.add(Diagnostic.of(Kind.HTML, at(file, url, 0, url.length()),
        what + " a " + scheme + ": URL, " + schemeDanger(scheme), HELP_URL));
  }

  /** Why a URL scheme is refused, as the end of a sentence. */
  private static String schemeDanger(String scheme) {
    return switch (scheme) {
      case "javascript", "vbscript" -> "which runs script when the reader follows it";
      case "data" -> "which embeds content the build does not check (and can run script)";
      default -> "a scheme the guide does not allow";
    };
  }

  /**
   * The lower-case scheme of a URL as a browser parses it (after dropping the leading and trailing
   * control characters and spaces, and every tab and newline), or null for a path in the site.
   */
  public static String scheme(String url) {
    StringBuilder clean = new StringBuilder();
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') clean.append(c);
    }
    String s = clean.toString();
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) <= ' ') from++;
    while (to > from && s.charAt(to - 1) <= ' ') to--;
    Matcher m = SCHEME.matcher(s.substring(from, to));
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /** An attribute value with its character references replaced, as the browser reads it. */
  static String decodeAttribute(String value) {
    if (value.indexOf('&') < 0) return value;
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '&') {
        Matcher num = NUMERIC_REFERENCE.matcher(value).region(i, value.length());
        if (num.lookingAt()) {
          String digits = num.group(1);
          int code;
          try {
            code = digits.charAt(0) == 'x' || digits.charAt(0) == 'X'
                ? Integer.parseInt(digits.substring(1), 16) : Integer.parseInt(digits);
          } catch (NumberFormatException e) {
            code = 0xFFFD;
          }
          out.appendCodePoint(Character.isValidCodePoint(code) && code != 0 ? code : 0xFFFD);
          i = num.end();
          continue;
        }
        Matcher named = NAMED_REFERENCE.matcher(value).region(i, value.length());
        if (named.lookingAt()) {
          String decoded = Html5Entities.entityToString(named.group());
          out.append(decoded);
          i = named.end();
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** The location of {@code length} characters from {@code index} of a node's text, kept to one line. */
  private static org.llmsi.verifier.report.Location at(SourceFile file, BasedSequence text, int index, int length) {
    int start = text.getIndexOffset(index);
    int n = 1;
    while (n < length && index + n < text.length() && text.charAt(index + n) != '\n'
        && text.getIndexOffset(index + n) == start + n) {
      n++;
    }
    return file.location(start, Math.max(n, 1));
  }

  /** An attribute of a tag: its name, and value as written (null when it has none). */
  private record Attribute(String name, int start, int end, String value, int valueStart) {}

  /** Reads one raw-HTML node. */
  private static final class Scan {
    private final BasedSequence text;
    private final String s;
    private final SourceFile file;
    private final Diagnostics errors;
    /** Tags already reported on this page: their end tags are not reported again. */
    private final Set<String> reported;

    Scan(BasedSequence text, SourceFile file, Diagnostics errors, Set<String> reported) {
      this.text = text;
      this.s = text.toString();
      this.file = file;
      this.errors = errors;
      this.reported = reported;
    }

    void run() {
      int i = 0;
      while (i < s.length()) {
        i = s.charAt(i) == '<' ? markup(i) : i + 1;
      }
    }

    /** Reads the markup that may start at {@code lt}; returns where reading goes on. */
    private int markup(int lt) {
      int i = lt + 1;
      if (i >= s.length()) return unclosed(lt, "'<' ends the HTML with nothing after it");
      char c = s.charAt(i);
      if (isAlpha(c)) return tag(lt, false);
      if (c == '/') {
        if (i + 1 >= s.length()) return unclosed(lt, "'</' ends the HTML with nothing after it");
        char d = s.charAt(i + 1);
        if (isAlpha(d)) return tag(lt, true);
        if (d == '>') return i + 2; // "</>" is dropped by the browser
        return bogus(lt, "'" + s.substring(lt, Math.min(s.length(), lt + 3)).strip() + "'");
      }
      if (c == '!') {
        if (s.startsWith("--", i + 1)) return comment(lt);
        String start = s.substring(lt, Math.min(s.length(), lt + 9));
        String what = start.toUpperCase(Locale.ROOT).startsWith("<!DOCTYPE") ? "a <!DOCTYPE> declaration"
            : start.startsWith("<![CDATA[") ? "a <![CDATA[ section" : "markup '<!…>'";
        return bogus(lt, what);
      }
      if (c == '?') return bogus(lt, "a processing instruction '<?…>'");
      return i; // '<' followed by anything else is text
    }

    private int comment(int lt) {
      int body = lt + 4;
      if (s.startsWith(">", body)) return body + 1;
      if (s.startsWith("->", body)) return body + 2;
      int close = s.indexOf("-->", body);
      int bang = s.indexOf("--!>", body);
      if (close < 0 && bang < 0) {
        errors.add(Diagnostic.of(Kind.HTML, at(file, text, lt, 4), "comment '<!--' is not closed with '-->'",
            "help: close it in the same HTML block: an unclosed comment hides everything after it"));
        return s.length();
      }
      if (close < 0 || (bang >= 0 && bang < close)) return bang + 4;
      return close + 3;
    }

    /** Markup the browser reads as a bogus comment, up to the next '>'. */
    private int bogus(int lt, String what) {
      int end = s.indexOf('>', lt);
      errors.add(Diagnostic.of(Kind.HTML, at(file, text, lt, end < 0 ? 2 : end - lt + 1),
          what + " is not allowed in a chapter", HELP_ALLOWED));
      return end < 0 ? s.length() : end + 1;
    }

    private int unclosed(int lt, String message) {
      errors.add(Diagnostic.of(Kind.HTML, at(file, text, lt, s.length() - lt), message,
          "help: finish the tag with '>' inside its HTML, or write a literal '<' as &lt;"));
      return s.length();
    }

    /** A start or end tag at {@code lt}, read as the HTML standard's tokenizer reads it. */
    private int tag(int lt, boolean end) {
      int i = lt + (end ? 2 : 1);
      int nameStart = i;
      while (i < s.length() && !isSpace(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>') i++;
      String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
      List<Attribute> attributes = new ArrayList<>();
      while (true) {
        while (i < s.length() && isSpace(s.charAt(i))) i++;
        if (i >= s.length()) return unclosedTag(lt, name, end);
        char c = s.charAt(i);
        if (c == '>') {
          i++;
          break;
        }
        if (c == '/') {
          i++;
          continue;
        }
        int attrStart = i++;
        while (i < s.length() && !isSpace(s.charAt(i)) && "/>=".indexOf(s.charAt(i)) < 0) i++;
        String attrName = s.substring(attrStart, i).toLowerCase(Locale.ROOT);
        int j = i;
        while (j < s.length() && isSpace(s.charAt(j))) j++;
        if (j >= s.length() || s.charAt(j) != '=') {
          attributes.add(new Attribute(attrName, attrStart, i, null, i));
          continue;
        }
        i = j + 1;
        while (i < s.length() && isSpace(s.charAt(i))) i++;
        if (i >= s.length()) return unclosedTag(lt, name, end);
        char q = s.charAt(i);
        if (q == '"' || q == '\'') {
          int close = s.indexOf(q, i + 1);
          if (close < 0) return unclosedTag(lt, name, end);
          attributes.add(new Attribute(attrName, attrStart, close + 1, s.substring(i + 1, close), i + 1));
          i = close + 1;
        } else {
          int valueStart = i;
          while (i < s.length() && !isSpace(s.charAt(i)) && s.charAt(i) != '>') i++;
          attributes.add(new Attribute(attrName, attrStart, i, s.substring(valueStart, i), valueStart));
        }
      }
      if (end) {
        endTag(lt, name, attributes);
        return i;
      }
      startTag(lt, name, attributes);
      if (!RAW_TEXT.contains(name)) return i;
      // The browser reads the content of these as text up to their end tag: so does this.
      if (name.equals("plaintext")) return s.length();
      Matcher close = Pattern.compile("</" + Pattern.quote(name) + "[\\t\\n\\f\\r />]", Pattern.CASE_INSENSITIVE)
          .matcher(s).region(i, s.length());
      return close.find() ? close.start() : s.length();
    }

    private int unclosedTag(int lt, String name, boolean end) {
      errors.add(Diagnostic.of(Kind.HTML, at(file, text, lt, s.length() - lt),
          "tag <" + (end ? "/" : "") + name + " is not closed with '>' before the end of its HTML",
          "help: close the tag and its quotes where it starts: the browser would read the Markdown after it as "
              + "part of the tag"));
      return s.length();
    }

    private void endTag(int lt, String name, List<Attribute> attributes) {
      if (!ALLOWED.containsKey(name) && reported.add(name)) {
        errors.add(Diagnostic.of(Kind.HTML, at(file, text, lt, name.length() + 2),
            "</" + name + "> is not on the allow-list of inert HTML", HELP_ALLOWED));
      }
      if (!attributes.isEmpty()) {
        Attribute a = attributes.get(0);
        errors.add(Diagnostic.of(Kind.HTML, at(file, text, a.start(), a.end() - a.start()),
            "end tag </" + name + "> has attributes", "help: an end tag is written </" + name + ">"));
      }
    }

    private void startTag(int lt, String name, List<Attribute> attributes) {
      Set<String> allowedAttributes = ALLOWED.get(name);
      if (allowedAttributes == null) {
        reported.add(name);
        String[] why = forbiddenTag(name);
        errors.add(Diagnostic.of(Kind.HTML, at(file, text, lt, name.length() + 1), why[0], why[1]));
      }
      for (Attribute a : attributes) {
        String shown = s.substring(a.start(), a.end());
        if (a.name().startsWith("on")) {
          errors.add(Diagnostic.of(Kind.HTML, at(file, text, a.start(), a.end() - a.start()),
              "event-handler attribute " + a.name() + "= on <" + name + "> runs script in the published page",
              "help: remove it: a chapter holds no script (the page's Content-Security-Policy refuses inline script too)"));
        } else if (a.name().equals("style")) {
          errors.add(Diagnostic.of(Kind.HTML, at(file, text, a.start(), a.end() - a.start()),
              "style attribute on <" + name + ">: a chapter sets no inline style",
              "help: mark the text with <span class=\"…\"> and style the class in templates/assets/guide.css"));
        } else if (URL_ATTRIBUTES.contains(a.name()) && a.value() != null && badScheme(a.value()) != null) {
          String scheme = badScheme(a.value());
          errors.add(Diagnostic.of(Kind.HTML, at(file, text, a.valueStart(), a.value().length()),
              a.name() + "= holds a " + scheme + ": URL, " + schemeDanger(scheme), HELP_URL));
        } else if (allowedAttributes != null && !allowedAttributes.contains(a.name())) {
          errors.add(Diagnostic.of(Kind.HTML, at(file, text, a.start(), a.end() - a.start()),
              "attribute " + shown.strip().replaceFirst("(?s)=.*", "") + "= is not allowed on <" + name + ">",
              allowedAttributes.isEmpty() ? "help: <" + name + "> takes no attributes in a chapter"
                  : "help: <" + name + "> may carry only " + String.join(", ", new java.util.TreeSet<>(allowedAttributes))));
        }
      }
    }

    private static String badScheme(String value) {
      String scheme = scheme(decodeAttribute(value));
      return scheme == null || SCHEMES.contains(scheme) ? null : scheme;
    }
  }

  /** The message and help for a tag that is not on the allow-list. */
  private static String[] forbiddenTag(String name) {
    String tag = "<" + name + ">";
    return switch (name) {
      case "script" -> new String[] {tag + " in a chapter: the published page would run it",
          "help: a chapter holds no script; the site's scripts are files in templates/assets/, and every page's "
              + "Content-Security-Policy refuses inline script"};
      case "style" -> new String[] {tag + " in a chapter would restyle the whole site",
          "help: style the site in templates/assets/guide.css; a chapter may mark text with <span class=\"…\">"};
      case "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe" -> new String[] {
          tag + " embeds another document or a plugin in the page", "help: link to it instead: [text](https://…)"};
      case "form", "input", "button", "select", "textarea", "option", "isindex" -> new String[] {
          tag + " would collect or send the reader's input", "help: a chapter holds no forms"};
      case "link", "meta", "base" -> new String[] {tag + " changes how the browser loads or treats the whole page",
          "help: page-wide settings live in templates/layout.ftl"};
      case "svg", "math", "template" -> new String[] {tag + " embeds markup the page does not check",
          "help: write math as $…$ (typeset when the site is built) and put a drawing in the site as a file"};
      case "a", "img", "picture", "video", "audio", "source", "track" -> new String[] {
          tag + " in HTML escapes the build's link and image checks",
          "help: write it in Markdown ([text](url), ![alt](file)) so the build checks it"};
      default -> new String[] {tag + " is not on the allow-list of inert HTML", HELP_ALLOWED};
    };
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }
}
