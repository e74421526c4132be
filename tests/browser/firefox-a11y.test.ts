/**
 * Accessibility (issue 13, 10) in the Firefox build, in Firefox ESR over WebDriver BiDi, as
 * a11y.test.ts checks it in Chromium: axe-core finds no violations in the popup, each side-panel
 * tab, the options page, the mention card and the note card, in Chinese and in English; the
 * popup's lists take keyboard focus and it fits the 600 px a browser gives a popup; nothing in
 * the 360 px side panel runs off its side. The extension's pages are opened in tabs (BiDi cannot
 * reach Firefox's popup or sidebar); the popup is told its tab as the toolbar would (?tab=).
 * Screenshots of each view in both languages go to test-output/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launchFirefoxWithExtension, type FirefoxTab, type FirefoxWithExtension } from './firefox';
import { axeViolations, axeViolationsInOurUi, clickIn, clickUi, setLocaleIn, typeInUi } from './firefox-pages';
import { OUTPUT_DIR, ROOT, serveStatic, siteUrl, type StaticServer } from './harness';
import { byClass, highlightTexts, pointOfText, selectTextInPage } from './page-probes';

let firefox: FirefoxWithExtension;
let server: StaticServer;
/** An extension page kept open to set the language and ask the tabs API. */
let options: FirefoxTab;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await serveStatic(join(ROOT, 'tests'));
  firefox = await launchFirefoxWithExtension();
  options = await firefox.newTab(extensionUrl('options'));
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const PASSAGE = '市纪委监委的“家风书场”把廉洁故事编成曲艺节目';

/** The article's tab id, as the toolbar would hand it to the popup: the active tab of the window. */
async function articleTabId(): Promise<number> {
  await firefox.activate();
  return options.evaluate(async () => {
    const b = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).browser;
    return (await b.tabs.query({ active: true, currentWindow: true }))[0]!.id;
  });
}

async function openCard(text: string) {
  await firefox.activate();
  const p = await firefox.evaluate(pointOfText, [text] as [string, string?]);
  await firefox.click(p!);
}

describe('the article', () => {
  it('is drawn, and has a passage note written on it as a reader writes one', async () => {
    await firefox.goto(siteUrl(server, 'www.jinjiang.gov.cn', 'demo/site/index.html'));
    await expect.poll(async () => byClass(await firefox.evaluate(highlightTexts))['msl-project-done']?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(100);
    await firefox.evaluate(selectTextInPage, PASSAGE);
    await clickUi(firefox, '[data-testid="selection-add-note"]');
    await typeInUi(firefox, '[data-testid="note-body"]', '待核实：展演场次');
    await clickUi(firefox, '[data-testid="note-save"]');
    await expect.poll(async () => byClass(await firefox.evaluate(highlightTexts))['msl-note'] ?? []).toEqual([PASSAGE]);
  });
});

describe.each(['zh_CN', 'en'] as const)('in %s', (locale) => {
  const shot = (name: string) => join(OUTPUT_DIR, `firefox-${name}-${locale === 'zh_CN' ? 'zh' : 'en'}.png`);
  beforeAll(async () => {
    await setLocaleIn(options, locale);
  });

  it('the article, drawn again in this language (the in-page UI takes the language it has when the page is drawn)', async () => {
    await firefox.reload();
    await expect.poll(async () => byClass(await firefox.evaluate(highlightTexts))['msl-note'] ?? [], { timeout: 15_000 }).toEqual([PASSAGE]);
  });

  it('the popup: no violations, lists reachable by keyboard, fits in 600 px', async () => {
    const popup = await firefox.newTab(`${extensionUrl('popup')}?tab=${await articleTabId()}`);
    await popup.setViewport(400, 600);
    await popup.activate();
    await expect.poll(() => popup.evaluate(() => !!document.querySelector('[data-testid="tab-targets"]')), { timeout: 15_000 }).toBe(true);
    await clickIn(popup, 'details:has([data-testid="tab-signals"]) > summary');
    expect(await axeViolations(popup)).toEqual([]);
    // The scrolling lists take keyboard focus (arrow keys then scroll them).
    expect(await popup.evaluate(() => ['tab-signals', 'tab-targets'].map((id) => document.querySelector(`[data-testid="${id}"]`)!.getAttribute('tabindex')))).toEqual(['0', '0']);
    await popup.screenshot(shot('popup-why'));
    await clickIn(popup, 'details:has([data-testid="tab-signals"]) > summary');
    await popup.evaluate(() => scrollTo(0, 0));
    await popup.screenshot(shot('popup'));
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
    await popup.close();
  });

  it('the side panel: no violations on any tab, at 360 px', async () => {
    const panel = await firefox.newTab(extensionUrl('sidepanel'));
    await panel.setViewport(360, 800);
    await panel.activate();
    await expect.poll(() => panel.evaluate(() => document.querySelectorAll('[role="tab"]').length), { timeout: 15_000 }).toBe(5);
    // Results with status badges on the search tab (the badges once fell to 4.06:1).
    await clickIn(panel, '[role="tab"]', locale === 'en' ? 'Search' : '搜索');
    await clickIn(panel, '#search-input');
    await panel.type('微车管所');
    await expect.poll(() => panel.evaluate(() => !!document.querySelector('.status-completed')), { timeout: 10_000 }).toBe(true);
    for (let i = 0; i < 5; i++) {
      await panel.evaluate(() => scrollTo(0, 0));
      await clickIn(panel, `[role="tab"]:nth-child(${i + 1})`);
      await expect.poll(() => panel.evaluate((n: number) => document.querySelectorAll('[role="tab"]')[n]!.getAttribute('aria-selected'), i)).toBe('true');
      await new Promise((r) => setTimeout(r, 300));
      expect(await axeViolations(panel), `tab ${i}`).toEqual([]);
      expect(await panel.evaluate(() => document.documentElement.scrollWidth), `tab ${i}`).toBeLessThanOrEqual(360);
      await panel.screenshot(shot(`sidepanel-tab${i}`), { full: true });
    }
    await panel.close();
  });

  it('the options page: no violations', async () => {
    await options.setViewport(900, 1000);
    await options.reload();
    await expect.poll(() => options.evaluate(() => !!document.querySelector('#language')), { timeout: 15_000 }).toBe(true);
    expect(await axeViolations(options)).toEqual([]);
    await options.screenshot(shot('options'), { full: true });
  });

  it('the mention card: no violations, colour key and reasons in words', async () => {
    await openCard('微车管所');
    await expect.poll(() => firefox.inOurUi((root) => root.querySelectorAll('[data-card-kind="project"]').length, null), { timeout: 5_000 }).toBe(1);
    await clickUi(firefox, '[data-card-kind="project"] details > summary');
    await clickUi(firefox, 'details.card-legend > summary');
    expect(await firefox.inOurUi((root) => root.querySelectorAll('details.card-legend[open] [data-testid="legend"] li').length, null)).toBe(5);
    expect(await axeViolationsInOurUi(firefox)).toEqual([]);
    await firefox.screenshot(shot('card'));
    await firefox.press('Escape');
  });

  it('the note card: no violations', async () => {
    await openCard('廉洁故事');
    await expect.poll(() => firefox.inOurUi((root) => root.querySelector('[data-testid="note-card"]')?.getAttribute('data-note-kind') ?? null, null), { timeout: 5_000 }).toBe('note');
    expect(await firefox.inOurUi((root) => root.querySelector('[data-testid="note-text"]')?.textContent ?? null, null)).toBe('待核实：展演场次');
    expect(await firefox.inOurUi((root) => root.querySelector('[data-testid="note-card"]')!.getAttribute('aria-label'), null)).toMatch(locale === 'en' ? /note/i : /笔记/);
    expect(await axeViolationsInOurUi(firefox)).toEqual([]);
    await firefox.screenshot(shot('note-card-a11y'));
    await firefox.press('Escape');
  });
});
