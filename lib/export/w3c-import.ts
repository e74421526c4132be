/**
 * W3C Web Annotations back into notes: our own export round-trips exactly, and annotations from
 * other tools are accepted when they quote a passage (TextQuoteSelector) or point at one of our
 * items. Everything is validated before the first note is returned.
 */
import type { Note, PassageAnchor, TargetRef } from '../types/records';
import { arr, ImportError, invalid, obj, str, uniqueBy, type Obj } from './check';
import { noteIdFromAnnotationId, parseTargetUrn, surrogatePairs, UNANCHORED_TARGET } from './w3c';

const asList = (x: unknown): unknown[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const typeIs = (o: Obj, t: string) => o.type === t || (Array.isArray(o.type) && o.type.includes(t));

/** The annotations inside a collection, a page, an array or a single annotation. */
function annotationList(x: unknown): { items: unknown[]; path: string } {
  if (Array.isArray(x)) return { items: x, path: '$' };
  const o = obj(x, '$', [], [], false);
  if (typeIs(o, 'Annotation')) return { items: [x], path: '$' };
  if (typeIs(o, 'AnnotationPage')) return { items: arr(o.items, '$.items', (v) => v), path: '$.items' };
  if (typeIs(o, 'AnnotationCollection')) {
    if (o.first === undefined) return { items: [], path: '$.first.items' };
    if (typeof o.first === 'string') throw invalid('$.first', 'pages are not embedded (only a link); export the collection with its items');
    const first = obj(o.first, '$.first', ['items'], [], false);
    return { items: arr(first.items, '$.first.items', (v) => v), path: '$.first.items' };
  }
  throw new ImportError('wrongFormat', 'neither a Minsheng Lens backup nor W3C Web Annotations', '$.type');
}

function time(x: unknown, path: string, fallback: number): number {
  if (x === undefined) return fallback;
  const ms = Date.parse(str(x, path));
  if (Number.isNaN(ms)) throw invalid(path, 'not an ISO date');
  return ms;
}

function annotationToNote(x: unknown, path: string, now: number): Note {
  const a = obj(x, path, ['id', 'target'], [], false);
  if (!typeIs(a, 'Annotation')) throw invalid(`${path}.type`, 'expected Annotation');
  const id = noteIdFromAnnotationId(str(a.id, `${path}.id`, { nonEmpty: true, max: 500 }));
  let body = '';
  const tags: string[] = [];
  let target: TargetRef | undefined;
  asList(a.body).forEach((b, i) => {
    const bp = `${path}.body[${i}]`;
    if (typeof b === 'string') {
      target ??= parseTargetUrn(b) ?? undefined;
      return;
    }
    const o = obj(b, bp, [], [], false);
    const purpose = Array.isArray(o.purpose) ? o.purpose[0] : o.purpose;
    if (typeIs(o, 'TextualBody') || typeof o.value === 'string') {
      const value = str(o.value, `${bp}.value`, { max: 100_000 });
      if (purpose === 'tagging') tags.push(value);
      else body = body ? `${body}\n\n${value}` : value;
    } else if (typeof o.source === 'string' || typeof o.id === 'string') {
      target ??= parseTargetUrn(String(o.source ?? o.id)) ?? undefined;
    }
  });
  const targets = asList(a.target);
  if (!targets.length) throw invalid(`${path}.target`, 'missing');
  let anchor: PassageAnchor | undefined;
  const t0 = targets[0];
  if (typeof t0 === 'string') {
    const ref = parseTargetUrn(t0);
    if (ref) target = ref;
    else if (t0 !== UNANCHORED_TARGET) throw invalid(`${path}.target`, 'a bare page address has no passage to anchor to; expected a TextQuoteSelector');
  } else {
    const tp = `${path}.target${Array.isArray(a.target) ? '[0]' : ''}`;
    const t = obj(t0, tp, ['source'], [], false);
    const source = str(t.source, `${tp}.source`, { nonEmpty: true, max: 10_000 });
    const selectors = asList(t.selector).map((s, i) => obj(s, `${tp}.selector[${i}]`, ['type'], [], false));
    const q = selectors.find((s) => s.type === 'TextQuoteSelector');
    if (!q) throw invalid(`${tp}.selector`, 'no TextQuoteSelector');
    const qp = `${tp}.selector[${selectors.indexOf(q)}]`;
    const exact = str(q.exact, `${qp}.exact`, { nonEmpty: true, max: 100_000 });
    const prefix = q.prefix === undefined ? '' : str(q.prefix, `${qp}.prefix`, { max: 100_000 });
    const suffix = q.suffix === undefined ? '' : str(q.suffix, `${qp}.suffix`, { max: 100_000 });
    const p = selectors.find((s) => s.type === 'TextPositionSelector');
    let start = 0;
    if (p) {
      const pp = `${tp}.selector[${selectors.indexOf(p)}]`;
      if (typeof p.start !== 'number' || !Number.isInteger(p.start) || p.start < 0) throw invalid(`${pp}.start`, 'expected an integer ≥ 0');
      if (typeof p.end !== 'number' || !Number.isInteger(p.end) || p.end < p.start) throw invalid(`${pp}.end`, 'expected an integer ≥ start');
      start = p.start + surrogatePairs(prefix); // code points → UTF-16 units (see w3c.ts)
    }
    anchor = {
      url: source,
      canonicalUrl: source,
      title: '',
      quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    };
  }
  const createdAt = time(a.created, `${path}.created`, now);
  const updatedAt = Math.max(createdAt, time(a.modified, `${path}.modified`, createdAt));
  const note: Note = { id, targetId: target?.id ?? '', pageUrl: anchor?.canonicalUrl ?? '', body, tags: [...new Set(tags)], createdAt, updatedAt };
  if (target) note.target = target;
  if (anchor) note.anchor = anchor;
  return note;
}

/** Notes from a W3C annotation document, or an ImportError naming the first bad field. */
export function annotationsToNotes(x: unknown, now = Date.now()): Note[] {
  const { items, path } = annotationList(x);
  const notes = items.map((a, i) => annotationToNote(a, `${path}[${i}]`, now));
  uniqueBy(notes, path, (n) => n.id);
  return notes;
}
