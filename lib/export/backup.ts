/**
 * The JSON backup: every note, follow and sighting exactly as stored, plus which dataset they
 * were made against. Lossless by construction (rows are copied, not re-shaped), so export →
 * wipe → import gives back identical tables.
 */
import type { Follow, Note, Sighting } from '../types/records';
import type { LensDb } from '../db/schema';

export const BACKUP_FORMAT = 'minsheng-lens/backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  /** The dataset installed when exporting (ids in the rows refer to it), or null before seeding. */
  dataset: { version: string; hash: string } | null;
  notes: Note[];
  follows: Follow[];
  sightings: Sighting[];
}

/** The user's rows, read in one transaction so the three lists agree with each other. */
export async function exportBackup(db: LensDb, now = Date.now()): Promise<Backup> {
  return db.transaction('r', [db.meta, db.notes, db.follows, db.sightings], async () => {
    const [meta, notes, follows, sightings] = await Promise.all([db.meta.get('dataset'), db.notes.toArray(), db.follows.toArray(), db.sightings.toArray()]);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(now).toISOString(),
      dataset: meta ? { version: meta.meta.version, hash: meta.meta.hash } : null,
      notes,
      follows,
      sightings,
    };
  });
}

export const backupToJson = (b: Backup): string => JSON.stringify(b, null, 2) + '\n';

/** File names carry the date so several backups sort and do not overwrite each other. */
export function exportFileName(kind: 'backup' | 'notes' | 'sightings' | 'annotations' | 'sources' | 'coverage', ext: string, now = Date.now()): string {
  const d = new Date(now);
  const stamp = `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}-${String(d.getHours()).padStart(2, '0')}${String(d.getMinutes()).padStart(2, '0')}`;
  return `minsheng-lens-${kind}-${stamp}.${ext}`;
}
