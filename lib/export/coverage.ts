/**
 * The coverage table a researcher pivots (issue 13, 7): one row per project per page, from the
 * sightings of projects and from passage notes about a project on a page with no sighting of it.
 * Columns: the project (id, table number, programme, year, name, lead unit), its status at the
 * page's date (the latest status entry dated on or before it; empty when the page gives no date
 * or no entry is that old) and that entry's date, then the page (its date, the day accessed,
 * site, outlet, title, address) and the sentence around the mention. Empty means "not known":
 * nothing is filled in by guess.
 */
import type { Note, Sighting } from '../types/records';
import { toCsv } from './csv';
import { localDay, type SourceRecord } from './sources';

/** One dated status of an item (dataset v2 `StatusEntry`). */
export interface StatusEntryLike {
  status: string;
  asOf: string;
}

/**
 * What a row needs of an item, read structurally: dataset v2 items carry `programme`, `year`
 * and `statusHistory`; v1 items only the current `status` and `statusAsOf`, which then count
 * as a history of one entry.
 */
export interface CoverageItem {
  id: string;
  name: string;
  seq?: number;
  unit?: string;
  programme?: string;
  year?: number;
  status: string;
  statusAsOf: string;
  statusHistory?: readonly StatusEntryLike[];
}

export const COVERAGE_COLUMNS = [
  'project_id',
  'table_no',
  'programme',
  'year',
  'project',
  'lead_unit',
  'status_at_page_date',
  'status_as_of',
  'page_date',
  'accessed',
  'site',
  'outlet',
  'title',
  'url',
  'sentence',
] as const;

/** The entry in force on `date` (ISO): the latest one dated on or before it, or undefined. */
export function statusOn(item: CoverageItem, date: string | undefined): StatusEntryLike | undefined {
  if (!date) return undefined;
  const history = item.statusHistory?.length ? item.statusHistory : [{ status: item.status, asOf: item.statusAsOf }];
  let found: StatusEntryLike | undefined;
  for (const e of history) if (e.asOf <= date && (!found || e.asOf >= found.asOf)) found = e;
  return found;
}

/**
 * The CSV (UTF-8 with BOM, as the other CSV exports). `items` by id; a row whose project left
 * the dataset keeps its id and page columns, its project columns empty. `statusLabel` words a
 * status code in the UI language.
 */
export function coverageCsv(records: readonly SourceRecord[], items: ReadonlyMap<string, CoverageItem>, statusLabel: (status: string) => string): string {
  const rows: (string | number | undefined)[][] = [];
  for (const r of records) {
    const evidence = new Map<string, string>();
    for (const s of r.sightings) if (s.target.kind === 'item') evidence.set(s.targetId, sentenceOfSighting(s));
    for (const n of r.notes) if (n.target?.kind === 'item' && !evidence.has(n.targetId)) evidence.set(n.targetId, sentenceOfNote(n));
    for (const [id, sentence] of evidence) {
      const item = items.get(id);
      const at = item && statusOn(item, r.meta.published);
      rows.push([
        id,
        item?.seq,
        item?.programme,
        item?.year,
        item?.name,
        item?.unit,
        at && statusLabel(at.status),
        at?.asOf,
        r.meta.published,
        localDay(r.accessed),
        r.site,
        r.meta.siteName,
        r.title,
        r.url || r.canonicalUrl,
        sentence,
      ]);
    }
  }
  return toCsv(COVERAGE_COLUMNS, rows);
}

/** The sentence kept with a sighting; for rows recorded before sentences were kept, the quote with its context. */
export const sentenceOfSighting = (s: Sighting): string => s.sentence || `${s.prefix}${s.quote}${s.suffix}`.replace(/\s+/g, ' ').trim();

/** The sentence kept with a note's passage, else the passage itself. */
export const sentenceOfNote = (n: Note): string => n.anchor?.sentence || n.anchor?.quote.exact || '';
