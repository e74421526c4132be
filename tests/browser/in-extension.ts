/**
 * Functions that run inside one of the extension's own contexts (its service worker or one of
 * its pages), shared by the Chromium harness (Playwright) and the Firefox driver (BiDi). Each is
 * self-contained: the drivers send its source, so it may not use anything from this module.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Every row of one object store of the extension's IndexedDB, read with the raw API (no help
 * from our own code, so a test sees what is really stored).
 */
export const readStoreRows = (name: string): Promise<Record<string, unknown>[]> =>
  new Promise<Record<string, unknown>[]>((resolve, reject) => {
    const open = indexedDB.open('minsheng-lens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => {
        resolve(req.result as Record<string, unknown>[]);
        db.close();
      };
      req.onerror = () => reject(req.error);
    };
  });

/** Stores the UI language as the options page does (settings.locale); every open view follows. */
export const storeLocale = async (locale: string): Promise<void> => {
  type Storage = { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } };
  const g = globalThis as unknown as { browser?: Storage; chrome?: Storage };
  const api = (g.browser ?? g.chrome)!;
  const current = ((await api.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
  await api.storage.local.set({ settings: { ...current, locale } });
};

/** axe-core's browser build, to be evaluated in a page before `axe.run`. */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[]; failureSummary: string }[];
}

/** One line per violation: rule, impact, help, and each node with axe's summary of what fails. */
export const describeViolations = (violations: AxeViolation[]): string[] =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join(' | ')}`);
