/**
 * What the upgrade tests share (tests/browser/upgrade*.test.ts): the old build, the place both
 * builds are put in turn, Chromium's id for an unpacked extension, and the comparison of the
 * reader's rows before and after the upgrade.
 *
 * The old build is tests/fixtures/upgrade/ (its README says what it is and how it is rebuilt):
 * the extension as the round began, with database version 1 and the 2023 table only.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, type ExtensionBrowser } from './harness';

export const UPGRADE_FIXTURE = join(ROOT, 'tests/fixtures/upgrade');
export const OLD_CHROME_BUILD = join(UPGRADE_FIXTURE, 'v1-chrome-mv3');
export const OLD_FIREFOX_BUILD = join(UPGRADE_FIXTURE, 'v1-firefox-mv3');
/** The commit the old build was made from. */
export const OLD_COMMIT = existsSync(join(UPGRADE_FIXTURE, 'COMMIT')) ? readFileSync(join(UPGRADE_FIXTURE, 'COMMIT'), 'utf8').trim() : '';

/** IndexedDB's version of a Dexie database: Dexie declares version n as n × 10. */
export const idbVersionOfDexie = (n: number) => n * 10;

/**
 * Puts the build in `from` at `to`, in place of whatever was there: the same folder, as a store
 * update replaces an installed extension's files (and as an unpacked extension keeps its id only
 * at the same path).
 */
export function placeBuild(from: string, to: string): void {
  if (!existsSync(join(from, 'manifest.json'))) throw new Error(`no build in ${from}`);
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}

/**
 * The id Chromium gives an unpacked extension: the SHA-256 of its absolute path, the first 16
 * bytes written with the letters a–p for the hex digits 0–f (Chromium's
 * crx_file::id_util::GenerateIdForPath). So the same folder keeps the same id, and with it the
 * same chrome-extension:// origin and IndexedDB.
 */
export function chromiumUnpackedId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

/** Switch that lets a test load an unpacked extension over the DevTools protocol (`reloadUnpacked`). */
export const UNPACKED_LOADING = '--enable-unsafe-extension-debugging';

/**
 * Loads the unpacked extension in `dir` again, as *Load unpacked* (or the extension's reload
 * button) does after its files were replaced, and returns the browser with the service worker
 * that starts from the new files. Needed because Chromium, restarted with the same profile and
 * the same folder holding a newer build, keeps running the service worker it registered for the
 * old one (seen in Chromium 156, with the manifest's version changed or not), while the
 * extension's pages load the new files. The browser must be started with `UNPACKED_LOADING`.
 */
export async function reloadUnpacked(browser: ExtensionBrowser, dir: string): Promise<ExtensionBrowser> {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  const started = browser.context.waitForEvent('serviceworker', { timeout: 15_000 });
  const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: resolve(dir) } as never)) as { id: string };
  if (id !== browser.extensionId) throw new Error(`loaded as ${id}, not ${browser.extensionId}`);
  const worker = await started;
  await cdp.detach();
  return { ...browser, worker };
}

export type Row = Record<string, unknown>;

/** The reader's rows, as read with the raw IndexedDB API. */
export interface UserRows {
  notes: Row[];
  follows: Row[];
  sightings: Row[];
}

const byKey = (key: string) => (rows: Row[]) => [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
export const sortRows = (r: UserRows): UserRows => ({ notes: byKey('id')(r.notes), follows: byKey('key')(r.follows), sightings: byKey('key')(r.sightings) });

/**
 * What the v1 rows must look like after the upgrade: notes and sightings exactly as they were
 * (the upgrade never writes them), follows with the same fields plus, for an item, the list it
 * is on (`programme`, `year`, from the v2 item row of the same id).
 */
export function expectedAfterUpgrade(before: UserRows, itemsAfter: Row[]): UserRows {
  const list = new Map(itemsAfter.map((i) => [i.id as string, { programme: i.programme, year: i.year }]));
  return sortRows({
    notes: before.notes,
    sightings: before.sightings,
    follows: before.follows.map((f) => ((f.target as { kind: string }).kind === 'item' ? { ...f, ...list.get(f.targetId as string) } : f)),
  });
}
