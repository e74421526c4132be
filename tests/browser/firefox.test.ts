/**
 * The Firefox build in Debian's Firefox ESR: the same overlay as in Chromium, on the same
 * pages served from localhost, with the extension's background (an event page in Firefox)
 * and its IndexedDB. Driven over WebDriver BiDi (see firefox.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { OUTPUT_DIR, ROOT, serveStatic, siteUrl, type StaticServer } from './harness';
import { byClass, highlightTexts, pointOfText, selectTextInPage } from './page-probes';

let firefox: FirefoxWithExtension;
let server: StaticServer;
const url = (path: string, host = 'www.jinjiang.gov.cn') => siteUrl(server, host, path);

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await serveStatic(join(ROOT, 'tests'));
  firefox = await launchFirefoxWithExtension();
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** Our highlights as the page itself sees them: class (as msl-class) → the texts of their ranges. */
const highlights = async () => byClass(await firefox.evaluate(highlightTexts));

/** Scrolls the first occurrence of `text` (in the page, or in `host`'s shadow root) into view; its middle. */
async function pointOf(text: string, host?: string): Promise<{ x: number; y: number }> {
  const p = await firefox.evaluate(pointOfText, [text, host] as [string, string?]);
  if (!p) throw new Error(`text not on page: ${text}`);
  return p;
}

/** Middle of an element of our UI (in its closed shadow root), by test id; null when absent. */
const uiPoint = async (testId: string) =>
  firefox.inOurUi((root, id: string) => {
    const el = root.querySelector(`[data-testid="${id}"]`);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, testId);

async function clickUi(testId: string) {
  await expect.poll(() => uiPoint(testId), { timeout: 5_000 }).not.toBeNull();
  await firefox.click((await uiPoint(testId))!);
}

/** Text of the open card, or null. */
const cardText = () =>
  firefox.inOurUi((root) => root.querySelector('[data-card-kind]')?.textContent ?? null, null);

describe('the overlay in Firefox', () => {
  it('highlights units and projects on a news article with the Highlight API', async () => {
    expect(Number(firefox.version.split('.')[0])).toBeGreaterThanOrEqual(140); // Highlight API in Firefox
    await firefox.goto(url('demo/site/index.html'));
    await expect.poll(async () => (await highlights())['msl-project-done']?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(117);
    const hl = await highlights();
    expect(hl['msl-unit']).toContain('晋江市公安局');
    expect(hl['msl-unit']).toContain('市妇联');
    expect(hl['msl-project-done']).toContain('微车管所');
    expect(hl['msl-project-done']).toContain('推动“微车管所”进五里工业园区');
    expect(hl['msl-unit']?.some((t) => t.includes('石狮'))).toBe(false);
    expect(await firefox.evaluate(() => document.querySelectorAll('msl-mark').length)).toBe(0);
  });

  it('shows a project’s card with status and source on hover, and closes it with Esc', async () => {
    await firefox.hover(await pointOf('微车管所'));
    await expect.poll(cardText, { timeout: 5_000 }).toContain('推动“微车管所”进五里工业园区');
    const text = (await cardText())!;
    expect(text).toContain('已完成');
    expect(text).toContain('晋江经济报 2024-02-06');
    await firefox.screenshot(join(OUTPUT_DIR, 'firefox-card.png'));
    await firefox.press('Escape');
    await expect.poll(cardText).toBeNull();
  });

  it('follows a project and notes a passage through the background; both survive a reload, stored outside the page', async () => {
    await firefox.click(await pointOf('家风书场'));
    await expect.poll(cardText, { timeout: 5_000 }).toContain('家风书场');
    await clickUi('card-follow');
    await expect
      .poll(() => firefox.inOurUi((root) => root.querySelector('[data-testid="card-follow"]')!.getAttribute('aria-pressed'), null))
      .toBe('true');
    await firefox.press('Escape');

    const quote = '用短视频讲解常见病预防';
    await firefox.evaluate(selectTextInPage, quote);
    await clickUi('selection-add-note');
    await expect.poll(() => uiPoint('note-body')).not.toBeNull();
    await clickUi('note-body');
    await firefox.type('核实：科普专栏的播出频次');
    await clickUi('note-save');
    await expect.poll(async () => (await highlights())['msl-note'] ?? []).toEqual([quote]);

    await firefox.reload();
    await expect.poll(async () => (await highlights())['msl-note'] ?? [], { timeout: 15_000 }).toEqual([quote]);
    expect((await highlights())['msl-followed']).toEqual(expect.arrayContaining(['家风书场', '举办“家风书场”展演活动']));
    await firefox.screenshot(join(OUTPUT_DIR, 'firefox-after-reload.png'));
    // They came back from the extension's database: the page's origin has none of ours. (The
    // records themselves are read from an extension page in firefox-sources.test.ts.)
    expect(await firefox.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  });

  it('leaves a page that is not about the projects alone, yet wakes when an article arrives', async () => {
    await firefox.goto(url('browser/pages/unrelated.html', 'health.example.gov.cn'));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await highlights()).toEqual({});
    expect(await firefox.evaluate(() => document.querySelector('msl-lens-root') === null)).toBe(true);
    // The content script was there all along, watching: an article added now is drawn.
    await firefox.evaluate(() => {
      const h = document.createElement('h2');
      h.textContent = '晋江民生微实事';
      const p = document.createElement('p');
      p.textContent = '晋江市总工会上线“晋江司机之家”小程序。';
      document.body.append(h, p);
    });
    await expect.poll(async () => (await highlights())['msl-project-done'] ?? [], { timeout: 10_000 }).toContain('上线“晋江司机之家”小程序');
  });

  it('highlights and styles text in an open shadow root (Firefox keeps document styles out of it)', async () => {
    await firefox.goto(url('browser/pages/component.html'));
    await expect.poll(async () => (await highlights())['msl-project-done'] ?? [], { timeout: 15_000 }).toContain('困难老年人家庭适老化改造项目');
    expect((await highlights())['msl-unit']).not.toContain('晋江市妇联'); // in a closed shadow root
    // our ::highlight rules were added to the component's shadow root, and to nothing else of the page
    const rules = () =>
      firefox.evaluate(() => {
        const sheets = document.querySelector('news-article')!.shadowRoot!.adoptedStyleSheets;
        return [...sheets].flatMap((sh) => [...sh.cssRules].map((r) => r.cssText)).join('\n');
      });
    expect(await rules()).toMatch(/::highlight\([a-z][a-z0-9]*-project-done\)/);
    expect(await firefox.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    const p = await pointOf('适老化改造项目', 'news-article');
    await firefox.hover(p);
    await expect.poll(cardText, { timeout: 5_000 }).toContain('困难老年人家庭适老化改造项目');
    await firefox.screenshot(join(OUTPUT_DIR, 'firefox-component.png'));
    await firefox.press('Escape');
  });
});
