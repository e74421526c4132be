/**
 * The dataset validator's field readers and vocabularies (split from validate.ts to keep each
 * file readable): each reader returns the typed value or throws DatasetError naming the exact
 * path ("items[3].status: …").
 */
import type {
  AmbiguousAlias,
  DatasetMeta,
  Figure,
  Item,
  ItemStatus,
  Place,
  PlaceKind,
  Programme,
  ProgrammeId,
  Script,
  Series,
  Source,
  StatusEntry,
  Target,
  Unit,
  UnitKind,
} from './types';

export class DatasetError extends Error {
  override name = 'DatasetError';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

export const ITEM_STATUSES: readonly ItemStatus[] = ['completed', 'in_progress', 'not_started', 'unknown'];
export const UNIT_KINDS: readonly UnitKind[] = ['市委部门', '人大政协', '政府部门', '司法机关', '事业单位', '群团组织', '园区', '街道', '镇'];
export const PLACE_KINDS: readonly PlaceKind[] = ['村', '社区', '自然村', '园区', '路', '街', '小区', '其他'];
export const PROGRAMME_IDS: readonly ProgrammeId[] = ['weiminbanshishi', 'minsheng-weishishi'];
const SCRIPTS: readonly Script[] = ['Hans', 'Hant'];
export const TOWN_KINDS: readonly UnitKind[] = ['街道', '镇'];
/** Item id prefix per programme: 'wm2024-…', 'mw2023-001'. */
export const ID_PREFIX: Record<ProgrammeId, string> = { weiminbanshishi: 'wm', 'minsheng-weishishi': 'mw' };
/** The 2023 民生微实事 table: its 117 ids are frozen (user data refers to them, DESIGN.md contract 6). */
export const FROZEN_TABLE = { programme: 'minsheng-weishishi' as ProgrammeId, year: 2023, rows: 117 };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ITEM_ID = /^(?:wm|mw)\d{4}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

// ---- field readers: each returns the typed value or throws with its path ----

type Obj = Record<string, unknown>;

export function record(x: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new DatasetError(path, `expected an object, got ${describe(x)}`);
  const o = x as Obj;
  for (const k of required) if (!(k in o)) throw new DatasetError(join(path, k), 'missing');
  for (const k of Object.keys(o)) {
    if (!required.includes(k) && !optional.includes(k)) throw new DatasetError(join(path, k), 'unknown field');
  }
  return o;
}

export function list<T>(x: unknown, path: string, read: (v: unknown, path: string) => T): T[] {
  if (!Array.isArray(x)) throw new DatasetError(path, `expected an array, got ${describe(x)}`);
  return x.map((v, i) => read(v, `${path}[${i}]`));
}

export function str(x: unknown, path: string): string {
  if (typeof x !== 'string' || x.trim().length === 0 || x !== x.trim()) {
    throw new DatasetError(path, `expected a non-empty string without surrounding spaces, got ${describe(x)}`);
  }
  return x;
}

export const optStr = (x: unknown, path: string) => (x === undefined ? undefined : str(x, path));
export const strings = (x: unknown, path: string) => list(x, path, str);
export const optStrings = (x: unknown, path: string) => (x === undefined ? undefined : strings(x, path));

export function int(x: unknown, path: string, min = 0): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min) throw new DatasetError(path, `expected an integer ≥ ${min}, got ${describe(x)}`);
  return x;
}

export function oneOf<T extends string>(x: unknown, path: string, allowed: readonly T[]): T {
  if (typeof x !== 'string' || !(allowed as readonly string[]).includes(x)) {
    throw new DatasetError(path, `expected one of ${allowed.join(', ')}; got ${describe(x)}`);
  }
  return x as T;
}

export function matching(x: unknown, path: string, re: RegExp, what: string): string {
  if (typeof x !== 'string' || !re.test(x)) throw new DatasetError(path, `expected ${what}, got ${describe(x)}`);
  return x;
}

export function isoDate(x: unknown, path: string): string {
  const s = matching(x, path, /^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)');
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) throw new DatasetError(path, `not a real date: "${s}"`);
  return s;
}

export function source(x: unknown, path: string): Source {
  const o = record(x, path, ['id', 'title', 'publisher', 'date', 'url', 'script'], ['originalPublisher', 'note']);
  return {
    id: matching(o.id, `${path}.id`, SLUG, 'a lowercase ascii slug'),
    title: str(o.title, `${path}.title`),
    publisher: str(o.publisher, `${path}.publisher`),
    originalPublisher: optStr(o.originalPublisher, `${path}.originalPublisher`),
    date: isoDate(o.date, `${path}.date`),
    url: matching(o.url, `${path}.url`, /^https?:\/\/\S+$/, 'an http(s) URL'),
    script: oneOf(o.script, `${path}.script`, SCRIPTS),
    note: optStr(o.note, `${path}.note`),
  };
}

export function programme(x: unknown, path: string): Programme {
  const o = record(x, path, ['id', 'programme', 'year', 'name', 'nameEn', 'announced', 'known', 'complete', 'sources'], ['note']);
  if (typeof o.complete !== 'boolean') throw new DatasetError(`${path}.complete`, `expected true or false, got ${describe(o.complete)}`);
  return {
    id: str(o.id, `${path}.id`),
    programme: oneOf(o.programme, `${path}.programme`, PROGRAMME_IDS),
    year: int(o.year, `${path}.year`, 1900),
    name: str(o.name, `${path}.name`),
    nameEn: str(o.nameEn, `${path}.nameEn`),
    announced: o.announced === null ? null : int(o.announced, `${path}.announced`, 1),
    known: int(o.known, `${path}.known`),
    complete: o.complete,
    sources: strings(o.sources, `${path}.sources`),
    note: optStr(o.note, `${path}.note`),
  };
}

export function seriesOf(x: unknown, path: string): Series {
  const o = record(x, path, ['id', 'name', 'phrases', 'traditional', 'source'], ['note']);
  return {
    id: matching(o.id, `${path}.id`, SLUG, 'a lowercase ascii slug'),
    name: str(o.name, `${path}.name`),
    phrases: strings(o.phrases, `${path}.phrases`),
    traditional: strings(o.traditional, `${path}.traditional`),
    note: optStr(o.note, `${path}.note`),
    source: str(o.source, `${path}.source`),
  };
}

export function statusEntry(x: unknown, path: string): StatusEntry {
  const o = record(x, path, ['status', 'asOf', 'source'], ['note']);
  return {
    status: oneOf(o.status, `${path}.status`, ITEM_STATUSES),
    asOf: isoDate(o.asOf, `${path}.asOf`),
    source: str(o.source, `${path}.source`),
    note: optStr(o.note, `${path}.note`),
  };
}

export function target(x: unknown, path: string): Target {
  const o = record(x, path, ['what', 'value', 'unit', 'source']);
  if (typeof o.value !== 'number' || !Number.isFinite(o.value) || o.value <= 0) throw new DatasetError(`${path}.value`, `expected a positive number, got ${describe(o.value)}`);
  return { what: str(o.what, `${path}.what`), value: o.value, unit: str(o.unit, `${path}.unit`), source: str(o.source, `${path}.source`) };
}

/** History: ≥ 1 entry, oldest first, sources known, and the latest equal to the item's status fields. */
export function statusHistoryOf(it: Item, path: string, checkSource: (id: string, path: string) => void): void {
  const h = it.statusHistory;
  if (h.length === 0) throw new DatasetError(`${path}.statusHistory`, 'expected at least one entry');
  h.forEach((e, j) => {
    checkSource(e.source, `${path}.statusHistory[${j}].source`);
    if (j > 0 && e.asOf < h[j - 1]!.asOf) throw new DatasetError(`${path}.statusHistory[${j}].asOf`, `${e.asOf} is before the entry above it (${h[j - 1]!.asOf}); oldest first`);
  });
  const last = h[h.length - 1]!;
  const pairs: [string, unknown, unknown][] = [
    ['status', it.status, last.status],
    ['statusAsOf', it.statusAsOf, last.asOf],
    ['source', it.source, last.source],
    ['statusNote', it.statusNote, last.note],
  ];
  for (const [field, value, latest] of pairs) {
    if (value !== latest) throw new DatasetError(`${path}.${field}`, `${describe(value)} differs from the latest statusHistory entry's ${describe(latest)}`);
  }
}

export function unit(x: unknown, path: string): Unit {
  const o = record(x, path, ['id', 'name', 'kind', 'aliases', 'traditional', 'source'], ['fullName', 'town']);
  return {
    id: matching(o.id, `${path}.id`, SLUG, 'a lowercase ascii slug'),
    name: str(o.name, `${path}.name`),
    kind: oneOf(o.kind, `${path}.kind`, UNIT_KINDS),
    fullName: optStr(o.fullName, `${path}.fullName`),
    aliases: strings(o.aliases, `${path}.aliases`),
    traditional: strings(o.traditional, `${path}.traditional`),
    town: optStr(o.town, `${path}.town`),
    source: str(o.source, `${path}.source`),
  };
}

export function item(x: unknown, path: string): Item {
  const o = record(
    x,
    path,
    ['id', 'programme', 'year', 'name', 'statusHistory', 'status', 'statusAsOf', 'source', 'places', 'keyphrases'],
    ['seq', 'unitId', 'unit', 'otherNames', 'series', 'targets', 'statusNote', 'town', 'contextWords', 'genericPhrases', 'note'],
  );
  return {
    id: matching(o.id, `${path}.id`, ITEM_ID, 'an id like "mw2023-001" or "wm2024-ziban-shitang"'),
    programme: oneOf(o.programme, `${path}.programme`, PROGRAMME_IDS),
    year: int(o.year, `${path}.year`, 1900),
    seq: o.seq === undefined ? undefined : int(o.seq, `${path}.seq`, 1),
    unitId: optStr(o.unitId, `${path}.unitId`),
    unit: optStr(o.unit, `${path}.unit`),
    name: str(o.name, `${path}.name`),
    otherNames: optStrings(o.otherNames, `${path}.otherNames`),
    series: optStr(o.series, `${path}.series`),
    targets: o.targets === undefined ? undefined : list(o.targets, `${path}.targets`, target),
    statusHistory: list(o.statusHistory, `${path}.statusHistory`, statusEntry),
    status: oneOf(o.status, `${path}.status`, ITEM_STATUSES),
    statusAsOf: isoDate(o.statusAsOf, `${path}.statusAsOf`),
    statusNote: optStr(o.statusNote, `${path}.statusNote`),
    source: str(o.source, `${path}.source`),
    town: optStr(o.town, `${path}.town`),
    places: strings(o.places, `${path}.places`),
    keyphrases: strings(o.keyphrases, `${path}.keyphrases`),
    contextWords: optStrings(o.contextWords, `${path}.contextWords`),
    genericPhrases: optStrings(o.genericPhrases, `${path}.genericPhrases`),
    note: optStr(o.note, `${path}.note`),
  };
}

export function place(x: unknown, path: string): Place {
  const o = record(x, path, ['id', 'name', 'kind', 'source'], ['town', 'note']);
  return {
    id: matching(o.id, `${path}.id`, SLUG, 'a lowercase ascii slug'),
    name: str(o.name, `${path}.name`),
    kind: oneOf(o.kind, `${path}.kind`, PLACE_KINDS),
    town: optStr(o.town, `${path}.town`),
    source: str(o.source, `${path}.source`),
    note: optStr(o.note, `${path}.note`),
  };
}

export function figure(x: unknown, path: string): Figure {
  const o = record(x, path, ['id', 'subject', 'value', 'unit', 'year', 'source']);
  if (typeof o.value !== 'number' || !Number.isFinite(o.value)) throw new DatasetError(`${path}.value`, `expected a finite number, got ${describe(o.value)}`);
  return {
    id: matching(o.id, `${path}.id`, SLUG, 'a lowercase ascii slug'),
    subject: str(o.subject, `${path}.subject`),
    value: o.value,
    unit: str(o.unit, `${path}.unit`),
    year: int(o.year, `${path}.year`, 1900),
    source: str(o.source, `${path}.source`),
  };
}

export function ambiguousAlias(x: unknown, path: string): AmbiguousAlias {
  const o = record(x, path, ['alias', 'candidates', 'note']);
  return { alias: str(o.alias, `${path}.alias`), candidates: strings(o.candidates, `${path}.candidates`), note: str(o.note, `${path}.note`) };
}

export function datasetMeta(x: unknown, path: string): DatasetMeta {
  const o = record(x, path, ['name', 'nameEn', 'version', 'hash', 'generatedFrom', 'counts']);
  const c = record(o.counts, `${path}.counts`, ['items', 'units', 'places', 'figures', 'completed', 'programmes', 'series']);
  return {
    name: str(o.name, `${path}.name`),
    nameEn: str(o.nameEn, `${path}.nameEn`),
    version: matching(o.version, `${path}.version`, SEMVER, 'a semver version like "1.0.0"'),
    hash: matching(o.hash, `${path}.hash`, SHA256_HEX, 'a sha-256 hex digest (64 lowercase hex digits)'),
    generatedFrom: strings(o.generatedFrom, `${path}.generatedFrom`),
    counts: {
      items: int(c.items, `${path}.counts.items`),
      units: int(c.units, `${path}.counts.units`),
      places: int(c.places, `${path}.counts.places`),
      figures: int(c.figures, `${path}.counts.figures`),
      completed: int(c.completed, `${path}.counts.completed`),
      programmes: int(c.programmes, `${path}.counts.programmes`),
      series: int(c.series, `${path}.counts.series`),
    },
  };
}

export function uniqueIds<T extends { id: string }>(xs: readonly T[], path: string): Set<string> {
  return uniqueBy(xs, path, 'id', (x) => x.id);
}

export function uniqueBy<T>(xs: readonly T[], path: string, field: string, key: (x: T) => string): Set<string> {
  const seen = new Set<string>();
  xs.forEach((x, i) => {
    const k = key(x);
    if (seen.has(k)) throw new DatasetError(`${path}[${i}].${field}`, `duplicate ${field} "${k}"`);
    seen.add(k);
  });
  return seen;
}

function join(path: string, key: string): string {
  return path === '$' ? key : `${path}.${key}`;
}

export function describe(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (typeof x === 'object') return 'an object';
  return `${typeof x} ${String(x)}`;
}
