/**
 * One validator per kind of stored row — note, follow, sighting — and of the parts they share
 * (a target, a passage anchor, tags). Each takes the row as it would be stored and returns it
 * typed (times clamped when the context allows), or throws a RowError naming the field.
 * Used by the backup and W3C importers, the background's message handlers and, through the
 * database guard (lib/rows/guard.ts), by every write to the user tables.
 */
import { ITEM_STATUSES, PROGRAMME_IDS } from '../data/validate';
import { followKey, sightingKey } from '../db/keys';
import type { Follow, Note, PageMeta, PassageAnchor, Sighting, TargetRef } from '../types/records';
import { host, int, LIMITS, line, list, obj, oneOf, RowError, text, time, webUrl, type Ctx } from './fields';

/** Tag separators users type; a stored tag contains none of them. */
const TAG_SEPARATORS = /[,，、;；\s]+/;

/** Trimmed, de-duplicated, without empty entries; `#` and separators users type are dropped. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    for (const part of raw.split(TAG_SEPARATORS)) {
      const t = part.replace(/^#+/, '').trim();
      if (t && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

export function targetRef(x: unknown, path: string): TargetRef {
  const o = obj(x, path, ['kind', 'id']);
  return { kind: oneOf(o.kind, `${path}.kind`, ['item', 'unit'] as const), id: line(o.id, `${path}.id`, LIMITS.id, true) };
}

/** What a page says of itself (outlet, author, its date as YYYY-MM-DD): each part optional. */
export function pageMeta(x: unknown, path: string): PageMeta {
  const o = obj(x, path, [], ['siteName', 'author', 'published']);
  const m: PageMeta = {};
  if (o.siteName !== undefined) m.siteName = line(o.siteName, `${path}.siteName`, LIMITS.metaField);
  if (o.author !== undefined) m.author = line(o.author, `${path}.author`, LIMITS.metaField);
  if (o.published !== undefined) {
    const d = line(o.published, `${path}.published`, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d))) throw new RowError(`${path}.published`, 'expected a date YYYY-MM-DD');
    m.published = d;
  }
  return m;
}

/** The evidence notes' anchors and sightings may keep: the sentence around the passage, and the page's meta. */
function evidence(o: Record<string, unknown>, path: string): { sentence?: string; meta?: PageMeta } {
  const e: { sentence?: string; meta?: PageMeta } = {};
  if (o.sentence !== undefined) e.sentence = text(o.sentence, `${path}.sentence`, LIMITS.sentence);
  if (o.meta !== undefined) e.meta = pageMeta(o.meta, `${path}.meta`);
  return e;
}

export function passageAnchor(x: unknown, path: string): PassageAnchor {
  const o = obj(x, path, ['url', 'canonicalUrl', 'title', 'quote', 'position'], ['sentence', 'meta']);
  const q = obj(o.quote, `${path}.quote`, ['type', 'exact', 'prefix', 'suffix']);
  const p = obj(o.position, `${path}.position`, ['type', 'start', 'end']);
  if (q.type !== 'TextQuoteSelector') throw new RowError(`${path}.quote.type`, 'expected TextQuoteSelector');
  if (p.type !== 'TextPositionSelector') throw new RowError(`${path}.position.type`, 'expected TextPositionSelector');
  const start = int(p.start, `${path}.position.start`, 0, LIMITS.offset);
  const end = int(p.end, `${path}.position.end`, 0, LIMITS.offset);
  if (end <= start) throw new RowError(`${path}.position.end`, 'is not after start');
  return {
    url: webUrl(o.url, `${path}.url`),
    canonicalUrl: webUrl(o.canonicalUrl, `${path}.canonicalUrl`),
    title: line(o.title, `${path}.title`, LIMITS.title),
    quote: {
      type: 'TextQuoteSelector',
      exact: text(q.exact, `${path}.quote.exact`, LIMITS.exact, true),
      prefix: text(q.prefix, `${path}.quote.prefix`, LIMITS.context),
      suffix: text(q.suffix, `${path}.quote.suffix`, LIMITS.context),
    },
    position: { type: 'TextPositionSelector', start, end },
    ...evidence(o, path),
  };
}

/** Tags as stored: each already in its normal form (what `normaliseTags` keeps), none twice. */
export function tags(x: unknown, path: string): string[] {
  const out = list(x, path, LIMITS.tags, (v, p) => {
    const t = line(v, p, LIMITS.tag, true);
    const normal = normaliseTags([t]);
    if (normal.length !== 1 || normal[0] !== t) throw new RowError(p, 'not a tag as stored (no separators, spaces or leading #)');
    return t;
  });
  out.forEach((t, i) => {
    if (out.indexOf(t) !== i) throw new RowError(`${path}[${i}]`, `duplicate tag ${t}`);
  });
  return out;
}

export function note(x: unknown, path: string, ctx: Ctx): Note {
  const o = obj(x, path, ['id', 'targetId', 'pageUrl', 'body', 'tags', 'createdAt', 'updatedAt'], ['target', 'anchor']);
  const n: Note = {
    id: line(o.id, `${path}.id`, LIMITS.id, true),
    targetId: line(o.targetId, `${path}.targetId`, LIMITS.id),
    pageUrl: line(o.pageUrl, `${path}.pageUrl`, LIMITS.url),
    body: text(o.body, `${path}.body`, LIMITS.body),
    tags: tags(o.tags, `${path}.tags`),
    createdAt: time(o.createdAt, `${path}.createdAt`, ctx),
    updatedAt: time(o.updatedAt, `${path}.updatedAt`, ctx),
  };
  if (o.target !== undefined) n.target = targetRef(o.target, `${path}.target`);
  if (o.anchor !== undefined) n.anchor = passageAnchor(o.anchor, `${path}.anchor`);
  if (n.targetId !== (n.target?.id ?? '')) throw new RowError(`${path}.targetId`, 'does not match target.id');
  if (n.pageUrl !== (n.anchor?.canonicalUrl ?? '')) throw new RowError(`${path}.pageUrl`, 'does not match anchor.canonicalUrl');
  if (n.updatedAt < n.createdAt) throw new RowError(`${path}.updatedAt`, 'is before createdAt');
  return n;
}

export function follow(x: unknown, path: string, ctx: Ctx): Follow {
  const o = obj(x, path, ['key', 'target', 'targetId', 'createdAt'], ['statusWhenFollowed', 'programme', 'year']);
  const f: Follow = {
    key: line(o.key, `${path}.key`, LIMITS.id + 5, true),
    target: targetRef(o.target, `${path}.target`),
    targetId: line(o.targetId, `${path}.targetId`, LIMITS.id, true),
    createdAt: time(o.createdAt, `${path}.createdAt`, ctx),
  };
  if (o.statusWhenFollowed !== undefined) f.statusWhenFollowed = oneOf(o.statusWhenFollowed, `${path}.statusWhenFollowed`, ITEM_STATUSES);
  // The list the followed item belongs to (dataset v2), kept so a follow says its year even if the item leaves.
  if (o.programme !== undefined) f.programme = oneOf(o.programme, `${path}.programme`, PROGRAMME_IDS);
  if (o.year !== undefined) f.year = int(o.year, `${path}.year`, 1900, 2999);
  if (f.targetId !== f.target.id) throw new RowError(`${path}.targetId`, 'does not match target.id');
  if (f.key !== followKey(f.target)) throw new RowError(`${path}.key`, `expected ${followKey(f.target)}`);
  return f;
}

export function sighting(x: unknown, path: string, ctx: Ctx): Sighting {
  const o = obj(x, path, ['key', 'target', 'targetId', 'url', 'canonicalUrl', 'title', 'site', 'quote', 'prefix', 'suffix', 'firstSeen', 'lastSeen', 'visits'], ['sentence', 'meta']);
  const s: Sighting = {
    key: line(o.key, `${path}.key`, LIMITS.id + 1 + LIMITS.url, true),
    target: targetRef(o.target, `${path}.target`),
    targetId: line(o.targetId, `${path}.targetId`, LIMITS.id, true),
    url: webUrl(o.url, `${path}.url`),
    canonicalUrl: webUrl(o.canonicalUrl, `${path}.canonicalUrl`),
    title: line(o.title, `${path}.title`, LIMITS.title),
    site: host(o.site, `${path}.site`),
    quote: text(o.quote, `${path}.quote`, LIMITS.sightingQuote),
    prefix: text(o.prefix, `${path}.prefix`, LIMITS.context),
    suffix: text(o.suffix, `${path}.suffix`, LIMITS.context),
    firstSeen: time(o.firstSeen, `${path}.firstSeen`, ctx),
    lastSeen: time(o.lastSeen, `${path}.lastSeen`, ctx),
    visits: int(o.visits, `${path}.visits`, 1, LIMITS.visits),
    ...evidence(o, path),
  };
  if (s.targetId !== s.target.id) throw new RowError(`${path}.targetId`, 'does not match target.id');
  if (s.key !== sightingKey(s.targetId, s.canonicalUrl)) throw new RowError(`${path}.key`, 'does not match targetId and canonicalUrl');
  if (s.lastSeen < s.firstSeen) throw new RowError(`${path}.lastSeen`, 'is before firstSeen');
  return s;
}

/** The three validators by table, for the database guard and the importers. */
export const ROW_VALIDATORS = { notes: note, follows: follow, sightings: sighting } as const;
