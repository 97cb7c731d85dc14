package org.llmsi.verifier.source.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;


/**
 * {@code $…$} inline math, with pandoc's rule so that prices stay prose: the opening {@code $} is
 * followed by a non-space, the closing one preceded by a non-space and not followed by a digit.
 * {@code \$} is a literal dollar (flexmark's escapes run first).
 */
public final class InlineMathParser implements InlineParserExtension {

  @Override
  public void finalizeDocument(InlineParser inlineParser) {}

  @Override
  public void finalizeBlock(InlineParser inlineParser) {}

  @Override
  public boolean parse(LightInlineParser parser) {
    BasedSequence input = parser.getInput();
    int open = parser.getIndex();
    if (open + 1 >= input.length() || Character.isWhitespace(input.charAt(open + 1)) || input.charAt(open + 1) == '$') {
      return false;
    }
    for (int i = open + 1; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (c == '\n' && i + 1 < input.length() && input.charAt(i + 1) == '\n') return false;
      if (c == '$') {
        boolean spaceBefore = Character.isWhitespace(input.charAt(i - 1));
        boolean digitAfter = i + 1 < input.length() && Character.isDigit(input.charAt(i + 1));
        if (spaceBefore || digitAfter) return false;
        parser.flushTextNode();
        String tex = input.subSequence(open + 1, i).toString().replace('\n', ' ');
        parser.getBlock().appendChild(new InlineMath(input.subSequence(open, i + 1), tex));
        parser.setIndex(i + 1);
        return true;
      }
    }
    return false;
  }
}
