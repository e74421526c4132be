/**
 * Database version 2 (dataset v2, issue 10): the reference tables learn programmes, years and
 * status histories; follows learn which list (programme, year) their item belongs to.
 *
 * The upgrade runs inside Dexie's version-change transaction, so it is all or nothing: if any
 * step throws (a full disk, a reference row it cannot read), IndexedDB aborts and the v1 database
 * stays as it was, usable by the old code (DESIGN "a failed upgrade leaves the old data usable"). Notes and sightings are not written at
 * all; follows only gain fields. Item ids are never changed (DESIGN contract 6): the 117 rows of
 * the 2023 table keep 'mw2023-001'…'mw2023-117'.
 *
 * After it, the reference rows are already v2-shaped, and the background's seeding replaces them
 * with the bundled v2 dataset as usual (its hash differs from the v1 one).
 */
import type { Transaction } from 'dexie';
import type { Item, ItemStatus, Programme, ProgrammeId, Source } from '../data/types';
import type { Follow } from '../types/records';
import type { MetaRow } from './schema';

/** A v1 item row: the 2023 table only, programme 'minsheng-weishishi-2023', no history. */
interface ItemRowV1 {
  id: string;
  seq: number;
  unitId: string;
  unit: string;
  name: string;
  status: ItemStatus;
  statusAsOf: string;
  statusNote?: string;
  source: string;
  programme?: string;
  [key: string]: unknown;
}

/** The programme and year of a v1 programme label ('minsheng-weishishi-2023'); v1 knew only that one. */
export function programmeOfV1(label: string | undefined): { programme: ProgrammeId; year: number } {
  const m = /^(weiminbanshishi|minsheng-weishishi)-(\d{4})$/.exec(label ?? '');
  return m ? { programme: m[1] as ProgrammeId, year: Number(m[2]) } : { programme: 'minsheng-weishishi', year: 2023 };
}

/** A v1 item row in the v2 shape: same id and fields, plus programme, year and a one-entry history. */
export function itemToV2(row: ItemRowV1 | Item): Item {
  if (Array.isArray((row as Item).statusHistory) && typeof (row as Item).year === 'number') return row as Item;
  const v1 = row as ItemRowV1;
  const { programme, year } = programmeOfV1(v1.programme);
  return {
    ...(v1 as unknown as Item),
    programme,
    year,
    statusHistory: [{ status: v1.status, asOf: v1.statusAsOf, source: v1.source, ...(v1.statusNote !== undefined && { note: v1.statusNote }) }],
  };
}

export async function upgradeToV2(tx: Transaction): Promise<void> {
  const items = tx.table<Item, string>('items');
  await items.toCollection().modify((row: Item) => {
    Object.assign(row, itemToV2(row));
  });
  // v1 had one source, the Simplified 晋江经济报 page (and imported v1 files had the same schema).
  await tx
    .table<Source, string>('sources')
    .toCollection()
    .modify((s: Source) => {
      s.script ??= 'Hans';
    });

  const all = await items.toArray();
  const listOf = new Map(all.map((i) => [i.id, { programme: i.programme, year: i.year }]));

  // The lists the v1 rows belong to, so the v2 tables are consistent before the next seeding.
  const sourceIds = (await tx.table<Source, string>('sources').toCollection().primaryKeys()) as string[];
  const counts = new Map<string, { programme: ProgrammeId; year: number; n: number }>();
  for (const i of all) {
    const id = `${i.programme}-${i.year}`;
    const c = counts.get(id) ?? { programme: i.programme, year: i.year, n: 0 };
    c.n++;
    counts.set(id, c);
  }
  const programmes: Programme[] = [...counts].map(([id, c]) => ({
    id,
    programme: c.programme,
    year: c.year,
    name: `晋江市${c.year}年${c.programme === 'minsheng-weishishi' ? '民生微实事' : '为民办实事'}项目`,
    nameEn: `Jinjiang ${c.year} ${c.programme === 'minsheng-weishishi' ? 'livelihood micro-projects' : 'projects for the people'}`,
    announced: null,
    known: c.n,
    complete: false,
    sources: sourceIds.slice(0, 1),
  }));
  await tx.table<Programme, string>('programmes').bulkPut(programmes);

  const meta = tx.table<MetaRow, string>('meta');
  const row = await meta.get('dataset');
  if (row) {
    row.meta.counts = { ...row.meta.counts, programmes: programmes.length, series: row.meta.counts.series ?? 0 };
    await meta.put(row);
  }

  await tx
    .table<Follow, string>('follows')
    .toCollection()
    .modify((f: Follow) => {
      // User rows never block the upgrade: one of an unexpected shape is carried over as it is.
      const list = f.target?.kind === 'item' ? listOf.get(f.targetId) : undefined;
      if (list) Object.assign(f, list);
    });
}
