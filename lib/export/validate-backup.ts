/**
 * Complete validation of a JSON backup: every row checked before anything is written, by the
 * same row validators every other door uses (lib/rows/rows.ts). Times later than now, or than
 * the backup's own export time (plus a small skew), are clamped, so a file from a clock that ran
 * ahead cannot win every later merge.
 */
import { followKey, sightingKey } from '../db/keys';
import type { Follow, Note, Sighting } from '../types/records';
import { EARLIEST_TIME, type Ctx } from '../rows/fields';
import { follow, note, sighting } from '../rows/rows';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup';
import { arr, asImportError, ImportError, invalid, obj, str, uniqueBy } from './check';

export { follow, note, passageAnchor, sighting, targetRef } from '../rows/rows';

/** The backup typed, or an ImportError naming the first bad field; `onClamp` hears of every time set back to now. */
export function validateBackup(x: unknown, now = Date.now(), onClamp?: (path: string) => void): Backup {
  const root = obj(x, '$', ['format', 'version'], [], false);
  if (root.format !== BACKUP_FORMAT) throw new ImportError('wrongFormat', `format is ${JSON.stringify(root.format)}, expected ${BACKUP_FORMAT}`, '$.format');
  if (root.version !== BACKUP_VERSION) throw new ImportError('wrongVersion', `version ${JSON.stringify(root.version)}; this extension reads version ${BACKUP_VERSION}`, '$.version');
  const o = obj(x, '$', ['format', 'version', 'exportedAt', 'dataset', 'notes', 'follows', 'sightings']);
  const exportedAt = str(o.exportedAt, '$.exportedAt', { max: 100 });
  const exportedMs = Date.parse(exportedAt);
  if (Number.isNaN(exportedMs)) throw invalid('$.exportedAt', 'not an ISO date');
  if (exportedMs < EARLIEST_TIME) throw invalid('$.exportedAt', 'before 2000: not a time this extension wrote');
  let dataset: Backup['dataset'] = null;
  if (o.dataset !== null) {
    const d = obj(o.dataset, '$.dataset', ['version', 'hash']);
    dataset = { version: str(d.version, '$.dataset.version', { max: 100 }), hash: str(d.hash, '$.dataset.hash', { max: 100 }) };
  }
  // No row of a backup is newer than the backup itself: times are bounded by its export time (when
  // that is in the past), so importing the same file again later does not beat edits made since.
  const ctx: Ctx = { now: Math.min(now, exportedMs), clampFuture: true, ...(onClamp ? { onClamp } : {}) };
  const notes: Note[] = asImportError(() => arr(o.notes, '$.notes', (v, p) => note(v, p, ctx)));
  const follows: Follow[] = asImportError(() => arr(o.follows, '$.follows', (v, p) => follow(v, p, ctx)));
  const sightings: Sighting[] = asImportError(() => arr(o.sightings, '$.sightings', (v, p) => sighting(v, p, ctx)));
  uniqueBy(notes, '$.notes', (n) => n.id);
  uniqueBy(follows, '$.follows', (f) => followKey(f.target));
  uniqueBy(sightings, '$.sightings', (s) => sightingKey(s.targetId, s.canonicalUrl));
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, dataset, notes, follows, sightings };
}
