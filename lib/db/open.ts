/**
 * Opening the database with failures turned into something a user can read: a blank view
 * is never the answer to a full disk or a browser that refuses IndexedDB.
 */
import { LensDb } from './schema';

export type StorageProblemKind = 'quota' | 'unavailable' | 'version' | 'unknown';

export class StorageProblem extends Error {
  constructor(
    readonly kind: StorageProblemKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'StorageProblem';
  }
}

/** Maps IndexedDB/Dexie error names to the few cases the UI explains differently. */
export function classifyStorageError(err: unknown): StorageProblem {
  if (err instanceof StorageProblem) return err;
  const e = err as { name?: string; message?: string; inner?: { name?: string } } | undefined;
  const names = [e?.name, e?.inner?.name].filter(Boolean).join(' ');
  const detail = e?.message ?? String(err);
  if (/Quota/i.test(names) || /quota/i.test(detail)) return new StorageProblem('quota', detail);
  if (/Version/i.test(names)) return new StorageProblem('version', detail);
  if (/MissingAPI|InvalidState|Security|Open|Unknown/i.test(names)) return new StorageProblem('unavailable', detail);
  return new StorageProblem('unknown', detail);
}

let shared: LensDb | undefined;

/** The extension's database, opened once per context. */
export async function openLensDb(): Promise<LensDb> {
  shared ??= new LensDb();
  try {
    if (!shared.isOpen()) await shared.open();
    return shared;
  } catch (err) {
    shared = undefined;
    throw classifyStorageError(err);
  }
}

/**
 * Asks the browser not to evict our data. Only windows have `persist()`; with the
 * `unlimitedStorage` permission Chromium grants it without a prompt.
 */
export async function requestPersistence(): Promise<boolean | undefined> {
  try {
    return await globalThis.navigator?.storage?.persist?.();
  } catch {
    return undefined;
  }
}
