/**
 * Upgrading a v1 database (the 2023 table only, with the reader's notes, follows and sightings)
 * to v2: nothing lost, the 117 ids unchanged, follows told their item's list, then the bundled
 * v2 dataset seeded over it as the background does.
 */
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import type { Item } from '../../../lib/data/types';
import { DB_NAME, LensDb } from '../../../lib/db/schema';
import { seedDataset } from '../../../lib/db/seed';
import type { Follow } from '../../../lib/types/records';
import { changedFollows } from '../../../lib/db/user-data';
import { at, sampleFollows, sampleNotes, sampleSightings } from '../../helpers/user-rows';

/** The v1 stores, exactly as version 1 of lib/db/schema.ts declared them. */
const V1_STORES = {
  items: 'id, &seq, unitId, town, status',
  units: 'id, name, kind',
  places: 'id, name, town',
  figures: 'id',
  sources: 'id',
  meta: 'key',
  changes: '++id, at',
  notes: 'id, targetId, pageUrl, createdAt, updatedAt, *tags',
  follows: 'key, targetId, createdAt',
  sightings: 'key, targetId, canonicalUrl, site, firstSeen, lastSeen',
};

/** A v1 item row of the 2023 table: no year, no history, the v1 programme label. */
function v1Item(i: Item): Record<string, unknown> {
  const { statusHistory: _h, year: _y, series: _s, ...rest } = i;
  return { ...rest, programme: 'minsheng-weishishi-2023' };
}

const table = bundledDataset.items.filter((i) => i.programme === 'minsheng-weishishi' && i.year === 2023);
const v1Items = table.map(v1Item);
const v1Sources = bundledDataset.sources.filter((s) => s.id === 'jjjjb-2024-02-06').map(({ script: _s, ...rest }) => rest);
const v1Meta = {
  ...bundledDataset.meta,
  version: '1.0.0',
  hash: 'ff99dac733855121387e03a4d696ea1ea8a41dab29304732fe9ab9c421104926',
  counts: { items: 117, units: 82, places: bundledDataset.places.length, figures: bundledDataset.figures.length, completed: 117 },
};
const extraFollows = [
  { key: 'item:mw2023-117', target: { kind: 'item', id: 'mw2023-117' }, targetId: 'mw2023-117', createdAt: at(40), statusWhenFollowed: 'completed' },
  { key: 'item:mw2023-999', target: { kind: 'item', id: 'mw2023-999' }, targetId: 'mw2023-999', createdAt: at(41) }, // an orphan, kept
];

let n = 0;
const names: string[] = [];

async function makeV1(): Promise<string> {
  const name = `${DB_NAME}-upgrade-test-${n++}`;
  names.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.table('items').bulkAdd(v1Items);
  await v1.table('units').bulkAdd(bundledDataset.units);
  await v1.table('places').bulkAdd(bundledDataset.places);
  await v1.table('figures').bulkAdd(bundledDataset.figures);
  await v1.table('sources').bulkAdd(v1Sources);
  await v1.table('meta').put({ key: 'dataset', meta: v1Meta, installedAt: at(-100) });
  await v1.table('changes').add({ at: at(-50), fromVersion: '0.9.0', toVersion: '1.0.0', fromHash: 'a', toHash: 'b', removedItemIds: [], removedUnitIds: [], statusChanges: [] });
  await v1.table('notes').bulkAdd(sampleNotes());
  await v1.table('follows').bulkAdd([...sampleFollows(), ...extraFollows]);
  await v1.table('sightings').bulkAdd(sampleSightings());
  v1.close();
  return name;
}

const sortBy = <T extends object>(rows: T[], key: string) => [...rows].sort((a, b) => String((a as Record<string, unknown>)[key]).localeCompare(String((b as Record<string, unknown>)[key])));

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('upgrading the database from v1 to v2', () => {
  it('keeps every note, sighting and follow, and the 117 item rows with their ids and fields', async () => {
    const name = await makeV1();
    const db = new LensDb(name);
    await db.open();
    expect(db.verno).toBe(2);

    expect(sortBy(await db.notes.toArray(), 'id')).toEqual(sortBy(sampleNotes(), 'id'));
    expect(sortBy(await db.sightings.toArray(), 'key')).toEqual(sortBy(sampleSightings(), 'key'));

    const follows = sortBy(await db.follows.toArray(), 'key');
    const before = sortBy([...sampleFollows(), ...extraFollows] as Follow[], 'key');
    expect(follows).toHaveLength(before.length);
    follows.forEach((f, k) => {
      const old = before[k]!;
      expect(f).toMatchObject(old); // every v1 field, unchanged
      if (f.target.kind === 'item' && f.targetId !== 'mw2023-999') expect(f).toMatchObject({ programme: 'minsheng-weishishi', year: 2023 });
      else expect(Object.keys(f).sort()).toEqual(Object.keys(old).sort()); // units and orphans gain nothing
    });

    const items = await db.items.orderBy('seq').toArray();
    expect(items.map((i) => i.id)).toEqual(Array.from({ length: 117 }, (_, k) => `mw2023-${String(k + 1).padStart(3, '0')}`));
    items.forEach((row, k) => {
      const old = v1Items[k]!;
      expect(row).toMatchObject({ ...old, programme: 'minsheng-weishishi', year: 2023 });
      expect(row.statusHistory).toEqual([
        { status: old.status, asOf: old.statusAsOf, source: old.source, ...(old.statusNote !== undefined && { note: old.statusNote }) },
      ]);
    });
    expect(await db.items.where('[programme+year]').equals(['minsheng-weishishi', 2023]).count()).toBe(117);
    expect((await db.sources.toArray()).map((s) => s.script)).toEqual(['Hans']);
    expect(await db.programmes.toArray()).toEqual([expect.objectContaining({ id: 'minsheng-weishishi-2023', known: 117 })]);
    expect((await db.meta.get('dataset'))!.meta.counts).toMatchObject({ items: 117, programmes: 1, series: 0 });
    expect(await db.units.count()).toBe(82);
    expect(await db.changes.count()).toBe(1);
    db.close();
  });

  it('then takes the bundled v2 dataset: all years in, user rows untouched, no follow flagged as changed', async () => {
    const name = await makeV1();
    const db = new LensDb(name);
    await db.open();
    const notes = await db.notes.toArray();
    const follows = await db.follows.toArray();
    const sightings = await db.sightings.toArray();

    const outcome = await seedDataset(db, bundledDataset, at(100));
    expect(outcome.kind).toBe('upgraded');
    if (outcome.kind !== 'upgraded') return;
    expect(outcome.change).toMatchObject({ fromVersion: '1.0.0', toVersion: bundledDataset.meta.version, removedItemIds: [], statusChanges: [] });
    expect(await db.items.count()).toBe(bundledDataset.items.length);
    expect(await db.programmes.count()).toBe(bundledDataset.programmes.length);
    expect(await db.series.count()).toBe(bundledDataset.series.length);
    for (const old of v1Items) expect(await db.items.get(old.id as string)).toMatchObject({ id: old.id, seq: old.seq, name: old.name });

    expect(await db.notes.toArray()).toEqual(notes);
    expect(await db.follows.toArray()).toEqual(follows);
    expect(await db.sightings.toArray()).toEqual(sightings);
    expect(await changedFollows(db)).toEqual(new Map());
    db.close();
  });

  it('leaves the v1 database as it was when the upgrade fails half-way', async () => {
    const name = await makeV1();
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    // A damaged reference row the upgrade cannot read: it throws after the items were already rewritten.
    await v1.table('meta').put({ key: 'dataset', meta: null, installedAt: at(-100) });
    const before = { items: await v1.table('items').toArray(), follows: await v1.table('follows').toArray(), notes: await v1.table('notes').toArray() };
    v1.close();

    const db = new LensDb(name);
    await expect(db.open()).rejects.toThrow();
    db.close();

    const again = new Dexie(name);
    await again.open(); // no schema: opens whatever version is on disk
    expect(again.verno).toBe(1);
    expect(again.tables.map((t) => t.name)).not.toContain('programmes');
    expect(await again.table('items').toArray()).toEqual(before.items);
    expect(await again.table('follows').toArray()).toEqual(before.follows);
    expect(await again.table('notes').toArray()).toEqual(before.notes);
    again.close();
  });

  it('carries a user row of an unexpected shape over unchanged instead of failing', async () => {
    const name = await makeV1();
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    const odd = { key: 'item:odd', target: null, targetId: 'odd', createdAt: at(50) };
    await v1.table('follows').add(odd);
    v1.close();
    const db = new LensDb(name);
    await db.open();
    expect(await db.follows.get('item:odd')).toEqual(odd);
    expect(await db.follows.count()).toBe(sampleFollows().length + extraFollows.length + 1);
    db.close();
  });

  it('opens a fresh database at v2 with the new tables', async () => {
    const name = `${DB_NAME}-upgrade-test-${n++}`;
    names.push(name);
    const db = new LensDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['changes', 'figures', 'follows', 'items', 'meta', 'notes', 'places', 'programmes', 'series', 'sightings', 'sources', 'units'].sort(),
    );
    db.close();
  });
});
