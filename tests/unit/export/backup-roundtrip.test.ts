import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LensDb } from '../../../lib/db/schema';
import { seedDataset } from '../../../lib/db/seed';
import { backupToJson, exportBackup } from '../../../lib/export/backup';
import { applyImport, parseImport, parseJson, previewImport, readImportFile, wipeUserData, MAX_IMPORT_BYTES } from '../../../lib/export/import';
import { ImportError } from '../../../lib/export/check';
import { follow } from '../../../lib/db/user-data';
import { tinyDataset } from '../../helpers/tiny-dataset';
import { addSampleRows, at, sampleNotes, userTables } from '../../helpers/user-rows';

let db: LensDb;
let n = 0;
beforeEach(async () => {
  db = new LensDb(`backup-test-${n++}`);
  await db.open();
  await seedDataset(db, tinyDataset('1.0.0', 'hash-v1'));
});
afterEach(async () => {
  await db.delete();
});

const fileOf = (text: string) => new Blob([text], { type: 'application/json' });

async function importText(text: string) {
  const parsed = await readImportFile(fileOf(text));
  return applyImport(db, parsed.rows);
}

function errorOf(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('JSON backup', () => {
  it('carries the format id, version, dataset and export time', async () => {
    await addSampleRows(db);
    const b = await exportBackup(db, at(100));
    expect(b).toMatchObject({ format: 'minsheng-lens/backup', version: 1, exportedAt: new Date(at(100)).toISOString(), dataset: { version: '1.0.0', hash: 'hash-v1' } });
    expect(b.notes).toHaveLength(3);
    expect(b.follows).toHaveLength(2);
    expect(b.sightings).toHaveLength(3);
  });

  it('round-trips: export → wipe → import gives identical tables', async () => {
    await addSampleRows(db);
    const before = await userTables(db);
    const json = backupToJson(await exportBackup(db));
    await wipeUserData(db);
    expect(await db.notes.count()).toBe(0);
    const summary = await importText(json);
    expect(summary).toEqual({ notes: { added: 3, updated: 0, unchanged: 0 }, follows: { added: 2, updated: 0, unchanged: 0 }, sightings: { added: 3, updated: 0, unchanged: 0 }, overwrites: [] });
    expect(await userTables(db)).toEqual(before);
    // and the second export is the same file, apart from the time
    const again = JSON.parse(backupToJson(await exportBackup(db))) as Record<string, unknown>;
    const first = JSON.parse(json) as Record<string, unknown>;
    expect({ ...again, exportedAt: 0 }).toEqual({ ...first, exportedAt: 0 });
  });

  it('is idempotent: importing the same file again changes nothing and duplicates nothing', async () => {
    await addSampleRows(db);
    const json = backupToJson(await exportBackup(db));
    const summary = await importText(json);
    expect(summary.notes).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(summary.sightings).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(await db.notes.count()).toBe(3);
  });

  it('merges by id: the later edit of a note wins, sightings combine, the earlier follow stays', async () => {
    await addSampleRows(db);
    const backup = await exportBackup(db);
    // the file has a newer edit of note 1 and an older one of note 3
    backup.notes[0]!.body = '更新后的笔记';
    backup.notes[0]!.updatedAt = at(500);
    const localNewer = await db.notes.get('n-astral');
    await db.notes.put({ ...localNewer!, body: '本地更新', updatedAt: at(600) });
    backup.sightings[0]!.lastSeen = at(900);
    backup.sightings[0]!.visits = 1;
    backup.follows[0]!.createdAt = at(50);
    const parsed = parseImport(JSON.parse(backupToJson(backup)));
    expect(await previewImport(db, parsed.rows)).toEqual({
      notes: { added: 0, updated: 1, unchanged: 2 },
      follows: { added: 0, updated: 0, unchanged: 2 },
      sightings: { added: 0, updated: 1, unchanged: 2 },
      // the user's own rows the file replaces are named before anything is written
      overwrites: [
        { table: 'notes', key: sampleNotes()[0]!.id, label: sampleNotes()[0]!.body },
        { table: 'sightings', key: backup.sightings[0]!.key, label: `mw2023-002 · ${backup.sightings[0]!.title}` },
      ],
    });
    await applyImport(db, parsed.rows);
    expect((await db.notes.get(sampleNotes()[0]!.id))?.body).toBe('更新后的笔记');
    expect((await db.notes.get('n-astral'))?.body).toBe('本地更新');
    const s = await db.sightings.get(backup.sightings[0]!.key);
    expect(s).toMatchObject({ firstSeen: at(0), lastSeen: at(900), visits: 3 });
    expect((await db.follows.get('item:mw2023-002'))?.createdAt).toBe(at(1));
  });

  it("keeps a follow's list (programme, year) through export and import, and refuses a bad one", async () => {
    await follow(db, { kind: 'item', id: 'mw2023-002' }, at(3));
    const row = await db.follows.get('item:mw2023-002');
    expect(row).toMatchObject({ programme: 'minsheng-weishishi', year: 2023 });
    const json = backupToJson(await exportBackup(db));
    await wipeUserData(db);
    await importText(json);
    expect(await db.follows.get('item:mw2023-002')).toEqual(row);
    const bad = JSON.parse(json) as { follows: Record<string, unknown>[] };
    bad.follows[0]!.year = '2023';
    expect(errorOf(() => parseImport(bad)).path).toBe('$.follows[0].year');
    bad.follows[0]!.year = 2023;
    bad.follows[0]!.programme = 'minsheng-weishishi-2023';
    expect(errorOf(() => parseImport(bad)).path).toBe('$.follows[0].programme');
  });

  it('preview writes nothing', async () => {
    const rows = parseImport(JSON.parse(backupToJson({ ...(await exportBackup(db)), notes: sampleNotes() }))).rows;
    expect((await previewImport(db, rows)).notes.added).toBe(3);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('refusing bad files, with nothing written', () => {
  const valid = async () => {
    await addSampleRows(db);
    const b = await exportBackup(db);
    await wipeUserData(db);
    return b;
  };

  it('refuses files over 100 MB before reading them', async () => {
    const huge = { size: MAX_IMPORT_BYTES + 1, text: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    await expect(readImportFile(huge)).rejects.toMatchObject({ code: 'tooLarge' });
  });

  it('tells a truncated file from one that is not JSON at all', async () => {
    const json = backupToJson(await valid());
    expect(errorOf(() => parseJson(json.slice(0, json.length / 2))).code).toBe('truncated');
    expect(errorOf(() => parseJson('<html>not json</html>')).code).toBe('notJson');
    expect(errorOf(() => parseJson('   ')).code).toBe('empty');
  });

  it('refuses another format and another version', async () => {
    const b = await valid();
    expect(errorOf(() => parseImport({ ...b, format: 'something/else' })).code).toBe('wrongFormat');
    expect(errorOf(() => parseImport({ ...b, version: 2 })).code).toBe('wrongVersion');
    expect(errorOf(() => parseImport({ hello: 'world' })).code).toBe('wrongFormat');
    expect(errorOf(() => parseImport(tinyDataset('2.0.0', 'h'))).message).toMatch(/dataset file/);
  });

  it('names the exact field that is wrong', async () => {
    const b = await valid();
    const bad = JSON.parse(backupToJson(b)) as { notes: Record<string, unknown>[]; sightings: Record<string, unknown>[] };
    const k = bad.notes.findIndex((x) => x.id === 'n-astral');
    (bad.notes[k]!.anchor as { position: { start: unknown } }).position.start = '4';
    const e = errorOf(() => parseImport(bad));
    expect(e.code).toBe('invalid');
    expect(e.path).toBe(`$.notes[${k}].anchor.position.start`);

    const bad2 = JSON.parse(backupToJson(b)) as { sightings: Record<string, unknown>[] };
    bad2.sightings[1]!.key = 'wrong';
    expect(errorOf(() => parseImport(bad2)).path).toBe('$.sightings[1].key');

    const dup = JSON.parse(backupToJson(b)) as { notes: unknown[] };
    dup.notes.push(dup.notes[0]);
    expect(errorOf(() => parseImport(dup)).message).toMatch(/\$\.notes\[3\].*duplicate/);
  });

  it('writes nothing when any row is bad, even if the others are fine', async () => {
    const b = await valid();
    const bad = JSON.parse(backupToJson(b)) as { follows: Record<string, unknown>[] };
    bad.follows[1]!.createdAt = 'yesterday';
    await expect(importText(JSON.stringify(bad))).rejects.toMatchObject({ code: 'invalid', path: '$.follows[1].createdAt' });
    expect(await db.notes.count()).toBe(0);
    expect(await db.sightings.count()).toBe(0);
  });
});
