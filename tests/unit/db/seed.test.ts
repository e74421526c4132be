import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findOrphans, getDatasetSummary } from '../../../lib/db/queries';
import { LensDb } from '../../../lib/db/schema';
import { seedDataset } from '../../../lib/db/seed';
import { tinyDataset, tinyItem } from '../../helpers/tiny-dataset';
import { addSampleRows, userTables } from '../../helpers/user-rows';

let db: LensDb;
let n = 0;
beforeEach(async () => {
  db = new LensDb(`seed-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const v1 = tinyDataset('1.0.0', 'hash-v1');
// v2: item 2 removed, item 3's status changed, item 4 added
const v2 = tinyDataset('2.0.0', 'hash-v2', [
  tinyItem(1, 'gonganju', '公安局', '护校安园促和谐活动'),
  tinyItem(3, 'minzhengju', '民政局', '困难老年人家庭适老化改造项目', 'in_progress'),
  tinyItem(4, 'minzhengju', '民政局', '新增项目'),
]);

describe('seeding the dataset', () => {
  it('installs the reference rows and reports them in the summary', async () => {
    expect((await seedDataset(db, v1)).kind).toBe('installed');
    const summary = await getDatasetSummary(db);
    expect(summary).toMatchObject({ items: 3, units: 2, completed: 3, meta: { version: '1.0.0', hash: 'hash-v1' } });
    expect(summary?.source?.publisher).toBe('晋江经济报');
  });

  it('is idempotent: the same hash changes nothing', async () => {
    await seedDataset(db, v1, 100);
    expect((await seedDataset(db, v1, 200)).kind).toBe('unchanged');
    expect((await db.meta.get('dataset'))?.installedAt).toBe(100);
    expect(await db.items.count()).toBe(3);
    expect(await db.changes.count()).toBe(0);
  });

  it('upgrades v1 → v2 without touching notes, follows or sightings, and records what changed', async () => {
    await seedDataset(db, v1);
    await addSampleRows(db);
    const before = await userTables(db);

    const outcome = await seedDataset(db, v2);

    expect(outcome.kind).toBe('upgraded');
    expect(await userTables(db)).toEqual(before);
    expect((await db.items.toArray()).map((i) => i.id)).toEqual(['mw2023-001', 'mw2023-003', 'mw2023-004']);
    const [change] = await db.changes.toArray();
    expect(change).toMatchObject({
      fromVersion: '1.0.0',
      toVersion: '2.0.0',
      removedItemIds: ['mw2023-002'],
      statusChanges: [{ itemId: 'mw2023-003', from: 'completed', to: 'in_progress' }],
    });
  });

  it('keeps and flags follows and notes whose item disappeared', async () => {
    await seedDataset(db, v1);
    await addSampleRows(db);
    await seedDataset(db, v2);
    const orphans = await findOrphans(db);
    expect(orphans.follows.map((f) => f.targetId)).toEqual(['mw2023-002']);
    expect(orphans.notes.map((n) => n.targetId)).toEqual(['mw2023-002']);
    expect(await db.follows.get('item:mw2023-002')).toBeDefined();
  });

  it('never replaces a newer dataset the user imported with an older bundled one', async () => {
    await seedDataset(db, v2);
    expect(await seedDataset(db, v1)).toEqual({ kind: 'kept-newer', version: '2.0.0' });
    expect((await db.meta.get('dataset'))?.meta.version).toBe('2.0.0');
    expect((await seedDataset(db, v1, 0, { allowDowngrade: true })).kind).toBe('upgraded');
  });

  it('leaves the old data usable when an upgrade fails half-way', async () => {
    await seedDataset(db, v1);
    // The second item has no key: IndexedDB refuses it after the tables were cleared and the first rows written.
    const broken = tinyDataset('3.0.0', 'hash-v3', [tinyItem(1, 'gonganju', '公安局', 'a'), tinyItem(2, 'gonganju', '公安局', 'no id')]);
    (broken.items[1] as { id?: string }).id = undefined;
    await expect(seedDataset(db, broken)).rejects.toThrow();
    expect((await db.meta.get('dataset'))?.meta.version).toBe('1.0.0');
    expect(await db.items.count()).toBe(3);
  });
});
