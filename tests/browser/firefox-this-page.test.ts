/**
 * The side panel's "this page" view (issue 13, 2) in the Firefox build, in Firefox ESR over
 * WebDriver BiDi: every mention and note of the page in reading order, each jumping to its place,
 * notes whose passage is gone listed last, and the view following the tab the reader switches to.
 *
 * Firefox shows the side panel as the sidebar (sidebar_action), whose page BiDi cannot reach;
 * here the same page, sidepanel.html, is opened in a tab of its own, as a reader may open it too.
 * The view then asks the background, which picks the page it is about in lib/background/this-page.ts
 * (pageTabFor): for a page in a tab, the tab of its window used most recently before it; and the
 * view asks again on the browser's own tabs.onActivated / onUpdated events (this-page-source.ts).
 * The tests switch tabs with BiDi's browsingContext.activate, which selects the tab in the
 * browser's tab strip as a reader's click would, so both the events and the tabs' lastAccessed
 * are the browser's own. (The sidebar's branch, the active tab of the focused window, is the
 * unit test's: tests/unit/background/page-notes.test.ts.) The first test opens the real sidebar
 * and checks that it holds this same page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, GECKO_ID, launchFirefoxWithExtension, type FirefoxTab, type FirefoxWithExtension } from './firefox';
import { clickIn, clickUi, setLocaleIn, textIn, typeInUi } from './firefox-pages';
import { OUTPUT_DIR, ROOT, serveStatic, siteUrl, type StaticServer } from './harness';
import { byClass, highlightTexts, readingOrder, selectTextInPage } from './page-probes';

let firefox: FirefoxWithExtension;
let server: StaticServer;
let panel: FirefoxTab;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await serveStatic(join(ROOT, 'tests'));
  firefox = await launchFirefoxWithExtension();
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const highlights = async (tab: FirefoxTab) => byClass(await tab.evaluate(highlightTexts));
const KEPT = '用短视频讲解常见病预防';
const PASSAGE = '市纪委监委的“家风书场”把廉洁故事编成曲艺节目';
const NOTE = '待核实：展演场次';

/** What the view lists: each entry's page text, `note:` before a note's. */
const listed = () =>
  panel.evaluate(() =>
    [...document.querySelectorAll('[data-testid="this-page-list"] button.entry')].map((b) => (b.classList.contains('entry-note') ? 'note:' : '') + (b.getAttribute('data-text') ?? '')),
  );
const pageTitle = () => textIn(panel, '#this-page-title');
/** The view's tab is selected and labelled in English. */
const englishTabSelected = () => panel.evaluate(() => [...document.querySelectorAll('[role="tab"]')].some((t) => t.textContent?.includes('This page') && t.getAttribute('aria-selected') === 'true'));

describe('the side panel’s "this page" view in Firefox', () => {
  it('is the page Firefox shows in its sidebar', async () => {
    // The sidebar's id is made from the extension's (Firefox's ExtensionCommon.makeWidgetId).
    const id = `${GECKO_ID.replace(/[^a-z0-9_-]/gi, '_')}-sidebar-action`.toLowerCase();
    // (Firefox may still be setting up the sidebar it opens for a newly installed extension: ask until it answers.)
    const show = () => firefox.inBrowserWindow<boolean>(`SidebarController.show(${JSON.stringify(id)}).then(() => SidebarController.isOpen)`).catch(() => false);
    await expect.poll(show, { timeout: 10_000 }).toBe(true);
    const held = () =>
      firefox.inBrowserWindow<string>(`(() => {
        const panel = document.getElementById('sidebar').contentDocument.getElementById('webext-panels-browser');
        return SidebarController.currentID + ' ' + (panel ? panel.currentURI.spec : '');
      })()`);
    await expect.poll(held, { timeout: 10_000 }).toBe(`${id} ${extensionUrl('sidepanel')}`);
    await firefox.inBrowserWindow('SidebarController.hide()');
  });

  it('lists every mention and note of the page in reading order', async () => {
    await firefox.goto(siteUrl(server, 'www.jinjiang.gov.cn', 'demo/site/index.html'));
    await expect.poll(async () => (await highlights(firefox))['msl-project-done']?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(100);
    // A highlight and a note, made on the page as a reader makes them.
    await firefox.evaluate(selectTextInPage, KEPT);
    await clickUi(firefox, '[data-testid="selection-highlight"]');
    await expect.poll(async () => (await highlights(firefox))['msl-note'] ?? []).toEqual([KEPT]);
    await firefox.evaluate(selectTextInPage, PASSAGE);
    await clickUi(firefox, '[data-testid="selection-add-note"]');
    await typeInUi(firefox, '[data-testid="note-body"]', NOTE);
    await clickUi(firefox, '[data-testid="note-save"]');
    await expect.poll(async () => ((await highlights(firefox))['msl-note'] ?? []).sort()).toEqual([PASSAGE, KEPT].sort());
    const order = await firefox.evaluate(readingOrder);

    panel = await firefox.newTab(extensionUrl('sidepanel'));
    await panel.setViewport(420, 900);
    await panel.activate();
    await clickIn(panel, '[role="tab"]', '此页');
    await expect.poll(listed, { timeout: 15_000 }).toEqual(order).catch(async (e) => {
      throw new Error(`${e}\npanel shows: ${await panel.evaluate(() => document.querySelector('[role="tabpanel"]')?.textContent?.slice(0, 300) ?? document.body.textContent?.slice(0, 300))}`);
    });
    expect(order.filter((e) => e.startsWith('note:')).sort()).toEqual([`note:${PASSAGE}`, `note:${KEPT}`].sort());
    expect(await pageTitle()).toBe(await firefox.evaluate(() => document.title));
    expect(await textIn(panel, '[data-testid="this-page-counts"]')).toContain('2 条笔记');
    expect(await textIn(panel, 'button.entry-note[data-text^="市纪委"] .entry-body')).toBe(NOTE);
    await panel.screenshot(join(OUTPUT_DIR, 'firefox-this-page-zh.png'));
  });

  it('jumps to a mention and to a note: the page scrolls there and opens its card', async () => {
    await firefox.evaluate(() => scrollTo(0, 0));
    await clickIn(panel, 'button.entry-project', '打造提升一批现场教学点');
    await expect.poll(() => firefox.evaluate(() => scrollY), { timeout: 5_000 }).toBeGreaterThan(500);
    await expect.poll(() => firefox.inOurUi((root) => root.querySelector('[data-card-kind="project"]')?.textContent ?? null, null)).toContain('打造提升一批现场教学点');
    await clickIn(panel, 'button.entry-note', '家风书场');
    await expect.poll(() => firefox.inOurUi((root) => root.querySelector('[data-testid="note-text"]')?.textContent ?? null, null)).toBe(NOTE);
    await firefox.activate();
    await firefox.press('Escape');
  });

  it('follows the tab the reader switches to', async () => {
    const other = await firefox.newTab(siteUrl(server, 'www.ijjnews.com', 'browser/pages/source-meta.html'));
    await other.activate();
    await expect.poll(() => other.evaluate(() => CSS.highlights.size), { timeout: 15_000 }).toBeGreaterThan(0);
    // The view, in the background, heard the switch; back in front it is about the other page.
    await panel.activate();
    await expect.poll(pageTitle, { timeout: 10_000 }).toBe('园区里的“微车管所” — 测试稿');
    await expect.poll(listed).toEqual(await other.evaluate(readingOrder));
    await firefox.activate();
    await panel.activate();
    await expect.poll(pageTitle, { timeout: 10_000 }).not.toBe('园区里的“微车管所” — 测试稿');
    expect((await listed()).filter((e) => e.startsWith('note:')).length).toBe(2);
    await other.close();
  });

  it('lists notes whose passage is gone last, as orphans', async () => {
    // The page takes out the paragraph both notes were on (as a site's edit would).
    await firefox.evaluate((passage: string) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.includes(passage)) (n as Text).data = '（本段已删改）';
    }, PASSAGE);
    await expect.poll(async () => (await highlights(firefox))['msl-note'] ?? [], { timeout: 10_000 }).toEqual([]);
    await clickIn(panel, '.this-page button.small');
    const orphans = () => panel.evaluate(() => [...document.querySelectorAll('[data-testid="this-page-orphans"] li .entry-quote')].map((e) => e.textContent ?? '').sort());
    await expect.poll(orphans, { timeout: 10_000 }).toEqual([PASSAGE, KEPT].sort());
    expect(await textIn(panel, '[data-testid="this-page-orphans"] .entry-body')).toBe(NOTE);
    // After everything in reading order, which has no note left.
    expect(await panel.evaluate(() => !!(document.querySelector('[data-testid="this-page-list"]')!.compareDocumentPosition(document.querySelector('[data-testid="this-page-orphans"]')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    expect((await listed()).filter((e) => e.startsWith('note:'))).toEqual([]);
    // Each orphan keeps inside the view, as the entries above it do (it once stuck out by its padding).
    expect(await panel.evaluate(() => [...document.querySelectorAll('[data-testid="this-page-orphans"] li')].map((li) => Math.round(li.getBoundingClientRect().right - li.parentElement!.getBoundingClientRect().right)))).toEqual([0, 0]);
    expect(await textIn(panel, '[data-testid="this-page-counts"]')).toContain('2 条笔记');
    await panel.evaluate(() => document.querySelector('[data-testid="this-page-orphans"]')!.scrollIntoView());
    await panel.screenshot(join(OUTPUT_DIR, 'firefox-this-page-orphans-zh.png'));
  });

  it('shows the view in English', async () => {
    await setLocaleIn(panel, 'en');
    try {
      await expect.poll(() => textIn(panel, '[data-testid="this-page-counts"]'), { timeout: 10_000 }).toMatch(/2 notes/);
      expect(await englishTabSelected()).toBe(true);
      await panel.evaluate(() => scrollTo(0, 0));
      await panel.screenshot(join(OUTPUT_DIR, 'firefox-this-page-en.png'));
      await panel.evaluate(() => document.querySelector('[data-testid="this-page-orphans"]')!.scrollIntoView());
      await panel.screenshot(join(OUTPUT_DIR, 'firefox-this-page-orphans-en.png'));
    } finally {
      await setLocaleIn(panel, 'zh_CN');
    }
  });
});
