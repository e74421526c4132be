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
  const known = { known: [bundledDataset.meta.version], now: Date.UTC(2026, 0, 1) };
  const major = Number(bundledDataset.meta.version.split('.')[0]);
  /** A later status, as a dataset records it: a new history entry that becomes the current one. */
  const setStatus = (i: Dataset['items'][number], status: Dataset['items'][number]['status'], asOf = '2024-06-01') => {
    i.statusHistory.push({ status, asOf, source: i.source });
    Object.assign(i, { status, statusAsOf: asOf });
    delete i.statusNote;
  };
  const withVersion = async (version: string) => {
    const d = structuredClone(bundledDataset);
    d.meta.version = version;
    d.meta.hash = await datasetHash(d);
    return JSON.parse(JSON.stringify(d)) as unknown;
  };

  it('refuses versions no release would carry, and facts dated in the future', async () => {
    await expect(validateDatasetFile(await withVersion('99999999999999999999.0.0'), known)).rejects.toMatchObject({ code: 'implausibleVersion', path: '$.meta.version' });
    await expect(validateDatasetFile(await withVersion(`${major}.99999.0`), known)).rejects.toMatchObject({ code: 'implausibleVersion' });
    await expect(validateDatasetFile(await withVersion(`${major + 2}.0.0`), known)).rejects.toMatchObject({ code: 'implausibleVersion', detail: expect.stringMatching(/more than one major/) });
    await expect(validateDatasetFile(await withVersion(`0${major}.2.0`), known)).rejects.toMatchObject({ path: expect.stringMatching(/version/) });
    await expect(validateDatasetFile(await withVersion(`${major}.2`), known)).rejects.toMatchObject({ path: expect.stringMatching(/version/) });
    expect((await validateDatasetFile(await withVersion(`${major + 1}.0.0`), known)).meta.version).toBe(`${major + 1}.0.0`);
    const future = structuredClone(bundledDataset);
    future.meta.version = `${major}.9.0`;
    setStatus(future.items[4]!, 'in_progress', '2031-01-01');
    future.meta.counts.completed = future.items.filter((i) => i.status === 'completed').length;
    future.meta.hash = await datasetHash(future);
    await expect(validateDatasetFile(JSON.parse(JSON.stringify(future)), known)).rejects.toMatchObject({ code: 'invalid', path: 'items[4].statusAsOf' });
  });

  it('lists every followed or noted item whose name or status would change under its id', async () => {
    await follow(db, { kind: 'item', id: 'mw2023-010' });
    await saveNote(db, { body: '跟进', target: { kind: 'item', id: 'mw2023-011' } });
    await follow(db, { kind: 'item', id: 'mw2023-002' }); // before the dropped row: unchanged, not listed
    // A file that moves every project of the table after row 5 one row up under the old ids.
    const d = structuredClone(bundledDataset);
    d.meta.version = `${major}.9.0`;
    const table = d.items.filter((i) => i.year === 2023 && i.programme === 'minsheng-weishishi');
    const names = table.map((i) => i.name);
    table.forEach((i, k) => {
      if (k >= 4) i.name = names[(k + 1) % names.length]!;
    });
    setStatus(table[9]!, 'in_progress');
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
    // Installed now: a larger dataset (the bundled one and 400 more items of a later list).
    const bigger = structuredClone(bundledDataset);
    const model = bigger.items.find((i) => i.year === 2025)!;
    for (let k = 0; k < 400; k++) bigger.items.push({ ...model, id: `wm2026-extra-${k}`, year: 2026, name: `另一项目${k}`, keyphrases: [] });
    bigger.meta = { ...bigger.meta, version: `${major}.5.0`, hash: 'b'.repeat(64) };
    await seedDataset(db, bigger);
    const total = await db.items.count();
    const d = structuredClone(bundledDataset);
    d.meta.version = `${major}.9.0`;
    d.meta.hash = await datasetHash(d);
    const p = await previewDataset(db, await validateDatasetFile(JSON.parse(JSON.stringify(d)), known));
    expect(p.risks).toEqual({ removesMost: { removed: 400, of: total } });
    await expect(applyDataset(db, p, bundledDataset.meta.hash)).rejects.toThrow(/confirm again/);
    expect(await db.items.count()).toBe(total);
    await applyDataset(db, p, bundledDataset.meta.hash, true);
    expect(await db.items.count()).toBe(bundledDataset.items.length);
  });
});
