/**
 * The upgrade a reader gets (issue 10: "a database with notes and follows upgrades with nothing
 * lost"), in real Chromium with one persistent profile:
 *
 * 1. The extension as the round began (tests/fixtures/upgrade/v1-chrome-mv3, database version 1,
 *    the 2023 table only) is loaded from a folder. The reader visits two articles (sightings),
 *    follows a project and a unit from their cards, writes a note on a project in its card and a
 *    note on a passage, and follows a project and writes a tagged note on it in the side panel —
 *    all with the old build's own UI and real mouse and keyboard input.
 * 2. The browser is closed; the current build is put in the same folder (so the extension keeps
 *    its id, its origin and its IndexedDB); the browser is started again with the same profile,
 *    and the folder is loaded again as *Load unpacked* does (a restart alone leaves Chromium
 *    running the old service worker: see `reloadUnpacked`).
 * 3. The new background upgrades the database (Dexie version 2) and then replaces the reference
 *    tables with the bundled dataset v2 while the reader's rows are there. Read with the raw
 *    IndexedDB API and through the new UI: every note, follow and sighting is there with its
 *    text, the 117 items keep their ids and the notes and follows still find them, the dataset
 *    is v2 (lists of several years), and the old rows can still be edited and added to.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/data/dataset';
import { CHROME_BUILD, launchWithExtension, OUTPUT_DIR, ROOT, serveStatic, siteUrl, storedRows, type ExtensionBrowser, type StaticServer } from './harness';
import { byClass, highlightTexts, pointOfText, selectTextInPage } from './page-probes';
import { chromiumUnpackedId, expectedAfterUpgrade, idbVersionOfDexie, OLD_CHROME_BUILD, placeBuild, reloadUnpacked, sortRows, UNPACKED_LOADING, type Row, type UserRows } from './upgrade-profile';

const NEWS = 'demo/site/index.html';
const NEWS_TITLE = '晋江117项民生微实事全部办结 小事连着大民生 — 民生透镜演示页';
const SECOND = 'browser/pages/source-meta.html';
const SECOND_TITLE = '园区里的“微车管所” — 测试稿';
const PASSAGE = '用短视频讲解常见病预防';
const PASSAGE_NOTE = '升级前：核实科普专栏的播出频次';
const CARD_NOTE = '升级前：路灯改造的验收日期待查';
const PANEL_NOTE = '升级前：园区车管业务办理量';
const EDITED = '升级后改写：园区车管业务办理量（已核实）';

let server: StaticServer;
let root: string;
let profile: string;
/** The one folder both builds are loaded from, in turn. */
let extensionDir: string;
let browser: ExtensionBrowser | undefined;
/** The reader's rows and the 2023 items as the old build stored them. */
let before: UserRows & { items: Row[] };

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await serveStatic(join(ROOT, 'tests'));
  root = mkdtempSync(join(tmpdir(), 'msl-upgrade-'));
  profile = join(root, 'profile');
  extensionDir = join(root, 'minsheng-lens');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const news = (host = 'www.jinjiang.gov.cn') => siteUrl(server, host, NEWS);
const rows = (store: string) => storedRows(browser!, store);
const userRows = async (): Promise<UserRows> => ({ notes: await rows('notes'), follows: await rows('follows'), sightings: await rows('sightings') });

/** The database's IndexedDB version, read in the extension's origin. */
const idbVersion = () =>
  browser!.worker.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'minsheng-lens')?.version ?? null);

async function pointOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(pointOfText, [text] as [string, string?]);
  if (!p) throw new Error(`text not on page: ${text}`);
  return p;
}
const highlights = async (page: Page) => byClass(await page.evaluate(highlightTexts));

async function openArticle(address: string): Promise<Page> {
  const page = await browser!.context.newPage();
  await page.goto(address);
  await expect.poll(async () => (await highlights(page))['msl-project-done']?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
  return page;
}

async function openPanel(): Promise<Page> {
  const panel = await browser!.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1000 });
  await panel.goto(`chrome-extension://${browser!.extensionId}/sidepanel.html`);
  return panel;
}

describe('upgrading a profile from the round’s first build to this one (Chromium)', () => {
  it('the old build: sightings, follows and notes made through its own UI', async () => {
    placeBuild(OLD_CHROME_BUILD, extensionDir);
    browser = await launchWithExtension({ extensionDir, userDataDir: profile, args: [UNPACKED_LOADING] });
    // An unpacked extension's id comes from its folder: the same folder, the same id after the upgrade.
    expect(browser.extensionId).toBe(chromiumUnpackedId(extensionDir));
    await expect.poll(async () => (await rows('items')).length, { timeout: 15_000 }).toBe(117);
    expect(await idbVersion()).toBe(idbVersionOfDexie(1));

    // Two articles read: their items are recorded as seen.
    const second = await openArticle(siteUrl(server, 'www.ijjnews.com', SECOND));
    await second.close();
    const page = await openArticle(news());
    await expect.poll(async () => (await rows('sightings')).length, { timeout: 10_000 }).toBeGreaterThan(100);

    // Old cards live in an open shadow root: Playwright's locators reach them and click for real.
    const card = (kind: string) => page.locator(`msl-lens-root [data-card-kind="${kind}"]`);
    await page.mouse.click(...xy(await pointOf(page, '家风书场')));
    await card('project').getByTestId('card-follow').click();
    await expect.poll(() => card('project').getByTestId('card-follow').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');

    await page.mouse.click(...xy(await pointOf(page, '晋江市公安局')));
    await card('unit').getByTestId('card-follow').click();
    await expect.poll(() => card('unit').getByTestId('card-follow').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');

    await page.mouse.click(...xy(await pointOf(page, '池店镇启承路路灯改造项目')));
    await card('project').getByTestId('card-add-note').click();
    await card('project').getByTestId('note-body').fill(CARD_NOTE);
    await card('project').getByTestId('note-save').click();
    await expect.poll(async () => (await rows('notes')).map((n) => n.body)).toContain(CARD_NOTE);
    await page.keyboard.press('Escape');

    // The old build shows its add-note button on the mouseup after a selection; on a loaded
    // machine the first one can come while it is still busy with the card just closed: select again.
    const addNote = page.locator('msl-lens-root').getByTestId('selection-add-note');
    await expect
      .poll(async () => {
        await page.evaluate(selectTextInPage, PASSAGE);
        return addNote.isVisible();
      }, { timeout: 20_000, interval: 1_000 })
      .toBe(true);
    await addNote.click();
    await page.locator('msl-lens-root').getByTestId('note-body').fill(PASSAGE_NOTE);
    await page.locator('msl-lens-root').getByTestId('note-save').click();
    await expect.poll(async () => (await highlights(page))['msl-note'] ?? []).toEqual([PASSAGE]);
    await page.close();

    // The old side panel: find item 23, follow it, write a tagged note on it.
    const panel = await openPanel();
    await panel.getByLabel('搜索项目或牵头单位').fill('微车管所');
    await panel.getByTestId('result-mw2023-023').click();
    const detail = panel.getByTestId('detail');
    await detail.getByRole('button', { name: /关注/ }).click();
    await expect.poll(() => detail.getByRole('button', { name: /关注/ }).getAttribute('aria-pressed')).toBe('true');
    await detail.locator('summary', { hasText: '添加笔记' }).click();
    const adder = detail.locator('details.add-note');
    await adder.getByLabel('笔记内容').fill(PANEL_NOTE);
    await adder.getByLabel('标签（用逗号分隔）').fill('交通，园区');
    await adder.getByRole('button', { name: '保存笔记' }).click();
    await expect.poll(async () => (await rows('notes')).length).toBe(3);
    await panel.close();

    before = { ...sortRows(await userRows()), items: await rows('items') };
    // What the reader made, as the old build stored it.
    expect(before.notes.map((n) => [n.body, n.targetId, (n.anchor as { quote?: { exact: string } } | undefined)?.quote?.exact ?? null])).toEqual(
      expect.arrayContaining([
        [CARD_NOTE, expect.stringMatching(/^mw2023-\d{3}$/), null],
        [PASSAGE_NOTE, '', PASSAGE],
        [PANEL_NOTE, 'mw2023-023', null],
      ]),
    );
    expect(before.notes.find((n) => n.body === PANEL_NOTE)?.tags).toEqual(['交通', '园区']);
    expect(before.follows.map((f) => f.key)).toEqual(expect.arrayContaining(['item:mw2023-001', 'item:mw2023-023', expect.stringMatching(/^unit:/)]));
    expect(before.follows).toHaveLength(3);
    expect(new Set(before.sightings.map((s) => s.site))).toEqual(new Set(['jinjiang.gov.cn', 'ijjnews.com']));
    expect(before.items.map((i) => i.id).sort()).toEqual(Array.from({ length: 117 }, (_, i) => `mw2023-${String(i + 1).padStart(3, '0')}`));
    await browser.close();
    browser = undefined;
  });

  it('the current build in the same folder and profile: the database upgrades with nothing of the reader’s lost', async () => {
    expect(before, 'the first test made the old profile').toBeDefined();
    placeBuild(CHROME_BUILD, extensionDir);
    browser = await launchWithExtension({ extensionDir, userDataDir: profile, args: [UNPACKED_LOADING] });
    expect(browser.extensionId).toBe(chromiumUnpackedId(extensionDir));
    // As a reader of an unpacked build does after replacing its files: load it again (Chromium
    // still runs the old build's service worker after a restart; upgrade-profile.ts says more).
    browser = await reloadUnpacked(browser, extensionDir);

    // The new background upgrades the database, then installs dataset v2 over the reference tables.
    await expect.poll(async () => (await rows('meta'))[0]?.meta, { timeout: 20_000 }).toMatchObject({ version: bundledDataset.meta.version, hash: bundledDataset.meta.hash });
    expect(await idbVersion()).toBe(idbVersionOfDexie(2));
    const items = await rows('items');
    expect(items).toHaveLength(bundledDataset.items.length);
    expect(new Set(items.map((i) => i.year)).size).toBeGreaterThan(1);
    expect((await rows('programmes')).map((p) => p.id)).toEqual(expect.arrayContaining(['minsheng-weishishi-2023', 'weiminbanshishi-2021', 'weiminbanshishi-2024']));

    // The 117 keep their ids, numbers and names, now on the 2023 list.
    const now = new Map(items.map((i) => [i.id, i]));
    for (const old of before.items) {
      expect(now.get(old.id as string), String(old.id)).toMatchObject({ seq: old.seq, name: old.name, programme: 'minsheng-weishishi', year: 2023 });
    }

    // Every row of the reader's is there, as it was (follows gain their item's list).
    const after = sortRows(await userRows());
    expect(after).toEqual(expectedAfterUpgrade(before, items));
    // Notes and follows still find what they are about.
    const units = new Set((await rows('units')).map((u) => u.id));
    for (const r of [...after.notes, ...after.follows]) {
      const target = r.target as { kind: string; id: string } | undefined;
      if (target) expect(target.kind === 'item' ? now.has(target.id) : units.has(target.id), `${target.kind} ${target.id}`).toBe(true);
    }
    expect(after.follows.find((f) => f.key === 'item:mw2023-001')).toMatchObject({ programme: 'minsheng-weishishi', year: 2023 });
  });

  it('the new UI shows every note, follow and sighting, and the passage note is drawn where it was written', async () => {
    const panel = await openPanel();
    await panel.getByRole('tab', { name: '笔记' }).click();
    await expect.poll(() => panel.locator('article.note .note-body').allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining([CARD_NOTE, PASSAGE_NOTE, PANEL_NOTE]));
    expect(await panel.locator('article.note').count()).toBe(3);
    expect(await panel.locator('article.note .tags').allTextContents()).toEqual([expect.stringContaining('#交通')]);
    // No note lost its project (the orphan flag).
    expect(await panel.locator('article.note .flag').count()).toBe(0);

    await panel.getByRole('tab', { name: '关注' }).click();
    for (const f of before.follows) await panel.getByTestId(`follow-${f.targetId as string}`).waitFor();
    expect(await panel.locator('[data-testid^="follow-"]').count()).toBe(3);
    expect(await panel.locator('[data-testid^="follow-"] .flag').count()).toBe(0);
    expect(await panel.getByTestId('follow-mw2023-023').textContent()).toContain('推动“微车管所”进五里工业园区');

    await panel.getByRole('tab', { name: '出现记录' }).click();
    await expect.poll(() => panel.locator('.source-page h3').allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining([NEWS_TITLE, SECOND_TITLE]));
    await panel.screenshot({ path: join(OUTPUT_DIR, 'upgrade-sightings.png'), fullPage: true });

    // An old note is edited through the new side panel: the row guard accepts the v1 row.
    await panel.getByRole('tab', { name: '笔记' }).click();
    const id = before.notes.find((b) => b.body === PANEL_NOTE)!.id as string;
    const old = panel.locator(`article.note[data-note-id="${id}"]`);
    await old.getByRole('button', { name: '编辑' }).click();
    await old.getByLabel('笔记内容').fill(EDITED);
    await old.getByRole('button', { name: '保存笔记' }).click();
    await expect.poll(async () => (await rows('notes')).find((n) => n.id === id)).toMatchObject({ body: EDITED, tags: ['交通', '园区'], createdAt: before.notes.find((b) => b.id === id)!.createdAt });
    await panel.close();

    // On the article: the old passage note is anchored again, followed items are underlined, and the
    // page's sightings count the new visit on the old rows.
    const page = await openArticle(news());
    await expect.poll(async () => (await highlights(page))['msl-note'] ?? [], { timeout: 10_000 }).toEqual([PASSAGE]);
    expect((await highlights(page))['msl-followed']).toEqual(expect.arrayContaining(['家风书场']));
    await page.screenshot({ path: join(OUTPUT_DIR, 'upgrade-article.png') });
    const seen = before.sightings.find((s) => s.targetId === 'mw2023-023' && s.site === 'jinjiang.gov.cn')!;
    expect(seen.visits).toBe(1);
    await expect.poll(async () => (await rows('sightings')).find((s) => s.key === seen.key)?.visits, { timeout: 10_000 }).toBe(2);
    expect((await rows('sightings')).length).toBeGreaterThanOrEqual(before.sightings.length);
    await page.close();
  });
});

const xy = (p: { x: number; y: number }) => [p.x, p.y] as const;
