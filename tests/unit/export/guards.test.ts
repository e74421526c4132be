/** Issue 11, item 11: the lesser kinds of fault, each with its own check. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LensDb } from '../../../lib/db/schema';
import { seedDataset } from '../../../lib/db/seed';
import { saveNote } from '../../../lib/db/user-data';
import { backupToJson, exportBackup } from '../../../lib/export/backup';
import { ImportError } from '../../../lib/export/check';
import { csvCell } from '../../../lib/export/csv';
import { applyImport, parseImport, previewImport, readImportFile } from '../../../lib/export/import';
import { notesMarkdown, safeUrl } from '../../../lib/export/markdown';
import { notesToAnnotationCollection } from '../../../lib/export/w3c';
import { FUTURE_SKEW_MS } from '../../../lib/rows/fields';
import { tinyDataset } from '../../helpers/tiny-dataset';
import { addSampleRows, at, sampleNotes, userTables } from '../../helpers/user-rows';

let db: LensDb;
let n = 0;
beforeEach(async () => {
  db = new LensDb(`guards-test-${n++}`);
  await db.open();
  await seedDataset(db, tinyDataset('1.0.0', 'hash-v1'));
});
afterEach(() => db.delete());

const NOW = at(10_000);
const YEAR_2150 = Date.UTC(2150, 0, 1);

function errorOf(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

async function backupWith(edit: (b: Awaited<ReturnType<typeof exportBackup>>) => void) {
  await addSampleRows(db);
  const b = JSON.parse(backupToJson(await exportBackup(db, at(9_000)))) as Awaited<ReturnType<typeof exportBackup>>;
  edit(b);
  return b;
}

describe('dates in the future', () => {
  it('are clamped on import, and the preview names the rows the file would overwrite', async () => {
    const b = await backupWith((b) => {
      b.exportedAt = new Date(YEAR_2150).toISOString();
      b.notes[0]!.body = '来自未来的笔记';
      b.notes[0]!.updatedAt = YEAR_2150;
    });
    const parsed = parseImport(b, NOW);
    expect(parsed.clamped).toEqual(['$.notes[0].updatedAt']);
    expect(parsed.rows.notes[0]!.updatedAt).toBe(NOW + FUTURE_SKEW_MS);
    const summary = await previewImport(db, parsed.rows);
    // named by the user's own copy, the one that would be replaced
    expect(summary.overwrites).toEqual([{ table: 'notes', key: sampleNotes()[0]!.id, label: sampleNotes()[0]!.body }]);
  });

  it('in a backup are bounded by its own export time, so the same file imported again does not beat later edits', async () => {
    const b = await backupWith((b) => {
      b.notes[0]!.updatedAt = YEAR_2150;
    });
    const first = parseImport(b, NOW);
    expect(first.rows.notes[0]!.updatedAt).toBe(at(9_000) + FUTURE_SKEW_MS);
    await applyImport(db, first.rows);
    // The user edits the note after importing; the same file imported later leaves the edit alone.
    const mine = (await db.notes.get(sampleNotes()[0]!.id))!;
    await db.notes.put({ ...mine, body: '我后来改的', updatedAt: at(9_100) });
    const again = await applyImport(db, parseImport(b, at(20_000)).rows);
    expect(again.notes.updated).toBe(0);
    expect((await db.notes.get(mine.id))?.body).toBe('我后来改的');
  });

  it('before 2000 or after 2200 are refused with the field named, in both doors', () => {
    const w3c = notesToAnnotationCollection(sampleNotes(), 'x', at(0));
    w3c.first.items[1]!.modified = '+275760-09-13T00:00:00.000Z';
    expect(errorOf(() => parseImport(w3c, NOW)).path).toBe('$.first.items[1].modified');
    const old = notesToAnnotationCollection(sampleNotes(), 'x', at(0));
    old.first.items[0]!.created = '1970-01-01T00:00:00.000Z';
    expect(errorOf(() => parseImport(old, NOW)).path).toBe('$.first.items[0].created');
  });
});

describe('imported addresses', () => {
  it('are http or https only, without whitespace or control characters', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'https://a.cn/x\u0000y', 'https://a.cn/x y', 'https://a.cn/\ny', 'relative/path']) {
      const b = await backupWith((b) => {
        b.sightings[0]!.url = url;
      });
      expect(errorOf(() => parseImport(b, NOW)).path).toBe('$.sightings[0].url');
      await db.delete();
      await db.open();
      const w3c = notesToAnnotationCollection(sampleNotes(), 'x', at(0));
      (w3c.first.items[0]!.target as { source: string }).source = url;
      expect(errorOf(() => parseImport(w3c, NOW)).path).toBe('$.first.items[0].target.source');
    }
  });

  it('the Markdown export links only to addresses without whitespace', () => {
    expect(safeUrl('https://a.cn/x y')).toBe('');
    expect(safeUrl('https://a.cn/x\ty')).toBe('');
    expect(safeUrl('https://a.cn/x\u3000y')).toBe('');
    expect(safeUrl('https://a.cn/x(1)')).toBe('https://a.cn/x%281%29');
    expect(safeUrl('javascript:alert(1)')).toBe('');
    const note = { ...sampleNotes()[0]!, anchor: { ...sampleNotes()[0]!.anchor!, url: 'https://a.cn/x "title"', canonicalUrl: 'https://a.cn/x "title"' }, pageUrl: 'https://a.cn/x "title"' };
    const md = notesMarkdown([note], { locale: 'en', names: new Map() });
    expect(md).not.toMatch(/\]\(https:\/\/a\.cn/);
  });
});

describe('the CSV formula guard', () => {
  it('defuses cells starting with a line feed, a space or a pipe, and quotes cells with a semicolon', () => {
    for (const s of ['\n=1+1', ' =1+1', '|cmd', '\r=1', '\t@x']) expect(csvCell(s).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('普通文字')).toBe('普通文字');
  });
});

describe('W3C ids', () => {
  it('a bad percent escape names the field instead of "unknown error"', () => {
    const w3c = notesToAnnotationCollection(sampleNotes(), 'x', at(0));
    w3c.first.items[2]!.id = 'urn:minsheng-lens:note:%E0%A4%A';
    const e = errorOf(() => parseImport(w3c, NOW));
    expect(e.code).toBe('invalid');
    expect(e.path).toBe('$.first.items[2].id');
    expect(e.detail).toMatch(/percent/);
  });
});

describe('text that is not UTF-8', () => {
  it('is refused, not read as garbage', async () => {
    const json = backupToJson(await exportBackup(db, at(0)));
    const gbk = new Uint8Array([0x7b, 0x22, 0xc4, 0xe3, 0xba, 0xc3, 0x22, 0x7d]); // {"你好"} in GBK
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...json].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    for (const bytes of [gbk, utf16]) await expect(readImportFile(new Blob([bytes]))).rejects.toMatchObject({ code: 'notUtf8' });
    // UTF-8 with or without a byte order mark is read.
    await expect(readImportFile(new Blob([new TextEncoder().encode(`\uFEFF${json}`)]))).resolves.toMatchObject({ kind: 'backup' });
  });
});

describe('a note saved twice under one id', () => {
  it('is one note: the database refuses a second row with the same id, the background answers the first', async () => {
    const input = { body: '一次', target: { kind: 'item' as const, id: 'mw2023-002' } };
    await saveNote(db, input, at(1), '3f2504e0-4f89-41d3-9a0c-0305e82c3301');
    await expect(saveNote(db, input, at(2), '3f2504e0-4f89-41d3-9a0c-0305e82c3301')).rejects.toThrow();
    expect(await db.notes.count()).toBe(1);
  });
});

describe('the database guard', () => {
  it('refuses a row no door would accept, whoever writes it, and keeps what was there', async () => {
    await addSampleRows(db);
    const before = await userTables(db);
    const note = sampleNotes()[0]!;
    await expect(db.notes.put({ ...note, tags: [''] })).rejects.toThrow(/tags\[0\]/);
    await expect(db.notes.put({ ...note, anchor: { ...note.anchor!, url: 'javascript:alert(1)' } })).rejects.toThrow(/anchor\.url/);
    await expect(db.notes.update(note.id, { updatedAt: YEAR_2150 })).rejects.toThrow(/future/);
    await expect(db.sightings.bulkPut([{ ...before.sightings[0]!, visits: 0 }])).rejects.toThrow(/visits/);
    await expect(db.follows.add({ key: 'item:x', target: { kind: 'item', id: 'x' }, targetId: 'x', createdAt: 0 })).rejects.toThrow(/createdAt/);
    expect(await userTables(db)).toEqual(before);
  });
});
