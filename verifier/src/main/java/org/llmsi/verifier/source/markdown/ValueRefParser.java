package org.llmsi.verifier.source.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code {name}}: a name, dotted parts allowed, between braces with no spaces. */
public final class ValueRefParser implements InlineParserExtension {
  private static final Pattern REF = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*)\\}");

  @Override
  public void finalizeDocument(InlineParser inlineParser) {}

  @Override
  public void finalizeBlock(InlineParser inlineParser) {}

  @Override
  public boolean parse(LightInlineParser parser) {
    BasedSequence input = parser.getInput();
    int open = parser.getIndex();
    Matcher m = REF.matcher(input).region(open, input.length());
    if (!m.lookingAt()) return false;
    parser.flushTextNode();
    parser.getBlock().appendChild(new ValueRef(input.subSequence(open, m.end()), m.group(1)));
    parser.setIndex(m.end());
    return true;
  }
}
