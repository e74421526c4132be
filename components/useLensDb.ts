/**
 * The database for an extension page: first asks the background to make sure the dataset
 * is seeded (it owns seeding), then opens the same database directly for live queries.
 */
import { useEffect, useState } from 'preact/hooks';
import { classifyStorageError, openLensDb, requestPersistence, StorageProblem } from '../lib/db/open';
import type { LensDb } from '../lib/db/schema';
import { MessageError, request } from '../lib/messaging/client';

export type DbState =
  | { status: 'loading' }
  | { status: 'ready'; db: LensDb }
  | { status: 'error'; kind: StorageProblem['kind'] | 'background'; detail: string };

export function useLensDb(): [DbState, () => void] {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<DbState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    void (async () => {
      try {
        await request({ type: 'dataset/ensure' });
        const db = await openLensDb();
        void requestPersistence();
        if (live) setState({ status: 'ready', db });
      } catch (err) {
        if (!live) return;
        if (err instanceof MessageError && !/StorageProblem/.test(err.message)) {
          setState({ status: 'error', kind: 'background', detail: err.message });
        } else {
          const p = err instanceof MessageError ? classifyStorageError({ name: err.message, message: err.message }) : classifyStorageError(err);
          setState({ status: 'error', kind: p.kind, detail: p.detail });
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}
