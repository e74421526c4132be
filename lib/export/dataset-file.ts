/**
 * Importing a newer dataset file (same schema as data/dataset.json): validated with the one
 * dataset validator, its content hash checked, previewed (status changes of followed items
 * first), then installed with seedDataset, which replaces reference rows in one transaction
 * and never touches notes, follows or sightings. Followed items whose status changed are then
 * marked by `changedFollows` (their `statusWhenFollowed` differs from the new status).
 */
import { datasetHash } from '../data/hash';
import type { Dataset, Item } from '../data/types';
import { DatasetError, validateDataset } from '../data/validate';
import type { LensDb } from '../db/schema';
import { seedDataset, type SeedOutcome } from '../db/seed';
import { ImportError } from './check';
import { compareVersions } from '../data/version';

export { compareVersions };

/** The dataset in `x`, validated and with a matching content hash; ImportError otherwise. */
export async function validateDatasetFile(x: unknown): Promise<Dataset> {
  let dataset: Dataset;
  try {
    dataset = validateDataset(x);
  } catch (err) {
    if (err instanceof DatasetError) throw new ImportError('invalid', err.detail, err.path);
    throw err;
  }
  const hash = await datasetHash(dataset);
  if (hash !== dataset.meta.hash) throw new ImportError('hashMismatch', `content hash ${hash.slice(0, 12)}… does not match meta.hash ${dataset.meta.hash.slice(0, 12)}…: the file was edited or damaged`, '$.meta.hash');
  return dataset;
}

export interface StatusChangePreview {
  item: ItemBrief;
  from: string;
  to: string;
  followed: boolean;
}

export interface DatasetPreview {
  dataset: Dataset;
  fromVersion: string | null;
  toVersion: string;
  /** Followed items first, then by table number. */
  statusChanges: StatusChangePreview[];
  added: ItemBrief[];
  /** Items that disappear; notes and follows on them are kept and flagged. */
  removed: (ItemBrief & { followed: boolean; notes: number })[];
}

/** An item as the preview names it: its list (programme, year) and 序号 where it has one. */
export type ItemBrief = Pick<Item, 'id' | 'seq' | 'name' | 'programme' | 'year'>;

const brief = (i: Item): ItemBrief => ({ id: i.id, ...(i.seq !== undefined && { seq: i.seq }), name: i.name, programme: i.programme, year: i.year });

/** What installing `dataset` would change; refuses one that is not newer than the installed one. */
export async function previewDataset(db: LensDb, dataset: Dataset): Promise<DatasetPreview> {
  return db.transaction('r', [db.meta, db.items, db.follows, db.notes], async () => {
    const current = await db.meta.get('dataset');
    if (current && compareVersions(dataset.meta.version, current.meta.version) <= 0) {
      throw new ImportError('notNewer', `version ${dataset.meta.version} is not newer than the installed ${current.meta.version}`, '$.meta.version');
    }
    const [oldItems, followed] = await Promise.all([db.items.toArray(), db.follows.orderBy('targetId').uniqueKeys()]);
    const isFollowed = new Set(followed as string[]);
    const next = new Map(dataset.items.map((i) => [i.id, i]));
    const old = new Map(oldItems.map((i) => [i.id, i]));
    const statusChanges: StatusChangePreview[] = [];
    const removed: DatasetPreview['removed'] = [];
    for (const o of oldItems) {
      const n = next.get(o.id);
      if (!n) removed.push({ ...brief(o), followed: isFollowed.has(o.id), notes: await db.notes.where('targetId').equals(o.id).count() });
      else if (n.status !== o.status) statusChanges.push({ item: brief(n), from: o.status, to: n.status, followed: isFollowed.has(o.id) });
    }
    statusChanges.sort((a, b) => Number(b.followed) - Number(a.followed) || a.item.year - b.item.year || (a.item.seq ?? 0) - (b.item.seq ?? 0));
    return {
      dataset,
      fromVersion: current?.meta.version ?? null,
      toVersion: dataset.meta.version,
      statusChanges,
      added: dataset.items.filter((i) => !old.has(i.id)).map(brief),
      removed,
    };
  });
}

export const applyDataset = (db: LensDb, preview: DatasetPreview): Promise<SeedOutcome> => seedDataset(db, preview.dataset);
