/**
 * The page as a source, end to end in real Chromium with the built extension (issue 13, 7):
 * a page that names its outlet, author and date is read; its sightings keep the sentence
 * around each mention and what the page said of itself; the side panel's sightings view shows
 * the page once with its projects first; the CSL-JSON saved from there validates against the
 * CSL schema and says what the page gave, and the coverage table has the project's row.
 * Screenshots of the view in both languages go to test-output/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, OUTPUT_DIR, ROOT, serveStatic, siteUrl, type ExtensionBrowser, type StaticServer, storedRows, setLocale as setLocaleIn } from './harness';

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await serveStatic(join(ROOT, 'tests'));
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const rows = (store: string) => storedRows(browser, store);

const setLocale = (locale: 'zh_CN' | 'en') => setLocaleIn(browser, locale);

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: dl.suggestedFilename(), text: readFileSync((await dl.path())!, 'utf8') };
}

describe('a page as a source', () => {
  it('records the sentence and the page meta, groups them by page and exports them as CSL-JSON and a coverage table', async () => {
    const article = await browser.context.newPage();
    const address = siteUrl(server, 'www.ijjnews.com', 'browser/pages/source-meta.html');
    await article.goto(address);
    await expect.poll(async () => (await rows('sightings')).find((s) => s.targetId === 'mw2023-023'), { timeout: 15_000 }).toBeTruthy();
    const seen = (await rows('sightings')).find((s) => s.targetId === 'mw2023-023')!;
    expect(seen.sentence).toBe('晋江市公安局在园区设立的“微车管所”已经开门迎客，换领驾驶证当天就能拿到。');
    expect(seen.meta).toEqual({ siteName: '晋江测试新闻网', author: '测试记者 王一', published: '2023-09-15' });

    await setLocale('zh_CN');
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await panel.getByRole('tab', { name: '出现记录' }).click();
    const first = panel.locator('.source-page').first();
    await expect.poll(() => first.locator('h3').textContent(), { timeout: 15_000 }).toBe('园区里的“微车管所” — 测试稿');
    expect(await first.locator('p.muted').first().textContent()).toMatch(/^晋江测试新闻网 \(ijjnews\.com\) · 测试记者 王一 · 页面日期 2023-09-15 · /);
    // Projects come first, with their sentence; units are folded below them.
    expect(await first.locator(':scope > ul .sighting-name').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/微车管所/), expect.stringMatching(/家风书场/)]));
    expect(await first.locator('details.units-seen').getAttribute('open')).toBeNull();
    // Nothing in the narrow panel runs off its side.
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await panel.screenshot({ path: join(OUTPUT_DIR, 'sidepanel-sightings-zh.png'), fullPage: true });

    await panel.locator('details.export-here > summary').click();
    const csl = await download(panel, 'export-csl');
    expect(csl.name).toMatch(/^minsheng-lens-sources-\d{8}-\d{4}\.json$/);
    const items = JSON.parse(csl.text) as Record<string, unknown>[];
    const schema = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/csl/csl-data.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(items), JSON.stringify(validate.errors)).toBe(true);
    expect(items.find((i) => i.URL === address)).toMatchObject({
      type: 'webpage',
      title: '园区里的“微车管所” — 测试稿',
      'container-title': '晋江测试新闻网',
      author: [{ literal: '测试记者 王一' }],
      issued: { 'date-parts': [[2023, 9, 15]] },
    });

    const coverage = await download(panel, 'export-coverageCsv');
    const line = coverage.text.split('\r\n').find((l) => l.startsWith('mw2023-023,23,'));
    // The record's only status is dated 2024-02-06, after the page: no status at the page's date is claimed.
    expect(line).toMatch(/^mw2023-023,23,[^,]*,[^,]*,[^,]+,公安局,,,2023-09-15,\d{4}-\d{2}-\d{2},ijjnews\.com,晋江测试新闻网,/);
    expect(line).toContain('晋江市公安局在园区设立的“微车管所”已经开门迎客');

    await setLocale('en');
    await panel.reload();
    await panel.getByRole('tab', { name: 'Sightings' }).click();
    await expect.poll(() => panel.locator('.source-page p.muted').first().textContent(), { timeout: 15_000 }).toMatch(/page dated 2023-09-15/);
    await panel.locator('details.units-seen').first().locator('summary').click();
    await panel.screenshot({ path: join(OUTPUT_DIR, 'sidepanel-sightings-en.png'), fullPage: true });
    await setLocale('zh_CN');
    await panel.close();
    await article.close();
  });
});
