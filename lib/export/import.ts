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
  /** Paths of times later than now that were set back to now (a clock that ran ahead). */
  clamped: string[];
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

/** The bytes as UTF-8 text; anything else (UTF-16, GBK, binary) is refused, not read as garbage. */
export function decodeUtf8(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('notUtf8', 'the file is not UTF-8 text (saved in another encoding, or not text at all)');
  }
}

/** Refuses files over the limit before reading a byte of them, and files that are not UTF-8. */
export async function readJsonFile(file: Blob): Promise<unknown> {
  if (file.size > MAX_IMPORT_BYTES) throw new ImportError('tooLarge', `${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 100 MB`);
  return parseJson(decodeUtf8(await file.arrayBuffer()));
}

/** A backup or annotation document, fully validated; throws ImportError otherwise. */
export function parseImport(x: unknown, now = Date.now()): ParsedImport {
  const clamped: string[] = [];
  const onClamp = (path: string) => void clamped.push(path);
  if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
    const o = x as Record<string, unknown>;
    if ('meta' in o && 'items' in o && 'units' in o) throw new ImportError('wrongFormat', 'this is a dataset file: use "Import a newer dataset"');
    if ('format' in o) {
      if (o.format !== BACKUP_FORMAT) throw new ImportError('wrongFormat', `format is ${JSON.stringify(o.format)}, expected ${BACKUP_FORMAT}`, '$.format');
      const b = validateBackup(x, now, onClamp);
      return { kind: 'backup', rows: { notes: b.notes, follows: b.follows, sightings: b.sightings }, dataset: b.dataset, clamped };
    }
    if (!('type' in o)) throw new ImportError('wrongFormat', 'neither a Minsheng Lens backup nor W3C Web Annotations');
  }
  const notes = annotationsToNotes(x, now, onClamp);
  return { kind: 'annotations', rows: { notes, follows: [], sightings: [] }, clamped };
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

/** One of the user's rows an import would replace with the file's copy. */
export interface Overwrite {
  table: 'notes' | 'follows' | 'sightings';
  key: string;
  /** What the user would recognise: the note's text or quote, the followed id, the sighting's page. */
  label: string;
}

export interface ImportSummary {
  notes: TableSummary;
  follows: TableSummary;
  sightings: TableSummary;
  /** Every row of the user's that changes, so the user sees what is overwritten before importing. */
  overwrites: Overwrite[];
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
  /** The local rows that are replaced or changed. */
  replaced: T[];
}

function plan<T>(existing: readonly (T | undefined)[], incoming: readonly T[], merge: (l: T, i: T) => T): TablePlan<T> {
  const summary: TableSummary = { added: 0, updated: 0, unchanged: 0 };
  const writes: T[] = [];
  const replaced: T[] = [];
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
      replaced.push(local);
    }
  });
  return { summary, writes, replaced };
}

const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

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

const summaryOf = (p: Awaited<ReturnType<typeof planAll>>): ImportSummary => ({
  notes: p.notes.summary,
  follows: p.follows.summary,
  sightings: p.sightings.summary,
  overwrites: [
    ...p.notes.replaced.map((n): Overwrite => ({ table: 'notes', key: n.id, label: short(n.body || n.anchor?.quote.exact || n.id) })),
    ...p.follows.replaced.map((f): Overwrite => ({ table: 'follows', key: f.key, label: f.targetId })),
    ...p.sightings.replaced.map((s): Overwrite => ({ table: 'sightings', key: s.key, label: `${s.targetId} · ${short(s.title || s.url)}` })),
  ],
});

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
