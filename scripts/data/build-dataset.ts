/**
 * Builds data/dataset.json from its inputs: the source table (parsed, never retyped) and the
 * hand-curated files. Node-only and build-time only (it reads files and uses opencc-js); the
 * extension imports the result through lib/data/dataset.ts. Exported as a function so the drift
 * test can rebuild and compare with the committed file.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetHash } from '../../lib/data/hash';
import { parseTable, type TableRow } from './parse-table';
import { traditionalForms } from './traditional';
import type { AmbiguousAlias, Dataset, Figure, Item, Place, Programme, Series, Source, StatusEntry, Target, Unit } from '../../lib/data/types';
import { validateDataset } from '../../lib/data/validate';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The files the build reads, relative to the repository root, in the order it reads them. */
export const DATASET_INPUTS = {
  table: 'data/source/table-2023.txt',
  sources: 'data/curated/sources.json',
  units: 'data/curated/units.json',
  items: 'data/curated/items.json',
  places: 'data/curated/places.json',
  figures: 'data/curated/figures.json',
  programmes: 'data/curated/programmes.json',
  yearlyItems: 'data/curated/yearly-items.json',
  series: 'data/curated/series.json',
} as const;

export const DATASET_OUTPUT = 'data/dataset.json';

const STATUS_AS_OF = '2024-02-06';
/** Dataset content version: 2.x is the programme across its years (issue 10). */
export const DATASET_VERSION = '2.0.0';

/** Curated per-row fields (data/curated/items.json); `name` must equal the parsed table's. */
interface CuratedItem {
  seq: number;
  name: string;
  town?: string;
  places: string[];
  keyphrases: string[];
  genericPhrases?: string[];
  contextWords?: string[];
  note?: string;
  series?: string;
}

/** A yearly-list item as curated (data/curated/yearly-items.json): the status fields are derived. */
type CuratedYearlyItem = Omit<Item, 'status' | 'statusAsOf' | 'statusNote' | 'source'>;
type CuratedProgramme = Omit<Programme, 'id' | 'known' | 'complete'>;
type CuratedSeries = Omit<Series, 'traditional'>;

type CuratedUnit = Omit<Unit, 'traditional'>;

export class BuildError extends Error {
  override name = 'BuildError';
}

export async function buildDataset(root: string = REPO_ROOT): Promise<Dataset> {
  const read = (rel: string) => readFileSync(join(root, rel), 'utf8');
  const readList = <T>(rel: string, key: string): T[] => {
    const parsed: unknown = JSON.parse(read(rel));
    const value = (parsed as Record<string, unknown> | null)?.[key];
    if (!Array.isArray(value)) throw new BuildError(`${rel}: expected an object with a "${key}" array`);
    return value as T[];
  };

  const sources = readList<Source>(DATASET_INPUTS.sources, 'sources');
  const curatedUnits = readList<CuratedUnit>(DATASET_INPUTS.units, 'units');
  const ambiguousAliases = readList<AmbiguousAlias>(DATASET_INPUTS.units, 'ambiguous');
  const curatedItems = readList<CuratedItem>(DATASET_INPUTS.items, 'items');
  const places = readList<Place>(DATASET_INPUTS.places, 'places').map(placeInOrder);
  const figures = readList<Figure>(DATASET_INPUTS.figures, 'figures').map(figureInOrder);
  const curatedProgrammes = readList<CuratedProgramme>(DATASET_INPUTS.programmes, 'programmes');
  const yearlyItems = readList<CuratedYearlyItem>(DATASET_INPUTS.yearlyItems, 'items');
  const series: Series[] = readList<CuratedSeries>(DATASET_INPUTS.series, 'series').map((s) => ({
    id: s.id,
    name: s.name,
    phrases: s.phrases,
    traditional: traditionalForms(s.phrases),
    ...(s.note !== undefined && { note: s.note }),
    source: s.source,
  }));
  const source = sources[0];
  if (source === undefined) throw new BuildError(`${DATASET_INPUTS.sources}: no source`);

  const units: Unit[] = curatedUnits.map((u) => ({
    id: u.id,
    name: u.name,
    kind: u.kind,
    ...(u.fullName !== undefined && { fullName: u.fullName }),
    aliases: u.aliases,
    traditional: traditionalForms([u.name, ...(u.fullName === undefined ? [] : [u.fullName]), ...u.aliases]),
    ...(u.town !== undefined && { town: u.town }),
    source: u.source,
  }));

  const rows = parseTable(read(DATASET_INPUTS.table), units.map((u) => u.name));
  const groups = groupRows(rows);
  const unitByName = new Map(units.map((u) => [u.name, u]));
  const unusedUnits = units.filter((u) => !groups.has(u.name)).map((u) => u.name);
  if (unusedUnits.length > 0) throw new BuildError(`${DATASET_INPUTS.units}: units that lead no table row: ${unusedUnits.join(', ')}`);

  const curatedBySeq = new Map(curatedItems.map((c) => [c.seq, c]));
  if (curatedBySeq.size !== curatedItems.length || curatedItems.length !== rows.length) {
    throw new BuildError(`${DATASET_INPUTS.items}: expected one entry per table row (${rows.length}), got ${curatedItems.length}`);
  }
  const tableItems: Item[] = rows.map((row) => {
    const c = curatedBySeq.get(row.seq);
    if (c === undefined) throw new BuildError(`${DATASET_INPUTS.items}: no entry for seq ${row.seq}`);
    if (c.name !== row.name) throw new BuildError(`${DATASET_INPUTS.items}: seq ${row.seq} name "${c.name}" differs from the table's "${row.name}"`);
    const unit = unitByName.get(row.unit)!;
    const town = unit.town ?? c.town;
    if (unit.town !== undefined && c.town !== undefined && c.town !== unit.town) {
      throw new BuildError(`${DATASET_INPUTS.items}: seq ${row.seq} town ${c.town} contradicts its lead unit ${unit.name}`);
    }
    const entry: StatusEntry = { status: 'completed', asOf: STATUS_AS_OF, source: source.id, note: statusNote(row, groups.get(row.unit)!) };
    return itemInOrder({
      id: `mw2023-${String(row.seq).padStart(3, '0')}`,
      programme: 'minsheng-weishishi',
      year: 2023,
      seq: row.seq,
      unitId: unit.id,
      unit: unit.name,
      name: row.name,
      ...(c.series !== undefined && { series: c.series }),
      statusHistory: [entry],
      ...(town !== undefined && { town }),
      places: c.places,
      keyphrases: c.keyphrases,
      ...(c.contextWords !== undefined && { contextWords: c.contextWords }),
      ...(c.genericPhrases !== undefined && { genericPhrases: c.genericPhrases }),
      ...(c.note !== undefined && { note: c.note }),
    });
  });
  // The 117 first (their order is the table's), then the yearly lists by year (stable within a year).
  const items = [...tableItems, ...[...yearlyItems].sort((a, b) => a.year - b.year).map(itemInOrder)];

  const programmes: Programme[] = curatedProgrammes
    .map((p) => {
      const known = items.filter((it) => it.programme === p.programme && it.year === p.year).length;
      return {
        id: `${p.programme}-${p.year}`,
        programme: p.programme,
        year: p.year,
        name: p.name,
        nameEn: p.nameEn,
        announced: p.announced,
        known,
        complete: p.announced !== null && known === p.announced,
        sources: p.sources,
        ...(p.note !== undefined && { note: p.note }),
      };
    })
    .sort((a, b) => a.year - b.year || a.programme.localeCompare(b.programme));

  const ambiguous = ambiguousAliases.map((a) => ({ alias: a.alias, candidates: a.candidates, note: a.note }));
  const body = { sources: sources.map(sourceInOrder), programmes, series, units, items, places, figures, ambiguousAliases: ambiguous };
  const dataset: Dataset = {
    meta: {
      name: '晋江市为民办实事项目（2021年起）与2023年民生微实事项目',
      nameEn: "Jinjiang's yearly projects for the people (from 2021) and the 2023 livelihood micro-projects",
      version: DATASET_VERSION,
      hash: '',
      generatedFrom: Object.values(DATASET_INPUTS),
      counts: {
        items: items.length,
        units: units.length,
        places: places.length,
        figures: figures.length,
        completed: items.filter((i) => i.status === 'completed').length,
        programmes: programmes.length,
        series: series.length,
      },
    },
    ...body,
  };
  dataset.meta.hash = await datasetHash(dataset);
  return validateDataset(dataset);
}

/** The dataset as committed: 2-space JSON with a trailing newline. */
export function serializeDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

/** Rows of each lead unit's group; a unit must lead exactly one contiguous group. */
function groupRows(rows: readonly TableRow[]): Map<string, TableRow[]> {
  const groups = new Map<string, TableRow[]>();
  let previous: string | undefined;
  for (const row of rows) {
    const group = groups.get(row.unit);
    if (row.unit !== previous) {
      if (group !== undefined) throw new BuildError(`table row ${row.seq}: ${row.unit} leads a second, separate group of rows`);
      if (!row.statusPrinted) throw new BuildError(`table row ${row.seq}: a group must start with a row that prints 已完成`);
      groups.set(row.unit, [row]);
    } else {
      if (row.statusPrinted) throw new BuildError(`table row ${row.seq}: 已完成 printed twice in the ${row.unit} group`);
      group!.push(row);
    }
    previous = row.unit;
  }
  return groups;
}

function statusNote(row: TableRow, group: readonly TableRow[]): string {
  const first = group[0]!;
  const cell = row.statusPrinted
    ? `源表“完成情况”为合并单元格，“已完成”印在本行（${row.unit}组首行，本组共${group.length}行）`
    : `源表“完成情况”为合并单元格，“已完成”只印在${row.unit}组首行（第${first.seq}行），本行与之同组`;
  return `${cell}；报道称117项民生微实事均于2023年办结。`;
}

// Fixed key order, so the committed JSON does not depend on how a curated file orders its keys.
const sourceInOrder = (s: Source): Source => ({
  id: s.id,
  title: s.title,
  publisher: s.publisher,
  ...(s.originalPublisher !== undefined && { originalPublisher: s.originalPublisher }),
  date: s.date,
  url: s.url,
  script: s.script,
  ...(s.note !== undefined && { note: s.note }),
});

const entryInOrder = (e: StatusEntry): StatusEntry => ({ status: e.status, asOf: e.asOf, source: e.source, ...(e.note !== undefined && { note: e.note }) });
const targetInOrder = (t: Target): Target => ({ what: t.what, value: t.value, unit: t.unit, source: t.source });

/** An item in the committed key order, its status fields copied from the latest history entry. */
function itemInOrder(it: Omit<Item, 'status' | 'statusAsOf' | 'statusNote' | 'source'>): Item {
  const last = it.statusHistory[it.statusHistory.length - 1];
  if (last === undefined) throw new BuildError(`item ${it.id}: statusHistory is empty`);
  return {
    id: it.id,
    programme: it.programme,
    year: it.year,
    ...(it.seq !== undefined && { seq: it.seq }),
    ...(it.unitId !== undefined && { unitId: it.unitId }),
    ...(it.unit !== undefined && { unit: it.unit }),
    name: it.name,
    ...(it.otherNames !== undefined && { otherNames: it.otherNames }),
    ...(it.series !== undefined && { series: it.series }),
    ...(it.targets !== undefined && { targets: it.targets.map(targetInOrder) }),
    statusHistory: it.statusHistory.map(entryInOrder),
    status: last.status,
    statusAsOf: last.asOf,
    ...(last.note !== undefined && { statusNote: last.note }),
    source: last.source,
    ...(it.town !== undefined && { town: it.town }),
    places: it.places,
    keyphrases: it.keyphrases,
    ...(it.contextWords !== undefined && { contextWords: it.contextWords }),
    ...(it.genericPhrases !== undefined && { genericPhrases: it.genericPhrases }),
    ...(it.note !== undefined && { note: it.note }),
  };
}

const placeInOrder = (p: Place): Place => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  ...(p.town !== undefined && { town: p.town }),
  source: p.source,
  ...(p.note !== undefined && { note: p.note }),
});

const figureInOrder = (f: Figure): Figure => ({ id: f.id, subject: f.subject, value: f.value, unit: f.unit, year: f.year, source: f.source });
