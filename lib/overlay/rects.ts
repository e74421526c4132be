/** Where things are on screen, as plain rects (viewport CSS pixels) the view model can hold. */
import type { DomSpan } from './dom-spans';
import type { Rect } from './view-model';

/** The first box of a span or range on screen. */
export function rectOfSpan(span: DomSpan | Range, doc: Document): Rect {
  const range = span instanceof Range ? span : doc.createRange();
  if (!(span instanceof Range)) {
    range.setStart(span.startContainer, span.startOffset);
    range.setEnd(span.endContainer, span.endOffset);
  }
  const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return { left: r.left, top: r.top, bottom: r.bottom, right: r.right };
}

/** The box around all of a span's lines: a card placed below it leaves the whole passage readable. */
export function boundsOfSpan(span: DomSpan, doc: Document): Rect {
  const range = doc.createRange();
  range.setStart(span.startContainer, span.startOffset);
  range.setEnd(span.endContainer, span.endOffset);
  const r = range.getBoundingClientRect();
  return { left: r.left, top: r.top, bottom: r.bottom, right: r.right };
}
