/**
 * The one check of the dataset's shape and integrity, shared by data/build.ts, the tests and the
 * runtime (lib/data/dataset.ts). Hand-written so the extension carries no schema library; every
 * error names the exact path ("items[3].status: …") so a bad edit of a curated file is found fast.
 */
import type {
  AmbiguousAlias,
  Dataset,
  DatasetMeta,
  Figure,
  Item,
  ItemStatus,
  Place,
  PlaceKind,
  Source,
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
const TOWN_KINDS: readonly UnitKind[] = ['街道', '镇'];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ITEM_ID = /^mw2023-\d{3}$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Returns `x` typed as a Dataset, or throws DatasetError at the first problem found. */
export function validateDataset(x: unknown): Dataset {
  const root = record(x, '$', ['meta', 'sources', 'units', 'items', 'places', 'figures'], ['ambiguousAliases']);
  const sources = list(root.sources, 'sources', source);
  const sourceIds = uniqueIds(sources, 'sources');
  const units = list(root.units, 'units', unit);
  const places = list(root.places, 'places', place);
  const items = list(root.items, 'items', item);
  const figures = list(root.figures, 'figures', figure);
  const ambiguous = root.ambiguousAliases === undefined ? undefined : list(root.ambiguousAliases, 'ambiguousAliases', ambiguousAlias);
  const meta = datasetMeta(root.meta, 'meta');

  const unitsById = new Map(units.map((u) => [u.id, u]));
  uniqueIds(units, 'units');
  uniqueBy(units, 'units', 'name', (u) => u.name);
  uniqueIds(places, 'places');
  uniqueBy(places, 'places', 'name', (p) => p.name);
  uniqueIds(items, 'items');
  uniqueIds(figures, 'figures');
  const townNames = new Set(units.filter((u) => TOWN_KINDS.includes(u.kind)).map((u) => u.name));
  const placeNames = new Set(places.map((p) => p.name));
  const checkSource = (id: string, path: string) => {
    if (!sourceIds.has(id)) throw new DatasetError(path, `unknown source "${id}"`);
  };

  units.forEach((u, i) => {
    const path = `units[${i}]`;
    checkSource(u.source, `${path}.source`);
    if (TOWN_KINDS.includes(u.kind)) {
      if (u.town !== u.name) throw new DatasetError(`${path}.town`, `a ${u.kind} unit's town must equal its name "${u.name}"`);
    } else if (u.town !== undefined) {
      throw new DatasetError(`${path}.town`, `only 镇/街道 units have a town (kind is ${u.kind})`);
    }
    const seen = new Set<string>([u.name]);
    u.aliases.forEach((a, j) => {
      if (seen.has(a)) throw new DatasetError(`${path}.aliases[${j}]`, `duplicate of the name or another alias: "${a}"`);
      seen.add(a);
    });
    if (u.fullName !== undefined && u.fullName !== u.name && !u.aliases.includes(u.fullName)) {
      throw new DatasetError(`${path}.aliases`, `must include fullName "${u.fullName}"`);
    }
    u.traditional.forEach((t, j) => {
      if (seen.has(t)) throw new DatasetError(`${path}.traditional[${j}]`, `"${t}" equals a Simplified form or is listed twice`);
      seen.add(t);
    });
  });

  const ambiguousSet = new Set<string>();
  ambiguous?.forEach((a, i) => {
    const path = `ambiguousAliases[${i}]`;
    if (ambiguousSet.has(a.alias)) throw new DatasetError(`${path}.alias`, `listed twice: "${a.alias}"`);
    ambiguousSet.add(a.alias);
    if (a.candidates.length === 0) throw new DatasetError(`${path}.candidates`, 'expected at least one unit id');
    a.candidates.forEach((c, j) => {
      if (!unitsById.has(c)) throw new DatasetError(`${path}.candidates[${j}]`, `unknown unit id "${c}"`);
    });
  });
  const formOwner = new Map<string, string>();
  units.forEach((u, i) => {
    const forms: [string, string][] = [
      [`units[${i}].name`, u.name],
      ...u.aliases.map((a, j): [string, string] => [`units[${i}].aliases[${j}]`, a]),
      ...u.traditional.map((t, j): [string, string] => [`units[${i}].traditional[${j}]`, t]),
    ];
    for (const [path, form] of forms) {
      const owner = formOwner.get(form);
      if (owner !== undefined && owner !== u.id && !ambiguousSet.has(form)) {
        throw new DatasetError(path, `"${form}" also names unit ${owner}; list it in ambiguousAliases or remove it`);
      }
      formOwner.set(form, u.id);
    }
  });

  places.forEach((p, i) => {
    checkSource(p.source, `places[${i}].source`);
    if (p.town !== undefined && !townNames.has(p.town)) throw new DatasetError(`places[${i}].town`, `"${p.town}" is not a 镇/街道 unit`);
  });

  const keyphraseOwner = new Map<string, number>();
  const seqOwner = new Map<number, string>();
  items.forEach((it, i) => {
    const path = `items[${i}]`;
    // Ids are identity, not position (DESIGN contract 6): never derived from the row or its 序号.
    if (seqOwner.has(it.seq)) throw new DatasetError(`${path}.seq`, `duplicate seq ${it.seq} (also ${seqOwner.get(it.seq)})`);
    seqOwner.set(it.seq, it.id);
    const u = unitsById.get(it.unitId);
    if (u === undefined) throw new DatasetError(`${path}.unitId`, `unknown unit id "${it.unitId}"`);
    if (it.unit !== u.name) throw new DatasetError(`${path}.unit`, `"${it.unit}" does not match unit ${u.id}'s name "${u.name}"`);
    checkSource(it.source, `${path}.source`);
    if (it.town !== undefined && !townNames.has(it.town)) throw new DatasetError(`${path}.town`, `"${it.town}" is not a 镇/街道 unit`);
    if (u.town !== undefined && it.town !== u.town) throw new DatasetError(`${path}.town`, `the lead unit is ${u.town}, so town must be "${u.town}"`);
    it.places.forEach((p, j) => {
      if (!placeNames.has(p)) throw new DatasetError(`${path}.places[${j}]`, `unknown place "${p}"`);
    });
    it.keyphrases.forEach((k, j) => {
      const other = keyphraseOwner.get(k);
      if (other !== undefined && other !== it.seq) throw new DatasetError(`${path}.keyphrases[${j}]`, `"${k}" is also a keyphrase of seq ${other}; make it a genericPhrase`);
      keyphraseOwner.set(k, it.seq);
    });
  });

  figures.forEach((f, i) => checkSource(f.source, `figures[${i}].source`));

  const expected = {
    items: items.length,
    units: units.length,
    places: places.length,
    figures: figures.length,
    completed: items.filter((i) => i.status === 'completed').length,
  };
  for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
    if (meta.counts[key] !== expected[key]) {
      throw new DatasetError(`meta.counts.${key}`, `expected ${expected[key]} (counted), got ${meta.counts[key]}`);
    }
  }
  return x as Dataset;
}

// ---- field readers: each returns the typed value or throws with its path ----

type Obj = Record<string, unknown>;

function record(x: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new DatasetError(path, `expected an object, got ${describe(x)}`);
  const o = x as Obj;
  for (const k of required) if (!(k in o)) throw new DatasetError(join(path, k), 'missing');
  for (const k of Object.keys(o)) {
    if (!required.includes(k) && !optional.includes(k)) throw new DatasetError(join(path, k), 'unknown field');
  }
  return o;
}

function list<T>(x: unknown, path: string, read: (v: unknown, path: string) => T): T[] {
  if (!Array.isArray(x)) throw new DatasetError(path, `expected an array, got ${describe(x)}`);
  return x.map((v, i) => read(v, `${path}[${i}]`));
}

function str(x: unknown, path: string): string {
  if (typeof x !== 'string' || x.trim().length === 0 || x !== x.trim()) {
    throw new DatasetError(path, `expected a non-empty string without surrounding spaces, got ${describe(x)}`);
  }
  return x;
}

const optStr = (x: unknown, path: string) => (x === undefined ? undefined : str(x, path));
const strings = (x: unknown, path: string) => list(x, path, str);
const optStrings = (x: unknown, path: string) => (x === undefined ? undefined : strings(x, path));

function int(x: unknown, path: string, min = 0): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min) throw new DatasetError(path, `expected an integer ≥ ${min}, got ${describe(x)}`);
  return x;
}

function oneOf<T extends string>(x: unknown, path: string, allowed: readonly T[]): T {
  if (typeof x !== 'string' || !(allowed as readonly string[]).includes(x)) {
    throw new DatasetError(path, `expected one of ${allowed.join(', ')}; got ${describe(x)}`);
  }
  return x as T;
}

function matching(x: unknown, path: string, re: RegExp, what: string): string {
  if (typeof x !== 'string' || !re.test(x)) throw new DatasetError(path, `expected ${what}, got ${describe(x)}`);
  return x;
}

function isoDate(x: unknown, path: string): string {
  const s = matching(x, path, /^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)');
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) throw new DatasetError(path, `not a real date: "${s}"`);
  return s;
}

function source(x: unknown, path: string): Source {
  const o = record(x, path, ['id', 'title', 'publisher', 'date', 'url'], ['note']);
  return {
    id: matching(o.id, `${path}.id`, SLUG, 'a lowercase ascii slug'),
    title: str(o.title, `${path}.title`),
    publisher: str(o.publisher, `${path}.publisher`),
    date: isoDate(o.date, `${path}.date`),
    url: matching(o.url, `${path}.url`, /^https?:\/\/\S+$/, 'an http(s) URL'),
    note: optStr(o.note, `${path}.note`),
  };
}

function unit(x: unknown, path: string): Unit {
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

function item(x: unknown, path: string): Item {
  const o = record(
    x,
    path,
    ['id', 'seq', 'unitId', 'unit', 'name', 'status', 'statusAsOf', 'source', 'places', 'keyphrases', 'programme'],
    ['statusNote', 'town', 'contextWords', 'genericPhrases', 'note'],
  );
  if (o.programme !== 'minsheng-weishishi-2023') throw new DatasetError(`${path}.programme`, `expected "minsheng-weishishi-2023", got ${describe(o.programme)}`);
  return {
    id: matching(o.id, `${path}.id`, ITEM_ID, 'an id like "mw2023-001"'),
    seq: int(o.seq, `${path}.seq`, 1),
    unitId: str(o.unitId, `${path}.unitId`),
    unit: str(o.unit, `${path}.unit`),
    name: str(o.name, `${path}.name`),
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
    programme: 'minsheng-weishishi-2023',
  };
}

function place(x: unknown, path: string): Place {
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

function figure(x: unknown, path: string): Figure {
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

function ambiguousAlias(x: unknown, path: string): AmbiguousAlias {
  const o = record(x, path, ['alias', 'candidates', 'note']);
  return { alias: str(o.alias, `${path}.alias`), candidates: strings(o.candidates, `${path}.candidates`), note: str(o.note, `${path}.note`) };
}

function datasetMeta(x: unknown, path: string): DatasetMeta {
  const o = record(x, path, ['name', 'nameEn', 'version', 'hash', 'generatedFrom', 'counts']);
  const c = record(o.counts, `${path}.counts`, ['items', 'units', 'places', 'figures', 'completed']);
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
    },
  };
}

function uniqueIds<T extends { id: string }>(xs: readonly T[], path: string): Set<string> {
  return uniqueBy(xs, path, 'id', (x) => x.id);
}

function uniqueBy<T>(xs: readonly T[], path: string, field: string, key: (x: T) => string): Set<string> {
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

function describe(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (typeof x === 'object') return 'an object';
  return `${typeof x} ${String(x)}`;
}
