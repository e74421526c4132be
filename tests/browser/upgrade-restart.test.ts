/**
 * The upgrade as a reader of the unpacked build may meet it (issue 10): the files are replaced and
 * the browser restarted, but the folder is not loaded again. Chromium 156 then keeps running the
 * old build's service worker while the extension's pages and content script are the new build's
 * (upgrade-profile.ts, `reloadUnpacked`): the new side panel upgrades the database under the old
 * worker, and the new content script talks to the old worker (whose Dexie, finding a newer
 * schema, even raises the database's version from 20 to 21 to "patch" it: seen once). Nothing of
 * the reader's may be lost in that state, and loading the folder again then installs dataset v2
 * over the same rows.
 * (Should Chromium start the new worker at once, the test still holds: it checks the outcome.)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/data/dataset';
import { CHROME_BUILD, launchWithExtension, OUTPUT_DIR, ROOT, serveStatic, siteUrl, storedRows, type ExtensionBrowser, type StaticServer } from './harness';
import { byClass, highlightTexts, pointOfText, selectTextInPage } from './page-probes';
import { idbVersionOfDexie, OLD_CHROME_BUILD, placeBuild, reloadUnpacked, sortRows, UNPACKED_LOADING, type UserRows } from './upgrade-profile';

const PASSAGE = '市纪委监委的“家风书场”把廉洁故事编成曲艺节目';
const NOTE = '重启未重新加载：这条笔记不能丢';

let server: StaticServer;
let root: string;
let browser: ExtensionBrowser | undefined;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await serveStatic(join(ROOT, 'tests'));
  root = mkdtempSync(join(tmpdir(), 'msl-upgrade-restart-'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const news = () => siteUrl(server, 'www.jinjiang.gov.cn', 'demo/site/index.html');
const rows = (store: string) => storedRows(browser!, store);
const userRows = async (): Promise<UserRows> => sortRows({ notes: await rows('notes'), follows: await rows('follows'), sightings: await rows('sightings') });
const highlights = async (page: Page) => byClass(await page.evaluate(highlightTexts));

async function openArticle(): Promise<Page> {
  const page = await browser!.context.newPage();
  await page.goto(news());
  await expect.poll(async () => (await highlights(page))['msl-project-done']?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(100);
  return page;
}

describe('a restart on the new files without loading the folder again (Chromium)', () => {
  it('loses nothing while the old worker serves the new pages, and the reload then upgrades the dataset', async () => {
    const dir = join(root, 'minsheng-lens');
    const profile = join(root, 'profile');
    placeBuild(OLD_CHROME_BUILD, dir);
    browser = await launchWithExtension({ extensionDir: dir, userDataDir: profile, args: [UNPACKED_LOADING] });
    let page = await openArticle();
    const p = (await page.evaluate(pointOfText, ['家风书场'] as [string, string?]))!;
    await page.mouse.click(p.x, p.y);
    const follow = page.locator('msl-lens-root [data-card-kind="project"]').getByTestId('card-follow');
    await follow.click();
    await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    await page.evaluate(selectTextInPage, PASSAGE);
    await page.locator('msl-lens-root').getByTestId('selection-add-note').click();
    await page.locator('msl-lens-root').getByTestId('note-body').fill(NOTE);
    await page.locator('msl-lens-root').getByTestId('note-save').click();
    await expect.poll(async () => (await rows('notes')).length).toBe(1);
    await expect.poll(async () => (await rows('sightings')).length, { timeout: 10_000 }).toBeGreaterThan(100);
    const before = await userRows();
    await browser.close();

    placeBuild(CHROME_BUILD, dir);
    browser = await launchWithExtension({ extensionDir: dir, userDataDir: profile, args: [UNPACKED_LOADING] });
    // The new side panel opens the database (and upgrades it, whichever worker runs), and the new
    // content script reads the article and reports to whichever worker runs.
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await expect.poll(() => browser!.worker.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'minsheng-lens')?.version), { timeout: 15_000 }).toBeGreaterThanOrEqual(idbVersionOfDexie(2));
    page = await browser.context.newPage();
    await page.goto(news());
    await expect.poll(async () => Object.keys(await highlights(page)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    await Promise.all([panel.close(), page.close()]);

    browser = await reloadUnpacked(browser, dir);
    await expect.poll(async () => (await rows('meta'))[0]?.meta, { timeout: 20_000 }).toMatchObject({ version: bundledDataset.meta.version });
    const after = await userRows();
    expect(after.notes).toEqual(before.notes);
    expect(after.follows).toEqual(before.follows.map((f) => ({ ...f, programme: 'minsheng-weishishi', year: 2023 })));
    // Each sighting is kept (a later visit may only have counted itself on it).
    const now = new Map(after.sightings.map((s) => [s.key, s]));
    for (const s of before.sightings) expect(now.get(s.key), String(s.key)).toMatchObject({ targetId: s.targetId, quote: s.quote, firstSeen: s.firstSeen, url: s.url });

    page = await openArticle();
    await expect.poll(async () => (await highlights(page))['msl-note'] ?? [], { timeout: 10_000 }).toEqual([PASSAGE]);
    await page.close();
  });
});
