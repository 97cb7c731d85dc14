package org.llmsi.verifier.source.markdown;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * The guide's Markdown dialect, parsed once: CommonMark with tables, {@code $…$} inline math
 * ({@link InlineMath}) and {@code {name}} value references ({@link ValueRef}). The verifier checks
 * the document this parser makes and the publisher renders that same document, so a rule such as
 * "is this dollar sign math or a price?" is decided in one place.
 */
public final class GuideMarkdown implements Parser.ParserExtension {
  /** Options shared by the parse and any renderer of its documents. */
  public static final DataHolder OPTIONS = new MutableDataSet()
      .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), new GuideMarkdown()))
      .toImmutable();

  private static final Parser PARSER = Parser.builder(OPTIONS).build();

  private GuideMarkdown() {}

  /** Parses a chapter's text; offsets in the document are offsets in {@code text}. */
  public static Document parse(String text) {
    return PARSER.parse(text);
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.customInlineParserExtensionFactory(new InlineTrigger("$", InlineMathParser::new));
    builder.customInlineParserExtensionFactory(new InlineTrigger("{", ValueRefParser::new));
  }
}
