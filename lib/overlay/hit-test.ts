/** From a pointer position to a place in the page's text, for hovering and clicking highlights. */
import type { DomSpan } from './dom-spans';
import { WRAP_TAG } from './highlighter';
import type { MentionStore, PlacedMention } from './mention-store';

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
};

/**
 * The text position nearest the point (standard caretPositionFromPoint, else WebKit's
 * caretRangeFromPoint). `shadowRoots`: open shadow roots it may look into (web components'
 * text); without them the position stops at their hosts.
 */
export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): { node: Node; offset: number } | null {
  const pos = (doc as CaretDoc).caretPositionFromPoint?.(x, y, shadowRoots.length ? { shadowRoots } : undefined);
  if (pos) return { node: pos.offsetNode, offset: pos.offset };
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** Whether the point lies on the span's text (the caret may be the nearest text, far away). */
export function pointInSpan(doc: Document, span: DomSpan, x: number, y: number): boolean {
  const range = doc.createRange();
  range.setStart(span.startContainer, span.startOffset);
  range.setEnd(span.endContainer, span.endOffset);
  for (const r of range.getClientRects()) if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  return false;
}

/**
 * The mention under a point: a fallback element's own mention, else the mention at the caret
 * (or just before it, at a mention's end), if the point is really on its text.
 */
export function mentionAtPoint(doc: Document, store: MentionStore, shadowRoots: Iterable<ShadowRoot>, x: number, y: number, target: EventTarget | null): PlacedMention | undefined {
  if (target instanceof Element && target.localName === WRAP_TAG) {
    const p = store.all()[Number(target.getAttribute('data-msl-key'))];
    if (p) return p;
  }
  const caret = caretAt(doc, x, y, [...shadowRoots]);
  if (!caret || caret.node.nodeType !== 3) return undefined;
  const hit = store.at(caret.node, caret.offset) ?? (caret.offset > 0 ? store.at(caret.node, caret.offset - 1) : undefined);
  return hit && pointInSpan(doc, hit.span, x, y) ? hit : undefined;
}
