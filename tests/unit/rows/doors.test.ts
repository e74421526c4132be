/**
 * Issue 11, item 10: one validator per kind of stored row, whichever door a row comes in by. For
 * hundreds of seeded rows — valid ones with one field changed to something odd — the backup
 * importer accepts a row exactly when the database (its write guard) accepts it; so nothing can
 * be imported that a later backup of it could not restore, and nothing stored is refused on restore.
 * (Times ahead of the clock are left out: an import sets them to now, a write of ours refuses them.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LensDb } from '../../../lib/db/schema';
import { ImportError } from '../../../lib/export/check';
import { validateBackup } from '../../../lib/export/validate-backup';
import { sampleFollows, sampleNotes, sampleSightings } from '../../helpers/user-rows';
import { NASTY, pick, rng } from '../match/random';

const CASES = 400;
const ODD: unknown[] = [
  '', ' ', 'x'.repeat(201), 'y'.repeat(10_001), 'javascript:alert(1)', 'https://a.cn/a b', 'https://a.cn/\u0007', 'http://例子.cn/路径', 'ftp://a.cn/',
  -1, 0, 1.5, 2e9, 946_684_800_000, Date.UTC(2010, 0, 1), Date.UTC(2300, 0, 1), null, [], {}, ['a b'], ['#t'], ['ok', 'ok'], ['好'],
  'completed', 'done', 'item', 'place', 'mw2023-002', ...NASTY,
];

type Row = Record<string, unknown>;

/** Every (object, key) under a row, to change one field anywhere in it. */
function fields(row: Row): [Row, string][] {
  const out: [Row, string][] = [];
  const walk = (o: Row) => {
    for (const k of Object.keys(o)) {
      out.push([o, k]);
      const v = o[k];
      if (v && typeof v === 'object' && !Array.isArray(v)) walk(v as Row);
    }
  };
  walk(row);
  return out;
}

let db: LensDb;
beforeAll(async () => {
  db = new LensDb('doors-test');
  await db.open();
});
afterAll(() => db.delete());

describe('every door applies the same row rules', () => {
  it(`${CASES} rows: the backup importer accepts a row exactly when the database accepts it`, async () => {
    const r = rng(7_301);
    const tally = { accepted: 0, refused: 0 };
    for (let i = 0; i < CASES; i++) {
      const table = pick(r, ['notes', 'follows', 'sightings'] as const);
      const base = structuredClone(pick<Row>(r, (table === 'notes' ? sampleNotes() : table === 'follows' ? sampleFollows() : sampleSightings()) as unknown as Row[]));
      const [owner, key] = pick(r, fields(base));
      const how = r();
      if (how < 0.1) {
        // unchanged: a valid row
      } else if (how < 0.22) delete owner[key];
      else owner[key] = structuredClone(pick(r, ODD));

      let byImport = true;
      try {
        validateBackup({ format: 'minsheng-lens/backup', version: 1, exportedAt: new Date().toISOString(), dataset: null, notes: [], follows: [], sightings: [], [table]: [base] });
      } catch (err) {
        expect(err, `case ${i}`).toBeInstanceOf(ImportError);
        byImport = false;
      }
      let byDatabase = true;
      try {
        await db.table(table).put(base);
      } catch {
        byDatabase = false;
      }
      await db.table(table).clear();
      expect(byDatabase, `case ${i}: ${table}.${key} = ${JSON.stringify(owner[key])?.slice(0, 40)}`).toBe(byImport);
      tally[byImport ? 'accepted' : 'refused']++;
    }
    expect(tally.accepted).toBeGreaterThan(CASES / 10);
    expect(tally.refused).toBeGreaterThan(CASES / 2);
  });
});
