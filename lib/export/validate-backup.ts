/** Complete validation of a JSON backup: every row checked before anything is written. */
import { followKey, sightingKey } from '../db/keys';
import type { Follow, Note, PassageAnchor, Sighting, TargetRef } from '../types/records';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup';
import { arr, ImportError, int, invalid, obj, oneOf, str, time, uniqueBy } from './check';

const MAX_TEXT = 100_000;

export function targetRef(x: unknown, path: string): TargetRef {
  const o = obj(x, path, ['kind', 'id']);
  return { kind: oneOf(o.kind, `${path}.kind`, ['item', 'unit'] as const), id: str(o.id, `${path}.id`, { nonEmpty: true, max: 200 }) };
}

export function passageAnchor(x: unknown, path: string): PassageAnchor {
  const o = obj(x, path, ['url', 'canonicalUrl', 'title', 'quote', 'position']);
  const q = obj(o.quote, `${path}.quote`, ['type', 'exact', 'prefix', 'suffix']);
  const p = obj(o.position, `${path}.position`, ['type', 'start', 'end']);
  if (q.type !== 'TextQuoteSelector') throw invalid(`${path}.quote.type`, 'expected TextQuoteSelector');
  if (p.type !== 'TextPositionSelector') throw invalid(`${path}.position.type`, 'expected TextPositionSelector');
  const start = int(p.start, `${path}.position.start`);
  const end = int(p.end, `${path}.position.end`);
  if (end < start) throw invalid(`${path}.position.end`, 'is before start');
  return {
    url: str(o.url, `${path}.url`, { max: 10_000 }),
    canonicalUrl: str(o.canonicalUrl, `${path}.canonicalUrl`, { nonEmpty: true, max: 10_000 }),
    title: str(o.title, `${path}.title`, { max: 10_000 }),
    quote: {
      type: 'TextQuoteSelector',
      exact: str(q.exact, `${path}.quote.exact`, { nonEmpty: true, max: MAX_TEXT }),
      prefix: str(q.prefix, `${path}.quote.prefix`, { max: MAX_TEXT }),
      suffix: str(q.suffix, `${path}.quote.suffix`, { max: MAX_TEXT }),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

const tags = (x: unknown, path: string) => arr(x, path, (v, p) => str(v, p, { nonEmpty: true, max: 200 }));

export function note(x: unknown, path: string): Note {
  const o = obj(x, path, ['id', 'targetId', 'pageUrl', 'body', 'tags', 'createdAt', 'updatedAt'], ['target', 'anchor']);
  const n: Note = {
    id: str(o.id, `${path}.id`, { nonEmpty: true, max: 200 }),
    targetId: str(o.targetId, `${path}.targetId`),
    pageUrl: str(o.pageUrl, `${path}.pageUrl`),
    body: str(o.body, `${path}.body`, { max: MAX_TEXT }),
    tags: tags(o.tags, `${path}.tags`),
    createdAt: time(o.createdAt, `${path}.createdAt`),
    updatedAt: time(o.updatedAt, `${path}.updatedAt`),
  };
  if (o.target !== undefined) n.target = targetRef(o.target, `${path}.target`);
  if (o.anchor !== undefined) n.anchor = passageAnchor(o.anchor, `${path}.anchor`);
  if (n.targetId !== (n.target?.id ?? '')) throw invalid(`${path}.targetId`, 'does not match target.id');
  if (n.pageUrl !== (n.anchor?.canonicalUrl ?? '')) throw invalid(`${path}.pageUrl`, 'does not match anchor.canonicalUrl');
  if (n.updatedAt < n.createdAt) throw invalid(`${path}.updatedAt`, 'is before createdAt');
  return n;
}

export function follow(x: unknown, path: string): Follow {
  const o = obj(x, path, ['key', 'target', 'targetId', 'createdAt'], ['statusWhenFollowed', 'programme', 'year']);
  const f: Follow = {
    key: str(o.key, `${path}.key`),
    target: targetRef(o.target, `${path}.target`),
    targetId: str(o.targetId, `${path}.targetId`),
    createdAt: time(o.createdAt, `${path}.createdAt`),
  };
  if (o.statusWhenFollowed !== undefined) f.statusWhenFollowed = str(o.statusWhenFollowed, `${path}.statusWhenFollowed`, { max: 50 });
  if (o.programme !== undefined) {
    if (o.programme !== 'weiminbanshishi' && o.programme !== 'minsheng-weishishi') throw invalid(`${path}.programme`, 'expected weiminbanshishi or minsheng-weishishi');
    f.programme = o.programme;
  }
  if (o.year !== undefined) {
    if (typeof o.year !== 'number' || !Number.isInteger(o.year) || o.year < 1900 || o.year > 2999) throw invalid(`${path}.year`, 'expected a year');
    f.year = o.year;
  }
  if (f.targetId !== f.target.id) throw invalid(`${path}.targetId`, 'does not match target.id');
  if (f.key !== followKey(f.target)) throw invalid(`${path}.key`, `expected ${followKey(f.target)}`);
  return f;
}

export function sighting(x: unknown, path: string): Sighting {
  const o = obj(x, path, ['key', 'target', 'targetId', 'url', 'canonicalUrl', 'title', 'site', 'quote', 'prefix', 'suffix', 'firstSeen', 'lastSeen', 'visits']);
  const s: Sighting = {
    key: str(o.key, `${path}.key`),
    target: targetRef(o.target, `${path}.target`),
    targetId: str(o.targetId, `${path}.targetId`),
    url: str(o.url, `${path}.url`, { nonEmpty: true, max: 10_000 }),
    canonicalUrl: str(o.canonicalUrl, `${path}.canonicalUrl`, { nonEmpty: true, max: 10_000 }),
    title: str(o.title, `${path}.title`, { max: 10_000 }),
    site: str(o.site, `${path}.site`, { max: 500 }),
    quote: str(o.quote, `${path}.quote`, { max: MAX_TEXT }),
    prefix: str(o.prefix, `${path}.prefix`, { max: MAX_TEXT }),
    suffix: str(o.suffix, `${path}.suffix`, { max: MAX_TEXT }),
    firstSeen: time(o.firstSeen, `${path}.firstSeen`),
    lastSeen: time(o.lastSeen, `${path}.lastSeen`),
    visits: int(o.visits, `${path}.visits`, 1),
  };
  if (s.targetId !== s.target.id) throw invalid(`${path}.targetId`, 'does not match target.id');
  if (s.key !== sightingKey(s.targetId, s.canonicalUrl)) throw invalid(`${path}.key`, `expected ${sightingKey(s.targetId, s.canonicalUrl)}`);
  if (s.lastSeen < s.firstSeen) throw invalid(`${path}.lastSeen`, 'is before firstSeen');
  return s;
}

/** The backup typed, or an ImportError naming the first bad field. */
export function validateBackup(x: unknown): Backup {
  const root = obj(x, '$', ['format', 'version'], [], false);
  if (root.format !== BACKUP_FORMAT) throw new ImportError('wrongFormat', `format is ${JSON.stringify(root.format)}, expected ${BACKUP_FORMAT}`, '$.format');
  if (root.version !== BACKUP_VERSION) throw new ImportError('wrongVersion', `version ${JSON.stringify(root.version)}; this extension reads version ${BACKUP_VERSION}`, '$.version');
  const o = obj(x, '$', ['format', 'version', 'exportedAt', 'dataset', 'notes', 'follows', 'sightings']);
  const exportedAt = str(o.exportedAt, '$.exportedAt');
  if (Number.isNaN(Date.parse(exportedAt))) throw invalid('$.exportedAt', 'not an ISO date');
  let dataset: Backup['dataset'] = null;
  if (o.dataset !== null) {
    const d = obj(o.dataset, '$.dataset', ['version', 'hash']);
    dataset = { version: str(d.version, '$.dataset.version'), hash: str(d.hash, '$.dataset.hash') };
  }
  const notes = arr(o.notes, '$.notes', note);
  const follows = arr(o.follows, '$.follows', follow);
  const sightings = arr(o.sightings, '$.sightings', sighting);
  uniqueBy(notes, '$.notes', (n) => n.id);
  uniqueBy(follows, '$.follows', (f) => f.key);
  uniqueBy(sightings, '$.sightings', (s) => s.key);
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, dataset, notes, follows, sightings };
}
