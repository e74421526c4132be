import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../lib/data/dataset';
import { datasetHash } from '../../../lib/data/hash';
import type { Dataset } from '../../../lib/data/types';
import { LensDb } from '../../../lib/db/schema';
import { seedDataset } from '../../../lib/db/seed';
import { changedFollows, follow, saveNote } from '../../../lib/db/user-data';
import { applyDataset, compareVersions, previewDataset, validateDatasetFile } from '../../../lib/export/dataset-file';

let db: LensDb;
let n = 0;
beforeEach(async () => {
  db = new LensDb(`dataset-file-test-${n++}`);
  await db.open();
  await seedDataset(db, bundledDataset);
});
afterEach(async () => {
  await db.delete();
});

/** The bundled dataset with items 23 and 24 marked in progress and item 117 dropped, re-hashed. */
async function newer(): Promise<Dataset> {
  const d = structuredClone(bundledDataset);
  d.meta.version = '1.1.0';
  for (const i of d.items) if (i.seq === 23 || i.seq === 24) i.status = 'in_progress';
  d.items = d.items.filter((i) => i.seq !== 117);
  d.meta.counts = { ...d.meta.counts, items: d.items.length, completed: d.items.filter((i) => i.status === 'completed').length };
  d.meta.hash = await datasetHash(d);
  return d;
}

describe('importing a newer dataset file', () => {
  it('compares versions by semver', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
  });

  it('refuses a file whose hash does not match its content, naming the field', async () => {
    const d = await newer();
    d.items[0]!.name = '改过的名字';
    await expect(validateDatasetFile(d)).rejects.toMatchObject({ code: 'hashMismatch', path: '$.meta.hash' });
  });

  it('refuses a file that fails the schema, with the path', async () => {
    const d = structuredClone(await newer()) as unknown as { items: { status: string }[] };
    d.items[3]!.status = 'done';
    await expect(validateDatasetFile(d)).rejects.toMatchObject({ code: 'invalid', path: 'items[3].status' });
  });

  it('refuses a version that is not newer', async () => {
    await expect(previewDataset(db, bundledDataset)).rejects.toMatchObject({ code: 'notNewer' });
  });

  it('previews status changes with followed items first, then installs keeping user data and marking changed follows', async () => {
    await follow(db, { kind: 'item', id: 'mw2023-024' });
    await follow(db, { kind: 'item', id: 'mw2023-117' });
    await saveNote(db, { body: '看这里', target: { kind: 'item', id: 'mw2023-117' } });
    const d = await validateDatasetFile(JSON.parse(JSON.stringify(await newer())));
    const p = await previewDataset(db, d);
    expect(p.fromVersion).toBe('1.0.0');
    expect(p.statusChanges.map((c) => [c.item.seq, c.followed, c.from, c.to])).toEqual([
      [24, true, 'completed', 'in_progress'],
      [23, false, 'completed', 'in_progress'],
    ]);
    expect(p.removed).toEqual([{ id: 'mw2023-117', seq: 117, name: bundledDataset.items.find((i) => i.seq === 117)!.name, followed: true, notes: 1 }]);
    // it removes an item the user follows: installing needs a second yes
    expect(p.risks).toEqual({ removesKept: 1 });
    await expect(applyDataset(db, p, bundledDataset.meta.hash)).rejects.toThrow(/confirm again/);
    expect((await applyDataset(db, p, bundledDataset.meta.hash, true)).kind).toBe('upgraded');
    expect(await db.follows.count()).toBe(2);
    expect(await db.notes.count()).toBe(1);
    expect([...(await changedFollows(db))]).toEqual([['mw2023-024', { from: 'completed', to: 'in_progress' }]]);
  });
});

describe('a dataset file cannot rewrite the record behind the user’s back (issue 11, items 8 and 9)', () => {
  const known = { known: ['1.0.0'], now: Date.UTC(2026, 0, 1) };
  const withVersion = async (version: string) => {
    const d = structuredClone(bundledDataset);
    d.meta.version = version;
    d.meta.hash = await datasetHash(d);
    return JSON.parse(JSON.stringify(d)) as unknown;
  };

  it('refuses versions no release would carry, and facts dated in the future', async () => {
    await expect(validateDatasetFile(await withVersion('99999999999999999999.0.0'), known)).rejects.toMatchObject({ code: 'implausibleVersion', path: '$.meta.version' });
    await expect(validateDatasetFile(await withVersion('1.99999.0'), known)).rejects.toMatchObject({ code: 'implausibleVersion' });
    await expect(validateDatasetFile(await withVersion('3.0.0'), known)).rejects.toMatchObject({ code: 'implausibleVersion', detail: expect.stringMatching(/more than one major/) });
    await expect(validateDatasetFile(await withVersion('01.2.0'), known)).rejects.toMatchObject({ path: expect.stringMatching(/version/) });
    await expect(validateDatasetFile(await withVersion('1.2'), known)).rejects.toMatchObject({ path: expect.stringMatching(/version/) });
    expect((await validateDatasetFile(await withVersion('2.0.0'), known)).meta.version).toBe('2.0.0');
    const future = structuredClone(bundledDataset);
    future.meta.version = '1.1.0';
    future.items[4]!.statusAsOf = '2031-01-01';
    future.meta.hash = await datasetHash(future);
    await expect(validateDatasetFile(JSON.parse(JSON.stringify(future)), known)).rejects.toMatchObject({ code: 'invalid', path: 'items[4].statusAsOf' });
  });

  it('lists every followed or noted item whose name or status would change under its id', async () => {
    await follow(db, { kind: 'item', id: 'mw2023-010' });
    await saveNote(db, { body: '跟进', target: { kind: 'item', id: 'mw2023-011' } });
    await follow(db, { kind: 'item', id: 'mw2023-002' }); // before the dropped row: unchanged, not listed
    // A file that drops row 5 and moves every later project one row up under the old ids.
    const d = structuredClone(bundledDataset);
    d.meta.version = '1.1.0';
    const names = d.items.map((i) => i.name);
    d.items = d.items.slice(0, -1).map((i, k) => (k < 4 ? i : { ...i, name: names[k + 1]! }));
    d.items[9]!.status = 'in_progress';
    d.meta.counts = { ...d.meta.counts, items: d.items.length, completed: d.items.filter((i) => i.status === 'completed').length };
    d.meta.hash = await datasetHash(d);
    const p = await previewDataset(db, await validateDatasetFile(JSON.parse(JSON.stringify(d)), known));
    expect(p.identityChanges.map((c) => [c.item.id, c.followed, c.notes, c.changes.map((x) => x.field)])).toEqual([
      ['mw2023-010', true, 0, ['name', 'status']],
      ['mw2023-011', false, 1, ['name']],
    ]);
    expect(p.identityChanges[0]!.changes[0]).toEqual({ field: 'name', from: names[9], to: names[10] });
  });

  it('asks twice before a file that removes most items, and installs it only when asked twice', async () => {
    const d = structuredClone(bundledDataset);
    d.meta.version = '1.1.0';
    d.items = d.items.slice(0, 10);
    d.meta.counts = { ...d.meta.counts, items: 10, completed: 10 };
    d.meta.hash = await datasetHash(d);
    const p = await previewDataset(db, await validateDatasetFile(JSON.parse(JSON.stringify(d)), known));
    expect(p.risks).toEqual({ removesMost: { removed: 107, of: 117 } });
    await expect(applyDataset(db, p, bundledDataset.meta.hash)).rejects.toThrow(/confirm again/);
    expect(await db.items.count()).toBe(117);
    await applyDataset(db, p, bundledDataset.meta.hash, true);
    expect(await db.items.count()).toBe(10);
  });
});
