/**
 * Notes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), one
 * AnnotationCollection with its items embedded in the first page.
 *
 * Mapping (chosen so other annotation tools read the passage and the text first):
 * - A note on a passage → `target` is the page (`source`: its canonical URL) with a
 *   TextQuoteSelector and a TextPositionSelector; the item or unit it is about is a body
 *   `SpecificResource` with purpose `identifying` and source `urn:minsheng-lens:item:<id>`.
 * - A note on an item without a passage → `target` is the item's URN itself.
 * - The note text is a `TextualBody` (purpose `commenting`); each tag a `TextualBody` (purpose `tagging`).
 * - Offsets: the model counts code points; we count UTF-16 units (DESIGN contract 4). The page
 *   text is not stored, so the conversion subtracts the surrogate pairs in the stored prefix
 *   (exact whenever the prefix reaches the start of the text, and for all text without
 *   characters beyond the BMP, which is all of this programme's coverage); importing adds
 *   them back, so our own files round-trip exactly.
 * - The page title and the non-canonical URL are not in the model; the JSON backup keeps them.
 */
import type { Note, TargetKind, TargetRef } from '../types/records';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const URN = 'urn:minsheng-lens:';
export const UNANCHORED_TARGET = `${URN}unanchored`;

export const targetUrn = (t: TargetRef): string => `${URN}${t.kind}:${t.id}`;

export function parseTargetUrn(s: string): TargetRef | null {
  const m = /^urn:minsheng-lens:(item|unit):(.+)$/.exec(s);
  return m ? { kind: m[1] as TargetKind, id: m[2]! } : null;
}

/** Surrogate pairs in `s`: what a UTF-16 length has more than a code-point length. */
export const surrogatePairs = (s: string): number => (s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g) ?? []).length;

/** A UTF-16 offset into `text` as a code-point offset (exact, for callers that have the text). */
export const utf16ToCodePoints = (text: string, offset: number): number => offset - surrogatePairs(text.slice(0, offset));

/** A code-point offset into `text` as a UTF-16 offset. */
export function codePointsToUtf16(text: string, offset: number): number {
  let cp = 0;
  let i = 0;
  while (cp < offset && i < text.length) {
    const c = text.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
    cp++;
  }
  return i;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const annotationId = (noteId: string): string => (UUID.test(noteId) ? `urn:uuid:${noteId}` : `${URN}note:${encodeURIComponent(noteId)}`);

export function noteIdFromAnnotationId(id: string): string {
  if (id.startsWith('urn:uuid:')) return id.slice('urn:uuid:'.length);
  if (id.startsWith(`${URN}note:`)) return decodeURIComponent(id.slice(`${URN}note:`.length));
  return id;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface IdentifyingBody {
  type: 'SpecificResource';
  source: string;
  purpose: 'identifying';
}

export interface PassageTarget {
  type: 'SpecificResource';
  source: string;
  selector: [
    { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
    { type: 'TextPositionSelector'; start: number; end: number },
  ];
}

export interface Annotation {
  '@context'?: typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting' | 'tagging' | 'identifying';
  created: string;
  modified: string;
  body?: (TextualBody | IdentifyingBody)[];
  target: string | PassageTarget;
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

export function noteToAnnotation(n: Note): Annotation {
  const body: (TextualBody | IdentifyingBody)[] = [];
  if (n.body) body.push({ type: 'TextualBody', value: n.body, format: 'text/plain', purpose: 'commenting' });
  for (const tag of n.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  let target: Annotation['target'];
  if (n.anchor) {
    const { quote, position } = n.anchor;
    const pairsBefore = surrogatePairs(quote.prefix);
    const start = Math.max(0, position.start - pairsBefore);
    target = {
      type: 'SpecificResource',
      source: n.anchor.canonicalUrl || n.anchor.url,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start, end: start + [...quote.exact].length },
      ],
    };
    if (n.target) body.push({ type: 'SpecificResource', source: targetUrn(n.target), purpose: 'identifying' });
  } else {
    target = n.target ? targetUrn(n.target) : UNANCHORED_TARGET;
  }
  const anno: Annotation = {
    id: annotationId(n.id),
    type: 'Annotation',
    // A passage kept without a note is a W3C highlight (motivation `highlighting`).
    motivation: n.body ? 'commenting' : n.anchor ? 'highlighting' : n.tags.length ? 'tagging' : 'identifying',
    created: new Date(n.createdAt).toISOString(),
    modified: new Date(n.updatedAt).toISOString(),
    target,
  };
  if (body.length) anno.body = body;
  return anno;
}

export function notesToAnnotationCollection(notes: readonly Note[], label: string, now = Date.now()): AnnotationCollection {
  const items = [...notes].sort((a, b) => a.createdAt - b.createdAt).map(noteToAnnotation);
  return {
    '@context': ANNO_CONTEXT,
    id: `${URN}export:${new Date(now).toISOString()}`,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
