/**
 * A span read where it stands now: the fallback painter ("mark highlights with page elements")
 * splits text nodes, leaving offsets past their node's end; the note card reads its passage
 * (its rect, the projects inside it) through `liveSpan`, which must find the same text again.
 */
import { describe, expect, it } from 'vitest';
import { liveSpan, spanFor } from '../../../lib/overlay/dom-spans';
import { createWrappingPainter } from '../../../lib/overlay/highlighter';
import { extractDomText } from '../../../lib/text/extract-dom';

const textOf = (s: { startContainer: Text; startOffset: number; endContainer: Text; endOffset: number }) => {
  const r = document.createRange();
  r.setStart(s.startContainer, s.startOffset);
  r.setEnd(s.endContainer, s.endOffset);
  return r.toString();
};

describe('a span after the fallback painter split its text', () => {
  it('is found again on the pieces, and a span still valid is left as it is', () => {
    document.body.innerHTML = '<p>晋江市公安局推动“微车管所”进五里工业园区，群众办事更近了。</p>';
    const dom = extractDomText(document.body);
    const at = (s: string) => spanFor(dom, dom.text.indexOf(s), dom.text.indexOf(s) + s.length)!;
    const mention = at('微车管所');
    const passage = at('群众办事更近了');
    expect(liveSpan(passage)).toEqual(passage);
    createWrappingPainter(document).draw({ 'project-done': [mention], note: [passage] });
    // The original text node now ends before the first mark: the passage's offsets point past it.
    expect(passage.startOffset).toBeGreaterThan(passage.startContainer.data.length);
    expect(() => textOf(passage)).toThrow();
    const live = liveSpan(passage);
    expect(textOf(live)).toBe('群众办事更近了');
    expect(live.startContainer.parentElement!.localName).toBe('msl-mark');
    expect(textOf(liveSpan(mention))).toBe('微车管所');
  });
});
