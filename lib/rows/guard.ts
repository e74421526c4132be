/**
 * The last door: every row written to the user tables (notes, follows, sightings) — by the
 * background, an extension page or an import — passes its table's validator in lib/rows/rows.ts
 * before IndexedDB sees it, as a Dexie DBCore middleware (it sees the final rows of add, put,
 * update and modify alike). A refused write rejects its transaction with the RowError. Schema
 * upgrades (versionchange transactions) are not checked: they must never lock stored data out.
 */
import type { DBCore, DBCoreMutateRequest, Dexie, Middleware } from 'dexie';
import { ROW_VALIDATORS } from './rows';

const GUARDED = new Set(Object.keys(ROW_VALIDATORS));

/** Registers the guard on a database (before it opens; `LensDb`'s constructor does it). */
export function guardUserRows(db: Dexie, now: () => number = Date.now): void {
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'minsheng-lens-row-guard',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!GUARDED.has(name)) return table;
        const check = ROW_VALIDATORS[name as keyof typeof ROW_VALIDATORS];
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            // A schema upgrade only adds fields to rows already stored: refusing one would lock the
            // user out of the database, so upgrades are left to their own checks.
            const upgrading = (req.trans as unknown as { mode?: string }).mode === 'versionchange';
            if (!upgrading && (req.type === 'add' || req.type === 'put')) {
              const ctx = { now: now() };
              try {
                req.values.forEach((v, i) => check(v, `${name}[${i}]`, ctx));
              } catch (err) {
                return Promise.reject(err);
              }
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
  db.use(middleware);
}
