/**
 * Importing a backup or W3C annotations: read (size first), parse, validate every row, show
 * a summary, then apply in ONE transaction. Merging is by id and idempotent (importing the
 * same file twice changes nothing the second time):
 * - notes: a new id is added; for a known id the copy with the later `updatedAt` wins
 *   (a tie keeps the local copy);
 * - follows: one per target; the earlier follow wins (its date and `statusWhenFollowed`);
 * - sightings: one per item and page; first seen = the earlier, last seen and visits = the
 *   larger, page details from the more recent sighting.
 */
import type { Follow, Note, Sighting } from '../types/records';
import type { LensDb } from '../db/schema';
import { BACKUP_FORMAT } from './backup';
import { ImportError } from './check';
import { validateBackup } from './validate-backup';
import { annotationsToNotes } from './w3c-import';

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export interface UserRows {
  notes: Note[];
  follows: Follow[];
  sightings: Sighting[];
}

export interface ParsedImport {
  kind: 'backup' | 'annotations';
  rows: UserRows;
  /** The dataset the backup was made against (backups only). */
  dataset?: { version: string; hash: string } | null;
}

/** Parses JSON, telling a cut-off file from one that was never JSON. */
export function parseJson(text: string): unknown {
  if (!text.trim()) throw new ImportError('empty', 'the file is empty');
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    // V8 names the position of the error: at the end of the text (trailing spaces aside) the file was cut off.
    const at = /at position (\d+)/.exec(msg);
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const truncated = /end of (json )?input|unterminated|unexpected end/i.test(msg) || (at !== null && Number(at[1]) >= body.trimEnd().length);
    throw new ImportError(truncated ? 'truncated' : 'notJson', msg);
  }
}

/** Refuses files over the limit before reading a byte of them. */
export async function readJsonFile(file: Blob): Promise<unknown> {
  if (file.size > MAX_IMPORT_BYTES) throw new ImportError('tooLarge', `${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 100 MB`);
  return parseJson(await file.text());
}

/** A backup or annotation document, fully validated; throws ImportError otherwise. */
export function parseImport(x: unknown, now = Date.now()): ParsedImport {
  if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
    const o = x as Record<string, unknown>;
    if ('meta' in o && 'items' in o && 'units' in o) throw new ImportError('wrongFormat', 'this is a dataset file: use "Import a newer dataset"');
    if ('format' in o) {
      if (o.format !== BACKUP_FORMAT) throw new ImportError('wrongFormat', `format is ${JSON.stringify(o.format)}, expected ${BACKUP_FORMAT}`, '$.format');
      const b = validateBackup(x);
      return { kind: 'backup', rows: { notes: b.notes, follows: b.follows, sightings: b.sightings }, dataset: b.dataset };
    }
    if (!('type' in o)) throw new ImportError('wrongFormat', 'neither a Minsheng Lens backup nor W3C Web Annotations');
  }
  return { kind: 'annotations', rows: { notes: annotationsToNotes(x, now), follows: [], sightings: [] } };
}

export async function readImportFile(file: Blob, now = Date.now()): Promise<ParsedImport> {
  return parseImport(await readJsonFile(file), now);
}

// ── merging ────────────────────────────────────────────────────────────────

export interface TableSummary {
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  notes: TableSummary;
  follows: TableSummary;
  sightings: TableSummary;
}

/** Deep equality for plain JSON-shaped rows (key order does not matter). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export const mergeNote = (local: Note, incoming: Note): Note => (incoming.updatedAt > local.updatedAt ? incoming : local);

export const mergeFollow = (local: Follow, incoming: Follow): Follow => (incoming.createdAt < local.createdAt ? incoming : local);

export function mergeSighting(local: Sighting, incoming: Sighting): Sighting {
  const recent = incoming.lastSeen > local.lastSeen ? incoming : local;
  const older = recent === incoming ? local : incoming;
  // The sentence and the page's meta are evidence: an older row's is kept when the recent one has none.
  const sentence = recent.sentence ?? older.sentence;
  const meta = recent.meta ?? older.meta;
  return {
    ...recent,
    ...(sentence === undefined ? {} : { sentence }),
    ...(meta === undefined ? {} : { meta }),
    firstSeen: Math.min(local.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(local.lastSeen, incoming.lastSeen),
    visits: Math.max(local.visits, incoming.visits),
  };
}

interface TablePlan<T> {
  summary: TableSummary;
  writes: T[];
}

function plan<T>(existing: readonly (T | undefined)[], incoming: readonly T[], merge: (l: T, i: T) => T): TablePlan<T> {
  const summary: TableSummary = { added: 0, updated: 0, unchanged: 0 };
  const writes: T[] = [];
  incoming.forEach((row, k) => {
    const local = existing[k];
    if (!local) {
      summary.added++;
      writes.push(row);
      return;
    }
    const merged = merge(local, row);
    if (same(merged, local)) summary.unchanged++;
    else {
      summary.updated++;
      writes.push(merged);
    }
  });
  return { summary, writes };
}

async function planAll(db: LensDb, rows: UserRows) {
  const [notes, follows, sightings] = await Promise.all([
    db.notes.bulkGet(rows.notes.map((n) => n.id)),
    db.follows.bulkGet(rows.follows.map((f) => f.key)),
    db.sightings.bulkGet(rows.sightings.map((s) => s.key)),
  ]);
  return {
    notes: plan(notes, rows.notes, mergeNote),
    follows: plan(follows, rows.follows, mergeFollow),
    sightings: plan(sightings, rows.sightings, mergeSighting),
  };
}

const summaryOf = (p: Awaited<ReturnType<typeof planAll>>): ImportSummary => ({ notes: p.notes.summary, follows: p.follows.summary, sightings: p.sightings.summary });

/** What an import would do, without writing anything. */
export async function previewImport(db: LensDb, rows: UserRows): Promise<ImportSummary> {
  return db.transaction('r', [db.notes, db.follows, db.sightings], async () => summaryOf(await planAll(db, rows)));
}

/** Merges the rows in one transaction (re-planned inside it, so edits made meanwhile are respected). */
export async function applyImport(db: LensDb, rows: UserRows): Promise<ImportSummary> {
  return db.transaction('rw', [db.notes, db.follows, db.sightings], async () => {
    const p = await planAll(db, rows);
    await Promise.all([db.notes.bulkPut(p.notes.writes), db.follows.bulkPut(p.follows.writes), db.sightings.bulkPut(p.sightings.writes)]);
    return summaryOf(p);
  });
}

/** Removes every note, follow and sighting (reference data stays). */
export async function wipeUserData(db: LensDb): Promise<void> {
  await db.transaction('rw', [db.notes, db.follows, db.sightings], () => Promise.all([db.notes.clear(), db.follows.clear(), db.sightings.clear()]));
}
