/**
 * Seeding the reference tables from the bundled dataset, on install and on every update.
 * Idempotent (keyed by the dataset's content hash) and atomic: a new version replaces the
 * reference rows in one transaction or not at all, and user tables are never written.
 */
import type { Dataset, Item } from '../data/types';
import { compareVersions } from '../data/version';
import type { DatasetChange, LensDb } from './schema';

export type SeedOutcome =
  | { kind: 'unchanged'; version: string }
  /** The installed dataset (imported by the user) is newer than the one offered: kept. */
  | { kind: 'kept-newer'; version: string }
  | { kind: 'installed'; version: string }
  | { kind: 'upgraded'; version: string; change: DatasetChange };

/** What changed between two versions of the items and units (for marking followed items). */
export function diffDatasets(
  oldItems: Pick<Item, 'id' | 'status'>[],
  oldUnitIds: string[],
  next: Dataset,
): Pick<DatasetChange, 'removedItemIds' | 'removedUnitIds' | 'statusChanges'> {
  const nextItems = new Map(next.items.map((i) => [i.id, i]));
  const nextUnits = new Set(next.units.map((u) => u.id));
  const statusChanges: DatasetChange['statusChanges'] = [];
  const removedItemIds: string[] = [];
  for (const old of oldItems) {
    const now = nextItems.get(old.id);
    if (!now) removedItemIds.push(old.id);
    else if (now.status !== old.status) statusChanges.push({ itemId: old.id, from: old.status, to: now.status });
  }
  return { removedItemIds, removedUnitIds: oldUnitIds.filter((id) => !nextUnits.has(id)), statusChanges };
}

export interface SeedOptions {
  /** Replace even a newer installed dataset (never used by the background's bundled seeding). */
  allowDowngrade?: boolean;
}

export async function seedDataset(db: LensDb, dataset: Dataset, now = Date.now(), options: SeedOptions = {}): Promise<SeedOutcome> {
  const tables = [db.items, db.units, db.places, db.figures, db.sources, db.programmes, db.series, db.meta, db.changes];
  return db.transaction('rw', tables, async (): Promise<SeedOutcome> => {
    const current = await db.meta.get('dataset');
    const version = dataset.meta.version;
    if (current?.meta.hash === dataset.meta.hash) return { kind: 'unchanged', version };
    if (current && !options.allowDowngrade && compareVersions(current.meta.version, version) > 0) return { kind: 'kept-newer', version: current.meta.version };

    let change: DatasetChange | undefined;
    if (current) {
      const oldItems = await db.items.toArray();
      const oldUnitIds = (await db.units.toCollection().primaryKeys()) as string[];
      change = {
        at: now,
        fromVersion: current.meta.version,
        toVersion: version,
        fromHash: current.meta.hash,
        toHash: dataset.meta.hash,
        ...diffDatasets(oldItems, oldUnitIds, dataset),
      };
    }
    await Promise.all([db.items.clear(), db.units.clear(), db.places.clear(), db.figures.clear(), db.sources.clear(), db.programmes.clear(), db.series.clear()]);
    await Promise.all([
      db.items.bulkPut(dataset.items),
      db.units.bulkPut(dataset.units),
      db.places.bulkPut(dataset.places),
      db.figures.bulkPut(dataset.figures),
      db.sources.bulkPut(dataset.sources),
      db.programmes.bulkPut(dataset.programmes ?? []),
      db.series.bulkPut(dataset.series ?? []),
    ]);
    await db.meta.put({ key: 'dataset', meta: dataset.meta, installedAt: now });
    if (!change) return { kind: 'installed', version };
    await db.changes.add(change);
    return { kind: 'upgraded', version, change };
  });
}
