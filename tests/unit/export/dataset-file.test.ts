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

const DROPPED = 'wm2025-zhangzhe-shitang';

/** The bundled dataset with items 23 and 24 reported in progress later and one 2025 item dropped, re-hashed. */
async function newer(): Promise<Dataset> {
  const d = structuredClone(bundledDataset);
  d.meta.version = '2.1.0';
  for (const i of d.items) {
    if (i.seq !== 23 && i.seq !== 24) continue;
    i.statusHistory.push({ status: 'in_progress', asOf: '2024-06-01', source: i.source, note: '复查' });
    Object.assign(i, { status: 'in_progress', statusAsOf: '2024-06-01', statusNote: '复查' });
  }
  d.items = d.items.filter((i) => i.id !== DROPPED);
  d.programmes.find((p) => p.id === 'weiminbanshishi-2025')!.known = 0;
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
    await follow(db, { kind: 'item', id: DROPPED });
    await saveNote(db, { body: '看这里', target: { kind: 'item', id: DROPPED } });
    const d = await validateDatasetFile(JSON.parse(JSON.stringify(await newer())));
    const p = await previewDataset(db, d);
    expect(p.fromVersion).toBe('2.0.0');
    expect(p.statusChanges.map((c) => [c.item.seq, c.followed, c.from, c.to])).toEqual([
      [24, true, 'completed', 'in_progress'],
      [23, false, 'completed', 'in_progress'],
    ]);
    expect(p.removed).toEqual([{ id: DROPPED, name: bundledDataset.items.find((i) => i.id === DROPPED)!.name, programme: 'weiminbanshishi', year: 2025, followed: true, notes: 1 }]);
    expect((await applyDataset(db, p)).kind).toBe('upgraded');
    expect(await db.follows.count()).toBe(2);
    expect(await db.notes.count()).toBe(1);
    expect([...(await changedFollows(db))]).toEqual([['mw2023-024', { from: 'completed', to: 'in_progress' }]]);
  });
});
