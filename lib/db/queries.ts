/** Read helpers shared by the background and the extension pages. */
import type { DatasetSummary } from '../types/dataset-summary';
import type { Follow, Note } from '../types/records';
import type { LensDb } from './schema';


/** What the database actually holds (counted, not copied from meta), or null before seeding. */
export async function getDatasetSummary(db: LensDb): Promise<DatasetSummary | null> {
  return db.transaction('r', [db.meta, db.items, db.units, db.sources, db.programmes], async () => {
    const row = await db.meta.get('dataset');
    if (!row) return null;
    const [items, units, completed, sources, lists] = await Promise.all([
      db.items.count(),
      db.units.count(),
      db.items.where('status').equals('completed').count(),
      db.sources.toArray(),
      db.programmes.toArray(),
    ]);
    // Counted, not copied: `known` is what the items table holds for each list.
    const programmes = await Promise.all(
      lists
        .sort((a, b) => a.year - b.year || a.programme.localeCompare(b.programme) * -1)
        .map(async (p) => {
          const known = await db.items.where('[programme+year]').equals([p.programme, p.year]).count();
          return { id: p.id, programme: p.programme, year: p.year, name: p.name, nameEn: p.nameEn, announced: p.announced, known, complete: p.announced !== null && known === p.announced };
        }),
    );
    // The source most items' status rests on (the 2023 table's article in the bundled dataset).
    const cited = new Map<string, number>();
    await db.items.each((i) => void cited.set(i.source, (cited.get(i.source) ?? 0) + 1));
    const source = [...sources].sort((a, b) => (cited.get(b.id) ?? 0) - (cited.get(a.id) ?? 0) || a.id.localeCompare(b.id))[0];
    return {
      meta: row.meta,
      installedAt: row.installedAt,
      items,
      units,
      completed,
      programmes,
      sourceCount: sources.length,
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
