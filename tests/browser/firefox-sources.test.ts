/**
 * The page as a source (issue 13, 7) in the Firefox build, in Firefox ESR over WebDriver BiDi, as
 * sources.test.ts checks it in Chromium: a page that names its outlet, author and date is read;
 * its sightings keep the sentence around each mention and what the page said of itself; the side
 * panel's sightings view (sidepanel.html in a tab: BiDi cannot reach Firefox's sidebar) shows the
 * page once with its projects first; the CSL-JSON, RIS and coverage table saved from there by the
 * reader's clicks (files Firefox downloads) say what the page gave. Screenshots in both languages.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launchFirefoxWithExtension, type FirefoxTab, type FirefoxWithExtension } from './firefox';
import { clickIn, setLocaleIn, storedRowsIn, textIn } from './firefox-pages';
import { OUTPUT_DIR, ROOT, serveStatic, siteUrl, type StaticServer } from './harness';

let firefox: FirefoxWithExtension;
let server: StaticServer;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await serveStatic(join(ROOT, 'tests'));
  firefox = await launchFirefoxWithExtension();
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** Clicks an export button of the panel and reads the file Firefox saved (its name must match `name`). */
async function download(panel: FirefoxTab, testId: string, name: RegExp): Promise<{ name: string; text: string }> {
  const before = new Set(readdirSync(firefox.downloads));
  await clickIn(panel, `[data-testid="${testId}"]`);
  let file: string | undefined;
  // Firefox writes into `<name>.part` and renames it when done.
  await expect
    .poll(() => (file = readdirSync(firefox.downloads).find((f) => !before.has(f) && name.test(f) && existsSync(join(firefox.downloads, f)))), { timeout: 10_000, message: `a download named ${name}` })
    .toBeTruthy();
  return { name: file!, text: readFileSync(join(firefox.downloads, file!), 'utf8') };
}

describe('a page as a source in Firefox', () => {
  it('records the sentence and the page meta, groups them by page and exports them as CSL-JSON, RIS and a coverage table', async () => {
    const address = siteUrl(server, 'www.ijjnews.com', 'browser/pages/source-meta.html');
    await firefox.goto(address);
    const panel = await firefox.newTab(extensionUrl('sidepanel'));
    await panel.setViewport(360, 800);
    await expect.poll(async () => (await storedRowsIn(panel, 'sightings')).find((s) => s.targetId === 'mw2023-023'), { timeout: 15_000 }).toBeTruthy();
    const seen = (await storedRowsIn(panel, 'sightings')).find((s) => s.targetId === 'mw2023-023')!;
    expect(seen.sentence).toBe('晋江市公安局在园区设立的“微车管所”已经开门迎客，换领驾驶证当天就能拿到。');
    expect(seen.meta).toEqual({ siteName: '晋江测试新闻网', author: '测试记者 王一', published: '2023-09-15' });

    await panel.activate();
    await clickIn(panel, '[role="tab"]', '出现记录');
    await expect.poll(() => textIn(panel, '.source-page h3'), { timeout: 15_000 }).toBe('园区里的“微车管所” — 测试稿');
    expect(await textIn(panel, '.source-page p.muted')).toMatch(/^晋江测试新闻网 \(ijjnews\.com\) · 测试记者 王一 · 页面日期 2023-09-15 · /);
    // Projects come first, with their sentence; units are folded below them.
    const projects = await panel.evaluate(() => [...document.querySelectorAll('.source-page:first-of-type > ul .sighting-name')].map((e) => e.textContent ?? ''));
    expect(projects.some((t) => t.includes('微车管所'))).toBe(true);
    expect(projects.some((t) => t.includes('家风书场'))).toBe(true);
    expect(await panel.evaluate(() => document.querySelector('.source-page details.units-seen')!.hasAttribute('open'))).toBe(false);
    // Nothing in the narrow panel runs off its side.
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await panel.evaluate(() => scrollTo(0, document.querySelector('[role="tablist"]')!.getBoundingClientRect().top + scrollY));
    await panel.screenshot(join(OUTPUT_DIR, 'firefox-sightings-zh.png'));

    await clickIn(panel, 'details.export-here > summary');
    const csl = await download(panel, 'export-csl', /^minsheng-lens-sources-\d{8}-\d{4}\.json$/);
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

    const ris = await download(panel, 'export-ris', /^minsheng-lens-sources-\d{8}-\d{4}\.ris$/);
    const record = ris.text.split('ER  - ').find((r) => r.includes(`UR  - ${address}`))!;
    expect(record).toBeTruthy();
    for (const line of ['TY  - ELEC', 'TI  - 园区里的“微车管所” — 测试稿', 'T2  - 晋江测试新闻网', 'AU  - 测试记者 王一', 'PY  - 2023', 'DA  - 2023/09/15']) expect(record.split('\r\n')).toContain(line);

    const coverage = await download(panel, 'export-coverageCsv', /^minsheng-lens-.*\.csv$/);
    const line = coverage.text.split('\r\n').find((l) => l.startsWith('mw2023-023,23,'));
    // The record's only status is dated 2024-02-06, after the page: no status at the page's date is claimed.
    expect(line).toMatch(/^mw2023-023,23,[^,]*,[^,]*,[^,]+,公安局,,,2023-09-15,\d{4}-\d{2}-\d{2},ijjnews\.com,晋江测试新闻网,/);
    expect(line).toContain('晋江市公安局在园区设立的“微车管所”已经开门迎客');

    await setLocaleIn(panel, 'en');
    try {
      await panel.reload();
      await clickIn(panel, '[role="tab"]', 'Sightings');
      await expect.poll(() => textIn(panel, '.source-page p.muted'), { timeout: 15_000 }).toMatch(/page dated 2023-09-15/).catch(async (e) => {
        throw new Error(`${e}; the panel shows: ${await panel.evaluate(() => document.body.innerText.slice(0, 600))}`);
      });
      await clickIn(panel, '.source-page details.units-seen > summary');
      // The English tab names are wider than the Chinese: at 360 px they once ran 65 px off the side.
      expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await panel.evaluate(() => scrollTo(0, document.querySelector('[role="tablist"]')!.getBoundingClientRect().top + scrollY));
      await panel.screenshot(join(OUTPUT_DIR, 'firefox-sightings-en.png'));
    } finally {
      await setLocaleIn(panel, 'zh_CN');
    }
  });
});
