/**
 * W3C Web Annotations back into notes: our own export round-trips exactly, and annotations from
 * other tools are accepted when they quote a passage (TextQuoteSelector) or point at one of our
 * items. Everything is validated before the first note is returned: fields as they are read (so
 * a message names the annotation's own field), then each note by the one note validator every
 * other door uses (lib/rows/rows.ts). Tags are put in their stored form (split, trimmed, no `#`).
 */
import type { Note, PassageAnchor, TargetRef } from '../types/records';
import { LIMITS, line, text, time as storedTime, webUrl, type Ctx } from '../rows/fields';
import { note as checkNote, normaliseTags } from '../rows/rows';
import { arr, asImportError, ImportError, invalid, obj, str, uniqueBy, type Obj } from './check';
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

/** An ISO date as ms (clamped when later than now): `fallback` when absent. */
function time(x: unknown, path: string, fallback: number, ctx: Ctx): number {
  if (x === undefined) return fallback;
  const ms = Date.parse(str(x, path, { max: 100 }));
  if (Number.isNaN(ms)) throw invalid(path, 'not an ISO date');
  return asImportError(() => storedTime(ms, path, ctx));
}

/** The note id in an annotation id; a bad percent escape is named, not an "unknown error". */
function noteId(x: unknown, path: string): string {
  const raw = str(x, path, { nonEmpty: true, max: LIMITS.url });
  let id: string;
  try {
    id = noteIdFromAnnotationId(raw);
  } catch {
    throw invalid(path, 'has a bad percent escape (%XX)');
  }
  return asImportError(() => line(id, path, LIMITS.id, true));
}

function annotationToNote(x: unknown, path: string, ctx: Ctx): Note {
  const a = obj(x, path, ['id', 'target'], [], false);
  if (!typeIs(a, 'Annotation')) throw invalid(`${path}.type`, 'expected Annotation');
  const id = noteId(a.id, `${path}.id`);
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
      if (purpose === 'tagging') tags.push(asImportError(() => line(o.value, `${bp}.value`, LIMITS.tag)));
      else {
        const value = asImportError(() => text(o.value, `${bp}.value`, LIMITS.body));
        body = body ? `${body}\n\n${value}` : value;
      }
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
    const source = asImportError(() => webUrl(t.source, `${tp}.source`));
    const selectors = asList(t.selector).map((s, i) => obj(s, `${tp}.selector[${i}]`, ['type'], [], false));
    const q = selectors.find((s) => s.type === 'TextQuoteSelector');
    if (!q) throw invalid(`${tp}.selector`, 'no TextQuoteSelector');
    const qp = `${tp}.selector[${selectors.indexOf(q)}]`;
    const exact = asImportError(() => text(q.exact, `${qp}.exact`, LIMITS.exact, true));
    const prefix = q.prefix === undefined ? '' : asImportError(() => text(q.prefix, `${qp}.prefix`, LIMITS.context));
    const suffix = q.suffix === undefined ? '' : asImportError(() => text(q.suffix, `${qp}.suffix`, LIMITS.context));
    const p = selectors.find((s) => s.type === 'TextPositionSelector');
    // Without a position, the passage starts at least after its prefix: a start the export can
    // write back as code points (it subtracts the prefix's surrogate pairs) and read again the same.
    let start = prefix.length;
    if (p) {
      const pp = `${tp}.selector[${selectors.indexOf(p)}]`;
      if (typeof p.start !== 'number' || !Number.isInteger(p.start) || p.start < 0 || p.start > LIMITS.offset) throw invalid(`${pp}.start`, `expected an integer from 0 to ${LIMITS.offset}`);
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
  const createdAt = time(a.created, `${path}.created`, ctx.now, ctx);
  const updatedAt = Math.max(createdAt, time(a.modified, `${path}.modified`, createdAt, ctx));
  const note: Note = { id, targetId: target?.id ?? '', pageUrl: anchor?.canonicalUrl ?? '', body, tags: normaliseTags(tags), createdAt, updatedAt };
  if (target) note.target = target;
  if (anchor) note.anchor = anchor;
  // The note as it would be stored passes the one note validator (limits, targets, tags).
  return asImportError(() => checkNote(note, path, ctx));
}

/** Notes from a W3C annotation document, or an ImportError naming the first bad field. */
export function annotationsToNotes(x: unknown, now = Date.now(), onClamp?: (path: string) => void): Note[] {
  const { items, path } = annotationList(x);
  const ctx: Ctx = { now, clampFuture: true, ...(onClamp ? { onClamp } : {}) };
  const notes = items.map((a, i) => annotationToNote(a, `${path}[${i}]`, ctx));
  uniqueBy(notes, path, (n) => n.id);
  return notes;
}
