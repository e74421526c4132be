/** Read helpers shared by the background and the extension pages. */
import type { DatasetSummary } from '../types/dataset-summary';
import type { Follow, Note } from '../types/records';
import type { LensDb } from './schema';


/** What the database actually holds (counted, not copied from meta), or null before seeding. */
export async function getDatasetSummary(db: LensDb): Promise<DatasetSummary | null> {
  return db.transaction('r', [db.meta, db.items, db.units, db.sources], async () => {
    const row = await db.meta.get('dataset');
    if (!row) return null;
    const [items, units, completed, sources] = await Promise.all([
      db.items.count(),
      db.units.count(),
      db.items.where('status').equals('completed').count(),
      db.sources.toArray(),
    ]);
    const source = sources[0];
    return {
      meta: row.meta,
      installedAt: row.installedAt,
      items,
      units,
      completed,
      source: source && { title: source.title, publisher: source.publisher, date: source.date, url: source.url },
    };
  });
}

export interface Orphans {
  follows: Follow[];
  notes: Note[];
}

/**
 * Follows and notes whose item or unit is no longer in the dataset. They are kept as they
 * are and shown flagged; this is how the UI finds them.
 */
export async function findOrphans(db: LensDb): Promise<Orphans> {
  return db.transaction('r', [db.items, db.units, db.follows, db.notes], async () => {
    const known = new Set<string>([
      ...((await db.items.toCollection().primaryKeys()) as string[]),
      ...((await db.units.toCollection().primaryKeys()) as string[]),
    ]);
    const follows = (await db.follows.toArray()).filter((f) => !known.has(f.targetId));
    const notes = (await db.notes.toArray()).filter((n) => n.target && !known.has(n.targetId));
    return { follows, notes };
  });
}
