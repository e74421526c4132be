/**
 * The dataset file the user installed, kept whole beside the reference tables it was seeded into:
 * pages need its match pack, which is built from the whole file (ambiguous aliases included),
 * not from the tables. Kept in the `meta` table under its own key, so the schema does not change.
 *
 * `installDataset` seeds and keeps the file in ONE transaction (both or neither);
 * `installedDataset` gives back whichever dataset the tables hold.
 */
import type { Dataset } from '../data/types';
import type { LensDb } from './schema';
import { seedDataset, type SeedOptions, type SeedOutcome } from './seed';

const FILE_KEY = 'dataset-file';

interface DatasetFileRow {
  key: typeof FILE_KEY;
  dataset: Dataset;
}

const fileTable = (db: LensDb) => db.table<DatasetFileRow, string>('meta');

/**
 * Installs `dataset` (see seedDataset for when it is kept out) and keeps the file when it is not
 * the bundled one. Every table takes part, so seeding that grows new tables stays inside it.
 */
export async function installDataset(db: LensDb, dataset: Dataset, bundledHash: string, now = Date.now(), options: SeedOptions = {}): Promise<SeedOutcome> {
  return db.transaction('rw', db.tables, async () => {
    const outcome = await seedDataset(db, dataset, now, options);
    if (outcome.kind === 'kept-newer') return outcome;
    if (dataset.meta.hash === bundledHash) await fileTable(db).delete(FILE_KEY);
    else await fileTable(db).put({ key: FILE_KEY, dataset });
    return outcome;
  });
}

/**
 * The dataset the reference tables hold: the bundled one, the kept file, or (for a dataset
 * installed before files were kept) one put back together from the tables; null before seeding.
 */
export async function installedDataset(db: LensDb, bundled: Dataset): Promise<Dataset | null> {
  return db.transaction('r', db.tables, async () => {
    const meta = await db.meta.get('dataset');
    if (!meta) return null;
    if (meta.meta.hash === bundled.meta.hash) return bundled;
    const file = await fileTable(db).get(FILE_KEY);
    if (file?.dataset.meta.hash === meta.meta.hash) return file.dataset;
    const [sources, units, items, places, figures, programmes, series] = await Promise.all([
      db.sources.toArray(),
      db.units.toArray(),
      db.items.toArray(),
      db.places.toArray(),
      db.figures.toArray(),
      db.programmes.toArray(),
      db.series.toArray(),
    ]);
    // Lists the tables do not hold (ambiguous aliases) are the bundled ones: the best there is.
    return { ...bundled, meta: meta.meta, sources, units, items, places, figures, programmes, series };
  });
}
