/**
 * The upgrade in Firefox ESR (issue 10), as upgrade.test.ts does it in Chromium: the round's first
 * Firefox build (tests/fixtures/upgrade/v1-firefox-mv3) makes sightings, a follow, a note on a
 * project and a note on a passage through its own UI with real mouse input; Firefox is stopped;
 * the current build is put in the same folder; Firefox is started again on the same profile.
 *
 * How the profile is kept across the two builds: both manifests carry the same gecko id, and
 * Firefox files an add-on's storage under the moz-extension:// UUID it gives that id (kept in the
 * `extensions.webextensions.uuids` preference, pinned here as a profile keeps it). BiDi installs
 * add-ons temporarily, and a temporary add-on is uninstalled when Firefox stops; in Firefox ESR
 * 153 its IndexedDB was still there at the next start even without `keepStorageOnUninstall` /
 * `keepUuidOnUninstall` (tried), which are set all the same so that the test does not rest on
 * that. So the second start finds the first build's database as an update of an installed add-on
 * would. `--remote-allow-system-access` lets the driver open the extension's own pages, from
 * which the raw IndexedDB is read.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/data/dataset';
import { FIREFOX_BUILD, launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { OUTPUT_DIR, ROOT, serveStatic, siteUrl, type StaticServer } from './harness';
import { byClass, highlightTexts, pointOfText, selectTextInPage } from './page-probes';
import { expectedAfterUpgrade, idbVersionOfDexie, OLD_FIREFOX_BUILD, placeBuild, sortRows, type Row, type UserRows } from './upgrade-profile';

const GECKO_ID = 'minsheng-lens@minsheng-lens.example';
const UUID = '3c2b1a09-8f7e-4d6c-b5a4-000000000010';
const NEWS = 'demo/site/index.html';
const PASSAGE = '用短视频讲解常见病预防';
const PASSAGE_NOTE = '升级前（Firefox）：核实科普专栏的播出频次';
const CARD_NOTE = '升级前（Firefox）：路灯改造的验收日期待查';

let server: StaticServer;
let root: string;
let keep: Parameters<typeof launchFirefoxWithExtension>[1];
let extensionDir: string;
let firefox: FirefoxWithExtension | undefined;
let before: UserRows & { items: Row[] };

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await serveStatic(join(ROOT, 'tests'));
  root = mkdtempSync(join(tmpdir(), 'msl-upgrade-firefox-'));
  extensionDir = join(root, 'minsheng-lens');
  mkdirSync(join(root, 'profile'));
  keep = {
    profile: join(root, 'profile'),
    args: ['--remote-allow-system-access'],
    prefs: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
    },
  };
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const news = () => siteUrl(server, 'www.jinjiang.gov.cn', NEWS);
const fx = () => firefox!;
const highlights = async () => byClass(await fx().evaluate(highlightTexts));
async function pointOf(text: string): Promise<{ x: number; y: number }> {
  const p = await fx().evaluate(pointOfText, [text] as [string, string?]);
  if (!p) throw new Error(`text not on page: ${text}`);
  return p;
}

/** Every row of a store, read with the raw IndexedDB API in an extension page (the tab must show one). */
function readStore(store: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('minsheng-lens');
    open.onerror = () => reject(String(open.error));
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => {
        resolve(req.result as Record<string, unknown>[]);
        db.close();
      };
      req.onerror = () => reject(String(req.error));
    };
  });
}
const rows = (store: string) => fx().evaluate(readStore, store);
const userRows = async (): Promise<UserRows> => ({ notes: await rows('notes'), follows: await rows('follows'), sightings: await rows('sightings') });
const openExtensionPage = (page: string) => fx().goto(`moz-extension://${UUID}/${page}.html`);

// The old build's UI is in an open shadow root: the page world reaches it.
const oldUiPoint = (testId: string) =>
  fx().evaluate((id: string) => {
    const el = document.querySelector('msl-lens-root')?.shadowRoot?.querySelector(`[data-testid="${id}"]`);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, testId);
async function clickOldUi(testId: string) {
  await expect.poll(() => oldUiPoint(testId), { timeout: 5_000 }).not.toBeNull();
  await fx().click((await oldUiPoint(testId))!);
}
async function writeOldNote(text: string) {
  await expect.poll(() => oldUiPoint('note-body'), { timeout: 5_000 }).not.toBeNull();
  await fx().evaluate((t: string) => {
    const body = document.querySelector('msl-lens-root')!.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-testid="note-body"]')!;
    body.value = t;
    body.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await clickOldUi('note-save');
}

describe('upgrading a Firefox profile from the round’s first build to this one', () => {
  it('both builds carry the same gecko id, which keeps the add-on’s storage', () => {
    const id = (dir: string) => (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }).browser_specific_settings.gecko.id;
    expect(id(OLD_FIREFOX_BUILD)).toBe(GECKO_ID);
    expect(id(FIREFOX_BUILD)).toBe(GECKO_ID);
  });

  it('the old build: sightings, a follow and notes made through its own UI', async () => {
    placeBuild(OLD_FIREFOX_BUILD, extensionDir);
    firefox = await launchFirefoxWithExtension(extensionDir, keep);
    await fx().goto(news());
    await expect.poll(async () => (await highlights())['msl-project-done']?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(100);

    await fx().click(await pointOf('家风书场'));
    await clickOldUi('card-follow');
    await expect
      .poll(() => fx().evaluate(() => document.querySelector('msl-lens-root')?.shadowRoot?.querySelector('[data-testid="card-follow"]')?.getAttribute('aria-pressed') ?? null))
      .toBe('true');
    await fx().press('Escape');

    await fx().click(await pointOf('池店镇启承路路灯改造项目'));
    await clickOldUi('card-add-note');
    await writeOldNote(CARD_NOTE);
    await expect.poll(() => oldUiPoint('note-body')).toBeNull();
    await fx().press('Escape');

    await fx().evaluate(selectTextInPage, PASSAGE);
    await clickOldUi('selection-add-note');
    await writeOldNote(PASSAGE_NOTE);
    await expect.poll(async () => (await highlights())['msl-note'] ?? []).toEqual([PASSAGE]);

    await openExtensionPage('sidepanel');
    await expect.poll(async () => (await rows('notes')).length, { timeout: 10_000 }).toBe(2);
    before = { ...sortRows(await userRows()), items: await rows('items') };
    expect(before.notes.map((n) => n.body).sort()).toEqual([CARD_NOTE, PASSAGE_NOTE].sort());
    expect(before.follows.map((f) => f.key)).toEqual(['item:mw2023-001']);
    expect(before.sightings.length).toBeGreaterThan(100);
    expect(before.items).toHaveLength(117);
    expect(await fx().evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'minsheng-lens')?.version ?? null)).toBe(idbVersionOfDexie(1));
    await firefox!.close();
    firefox = undefined;
  });

  it('the current build in the same folder and profile: nothing of the reader’s lost, the 117 ids kept, dataset v2', async () => {
    expect(before, 'the old build made the profile').toBeDefined();
    placeBuild(FIREFOX_BUILD, extensionDir);
    firefox = await launchFirefoxWithExtension(extensionDir, keep);
    await openExtensionPage('sidepanel');
    await expect.poll(async () => (await rows('meta'))[0]?.meta, { timeout: 20_000 }).toMatchObject({ version: bundledDataset.meta.version, hash: bundledDataset.meta.hash });
    expect(await fx().evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'minsheng-lens')?.version ?? null)).toBe(idbVersionOfDexie(2));

    const items = await rows('items');
    expect(items).toHaveLength(bundledDataset.items.length);
    expect((await rows('programmes')).map((p) => p.id)).toEqual(expect.arrayContaining(['minsheng-weishishi-2023', 'weiminbanshishi-2021']));
    const now = new Map(items.map((i) => [i.id, i]));
    for (const old of before.items) {
      expect(now.get(old.id as string), String(old.id)).toMatchObject({ seq: old.seq, name: old.name, programme: 'minsheng-weishishi', year: 2023 });
    }
    expect(sortRows(await userRows())).toEqual(expectedAfterUpgrade(before, items));
    const noted = before.notes.find((n) => n.body === CARD_NOTE)!;
    expect(now.has(noted.targetId as string)).toBe(true);

    // The new side panel lists both notes, with their project, and the follow.
    const tabPoint = (name: string) =>
      fx().evaluate((n: string) => {
        const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent === n);
        if (!tab) return null;
        const r = tab.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }, name);
    await expect.poll(() => tabPoint('笔记'), { timeout: 10_000 }).not.toBeNull();
    await fx().click((await tabPoint('笔记'))!);
    await expect
      .poll(() => fx().evaluate(() => [...document.querySelectorAll('article.note .note-body')].map((e) => e.textContent).sort()), { timeout: 10_000 })
      .toEqual([CARD_NOTE, PASSAGE_NOTE].sort());
    expect(await fx().evaluate(() => document.querySelectorAll('article.note .flag').length)).toBe(0);
    await fx().click((await tabPoint('关注'))!);
    await expect.poll(() => fx().evaluate(() => document.querySelector('[data-testid="follow-mw2023-001"]')?.textContent ?? null)).toContain('家风书场');

    // On the article, the old passage note is drawn again and the followed project underlined.
    await fx().goto(news());
    await expect.poll(async () => (await highlights())['msl-note'] ?? [], { timeout: 15_000 }).toEqual([PASSAGE]);
    expect((await highlights())['msl-followed']).toEqual(expect.arrayContaining(['家风书场']));
    await fx().screenshot(join(OUTPUT_DIR, 'upgrade-firefox-article.png'));
  });
});
