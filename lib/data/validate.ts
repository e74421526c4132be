/**
 * The one check of the dataset's shape and integrity, shared by scripts/build-data.ts, the tests and the
 * runtime (lib/data/dataset.ts). Hand-written so the extension carries no schema library; every
 * error names the exact path ("items[3].status: …") so a bad edit of a curated file is found fast.
 */
import type { Dataset, Programme } from './types';
import {
  DatasetError,
  FROZEN_TABLE,
  ID_PREFIX,
  TOWN_KINDS,
  ambiguousAlias,
  datasetMeta,
  figure,
  item,
  list,
  place,
  programme,
  record,
  seriesOf,
  source,
  statusHistoryOf,
  unit,
  uniqueBy,
  uniqueIds,
} from './validate-fields';

export { DatasetError, FROZEN_TABLE, ITEM_STATUSES, PLACE_KINDS, PROGRAMME_IDS, UNIT_KINDS } from './validate-fields';

/** The 2023 table's ids, frozen: mw2023-001 … mw2023-117. */
const FROZEN_IDS = new Set(Array.from({ length: FROZEN_TABLE.rows }, (_, i) => `mw${FROZEN_TABLE.year}-${String(i + 1).padStart(3, '0')}`));

/** Returns `x` typed as a Dataset, or throws DatasetError at the first problem found. */
export function validateDataset(x: unknown): Dataset {
  const root = record(x, '$', ['meta', 'sources', 'programmes', 'series', 'units', 'items', 'places', 'figures'], ['ambiguousAliases']);
  const sources = list(root.sources, 'sources', source);
  const sourceIds = uniqueIds(sources, 'sources');
  const programmes = list(root.programmes, 'programmes', programme);
  const series = list(root.series, 'series', seriesOf);
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

  // Programmes: one per (programme, year), id `${programme}-${year}`, known/complete derived.
  const programmeById = new Map<string, Programme>();
  programmes.forEach((p, i) => {
    const path = `programmes[${i}]`;
    const expected = `${p.programme}-${p.year}`;
    if (p.id !== expected) throw new DatasetError(`${path}.id`, `expected "${expected}", got "${p.id}"`);
    if (programmeById.has(p.id)) throw new DatasetError(`${path}.id`, `duplicate id "${p.id}"`);
    programmeById.set(p.id, p);
    if (p.sources.length === 0) throw new DatasetError(`${path}.sources`, 'expected at least one source');
    p.sources.forEach((s, j) => checkSource(s, `${path}.sources[${j}]`));
  });
  const seriesIds = uniqueIds(series, 'series');
  series.forEach((s, i) => {
    checkSource(s.source, `series[${i}].source`);
    if (s.phrases.length === 0) throw new DatasetError(`series[${i}].phrases`, 'expected at least one phrase');
  });

  const keyphraseOwner = new Map<string, string>();
  const tableItems = items.filter((it) => it.programme === FROZEN_TABLE.programme && it.year === FROZEN_TABLE.year);
  if (tableItems.length !== FROZEN_TABLE.rows) {
    throw new DatasetError('items', `expected ${FROZEN_TABLE.rows} items of the ${FROZEN_TABLE.year} ${FROZEN_TABLE.programme} table, got ${tableItems.length}`);
  }
  const seqsSeen = new Map<string, string>(); // `${list}#${seq}` → item id: a list's numbers are unique
  items.forEach((it, i) => {
    const path = `items[${i}]`;
    const listId = `${it.programme}-${it.year}`;
    if (!programmeById.has(listId)) throw new DatasetError(`${path}.year`, `no programme "${listId}" for this item`);
    const prefix = `${ID_PREFIX[it.programme]}${it.year}-`;
    if (!it.id.startsWith(prefix)) throw new DatasetError(`${path}.id`, `an item of ${listId} has an id starting "${prefix}", got "${it.id}"`);
    if (it.programme === FROZEN_TABLE.programme && it.year === FROZEN_TABLE.year) {
      // The table's ids are frozen (user data refers to them), and they are identity, not position:
      // each of mw2023-001…117 once, whatever the row's place or 序号 (issue 11, item 8).
      if (!FROZEN_IDS.has(it.id)) throw new DatasetError(`${path}.id`, `not one of the table's ids ${prefix}001…${String(FROZEN_TABLE.rows).padStart(3, '0')}, got "${it.id}"`);
      if (it.seq === undefined) throw new DatasetError(`${path}.seq`, 'missing (every row of the table has its 序号)');
      if (it.unitId === undefined) throw new DatasetError(`${path}.unitId`, 'missing (every row of the table prints its lead unit)');
    }
    if (it.seq !== undefined) {
      const other = seqsSeen.get(`${listId}#${it.seq}`);
      if (other !== undefined) throw new DatasetError(`${path}.seq`, `duplicate seq ${it.seq} in ${listId} (also ${other})`);
      seqsSeen.set(`${listId}#${it.seq}`, it.id);
    }
    if (it.series !== undefined && !seriesIds.has(it.series)) throw new DatasetError(`${path}.series`, `unknown series "${it.series}"`);
    statusHistoryOf(it, path, checkSource);
    it.targets?.forEach((t, j) => checkSource(t.source, `${path}.targets[${j}].source`));
    if ((it.unitId === undefined) !== (it.unit === undefined)) throw new DatasetError(`${path}.unit`, 'unitId and unit go together');
    const u = it.unitId === undefined ? undefined : unitsById.get(it.unitId);
    if (it.unitId !== undefined && u === undefined) throw new DatasetError(`${path}.unitId`, `unknown unit id "${it.unitId}"`);
    if (u !== undefined && it.unit !== u.name) throw new DatasetError(`${path}.unit`, `"${it.unit}" does not match unit ${u.id}'s name "${u.name}"`);
    checkSource(it.source, `${path}.source`);
    if (it.town !== undefined && !townNames.has(it.town)) throw new DatasetError(`${path}.town`, `"${it.town}" is not a 镇/街道 unit`);
    if (u?.town !== undefined && it.town !== u.town) throw new DatasetError(`${path}.town`, `the lead unit is ${u.town}, so town must be "${u.town}"`);
    it.places.forEach((p, j) => {
      if (!placeNames.has(p)) throw new DatasetError(`${path}.places[${j}]`, `unknown place "${p}"`);
    });
    it.keyphrases.forEach((k, j) => {
      const other = keyphraseOwner.get(k);
      if (other !== undefined && other !== it.id) throw new DatasetError(`${path}.keyphrases[${j}]`, `"${k}" is also a keyphrase of ${other}; make it a genericPhrase`);
      keyphraseOwner.set(k, it.id);
    });
  });

  programmes.forEach((p, i) => {
    const known = items.filter((it) => it.programme === p.programme && it.year === p.year).length;
    if (p.known !== known) throw new DatasetError(`programmes[${i}].known`, `expected ${known} (counted), got ${p.known}`);
    if (p.announced !== null && known > p.announced) throw new DatasetError(`programmes[${i}].known`, `${known} items known but the list has ${p.announced}`);
    const complete = p.announced !== null && known === p.announced;
    if (p.complete !== complete) throw new DatasetError(`programmes[${i}].complete`, `expected ${complete} (known ${known} of ${p.announced ?? '?'})`);
  });

  figures.forEach((f, i) => checkSource(f.source, `figures[${i}].source`));

  const expected = {
    items: items.length,
    units: units.length,
    places: places.length,
    figures: figures.length,
    completed: items.filter((i) => i.status === 'completed').length,
    programmes: programmes.length,
    series: series.length,
  };
  for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
    if (meta.counts[key] !== expected[key]) {
      throw new DatasetError(`meta.counts.${key}`, `expected ${expected[key]} (counted), got ${meta.counts[key]}`);
    }
  }
  return x as Dataset;
}
