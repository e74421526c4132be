/**
 * Reading a page as it is shown, in real Chromium: the content script's reader agrees with
 * the CLI on every fixture page; ruby annotations and text the page does not render are left
 * out of the gate, the highlights, the popup's list and the sightings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractHtmlText } from '../../lib/text/extract-html';
import type { TabReport } from '../../lib/messaging/tab-protocol';
import { launchWithExtension, ROOT, serveStatic, siteUrl, type ExtensionBrowser, type StaticServer, storedRows } from './harness';
import { byClass, highlightTexts } from './page-probes';
import { FIXTURES, readerSource, readPageWith } from './read-bundle';

let browser: ExtensionBrowser;
let server: StaticServer;
const url = (path: string, host = 'www.jinjiang.gov.cn') => siteUrl(server, host, path);

beforeAll(async () => {
  server = await serveStatic(join(ROOT, 'tests'));
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The browser's id for the tab showing `page` (the active one). */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  return browser.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).chrome;
    return (await c.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id;
  });
}

/** What the popup is told about the tab (its list of mentions included). */
async function reportOf(page: Page): Promise<TabReport> {
  const tab = await tabIdOf(page);
  return browser.worker.evaluate(async (id) => {
    const c = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<TabReport> } } }).chrome;
    return c.tabs.sendMessage(id, { type: 'tab/report' });
  }, tab);
}

/** Highlights' texts without ruby annotations (a range over 公<rt>gōng</rt>安 also spans the rt). */
function highlightBases(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((hl, name) => {
    out[name] = [...hl].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const frag = range.cloneContents();
      frag.querySelectorAll('rt, rp').forEach((e) => e.remove());
      return frag.textContent ?? '';
    });
  });
  return out;
}

/** Sightings stored for pages whose address ends with `path`, read from the service worker. */
async function sightingsOf(path: string): Promise<{ targetId: string; quote: string }[]> {
  const rows = (await storedRows(browser, 'sightings')) as { url: string; targetId: string; quote: string }[];
  return rows.filter((s) => s.url.endsWith(path));
}

describe('the content script reads what the CLI reads', () => {
  for (const path of FIXTURES) {
    it(path, async () => {
      const page = await browser.context.newPage();
      // a host off the list: the extension stays out, the page is read by the bundled reader
      await page.goto(siteUrl(server, '127.0.0.1', path));
      const text = await page.evaluate(readPageWith, await readerSource());
      expect(text).toBe(extractHtmlText(readFileSync(join(ROOT, 'tests', path), 'utf8')));
      await page.close();
    });
  }
});

describe('what is not shown is not read', () => {
  it('finds names spelled out with pinyin over each character', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('fixtures/reading/ruby.html'));
    await expect.poll(async () => byClass(await page.evaluate(highlightBases))['msl-unit'] ?? [], { timeout: 10_000 }).toContain('晋江市公安局');
    const hl = byClass(await page.evaluate(highlightBases));
    expect(hl['msl-project-done']).toEqual(expect.arrayContaining(['微车管所', '家风书场']));
    expect(hl['msl-unit']).toContain('民政局');
    await page.close();
  });

  it('leaves hidden names out of the highlights, the popup’s list and the sightings', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('fixtures/reading/hidden.html'));
    await expect.poll(async () => byClass(await page.evaluate(highlightTexts))['msl-project-done'] ?? [], { timeout: 10_000 }).toContain('家风书场');
    const hl = byClass(await page.evaluate(highlightTexts));
    const drawn = Object.values(hl).flat();
    expect(hl['msl-unit']).toEqual(expect.arrayContaining(['晋江市公安局', '晋江市妇联', '市妇联']));
    expect(hl['msl-project-done']).toEqual(expect.arrayContaining(['推动“微车管所”进五里工业园区', '家风书场']));
    const hidden = ['民政局', '司法局', '财政局', '人社局', '小驿站', '住建局', '网签', '卫健局', '农业农村局', '水利局', '林业园林局'];
    for (const name of hidden) expect(drawn.filter((t) => t.includes(name)), name).toEqual([]);

    const report = await reportOf(page);
    expect(report.state).toBe('active');
    const listed = report.targets.map((t) => `${t.label} ${t.unit}`).join(' ');
    expect(listed).toContain('公安局');
    for (const name of hidden) expect(listed, name).not.toContain(name);

    await expect.poll(async () => (await sightingsOf('fixtures/reading/hidden.html')).length, { timeout: 5_000 }).toBeGreaterThan(0);
    const quotes = (await sightingsOf('fixtures/reading/hidden.html')).map((s) => s.quote).join(' ');
    expect(quotes).toContain('公安局');
    for (const name of hidden) expect(quotes, name).not.toContain(name);
    await page.close();
  });

  it('judges a page by its shown text: Jinjiang words only in a hidden drop-down do not make it relevant', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('fixtures/reading/hidden-unrelated.html', 'weather.example.gov.cn'));
    await page.waitForTimeout(1500);
    expect((await reportOf(page)).state).toBe('skipped');
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });
});

/** Our highlights' texts in a frame of the page (each mention there lies in one text node). */
const inFrame = (frame: { evaluate<T>(fn: () => T): Promise<T> }) =>
  frame.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.forEach((h) => h.forEach((r) => out.push((r.startContainer.textContent ?? '').slice(r.startOffset, r.endOffset))));
    return out;
  });

describe('frames without an address of their own', () => {
  it('reads an article in an <iframe srcdoc> of a listed page, and records it for that page', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/srcdoc.html'));
    const frame = page.frames().find((f) => f.url() === 'about:srcdoc')!;
    expect(frame).toBeTruthy();
    await expect.poll(() => inFrame(frame), { timeout: 10_000 }).toContain('推动“微车管所”进五里工业园区');
    expect(await inFrame(frame)).toContain('晋江市公安局');
    // its sightings belong to the page that holds the frame, not to "about:srcdoc"
    await expect.poll(async () => (await sightingsOf('browser/pages/srcdoc.html')).length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect((await sightingsOf('about:srcdoc')).length).toBe(0);
    // The popup tells of what the frame found (the top frame alone found nothing to draw).
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(page)}`);
    await expect.poll(() => popup.getByTestId('tab-targets').textContent(), { timeout: 10_000 }).toContain('微车管所');
    await popup.close();
    await page.close();
  });

  it('reads an article a script wrote into a blank frame', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/blank-frame.html'));
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    expect(frame.url()).toBe('about:blank');
    await expect.poll(() => inFrame(frame), { timeout: 10_000 }).toContain('困难老年人家庭适老化改造项目');
    expect(await inFrame(frame)).toContain('晋江市民政局');
    await page.close();
  });

  it('leaves alone an addressless frame whose parent is not a listed site', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/srcdoc.html', 'plain.example.org'));
    const frame = page.frames().find((f) => f.url() === 'about:srcdoc')!;
    await page.waitForTimeout(1500);
    expect(await inFrame(frame)).toEqual([]);
    await page.close();
  });
});

describe('shadow roots on ordinary elements', () => {
  it('reads and highlights text in open shadow roots of a plain div and p', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/shadow-plain.html'));
    const inShadows = () =>
      page.evaluate(() => {
        const out: string[] = [];
        CSS.highlights.forEach((h) => h.forEach((r) => out.push((r.startContainer.textContent ?? '').slice(r.startOffset, r.endOffset))));
        return out;
      });
    await expect.poll(inShadows, { timeout: 10_000 }).toContain('困难老年人家庭适老化改造项目');
    expect(await inShadows()).toEqual(expect.arrayContaining(['晋江市民政局', '晋江市公安局', '推动“微车管所”进五里工业园区']));
    await page.close();
  });
});

describe('a page that replaces its body or its root element without changing its address', () => {
  it('is read again: highlights and the popup’s list follow the new content', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/replace-body.html'));
    const drawn = async () => Object.values(byClass(await page.evaluate(highlightTexts))).flat();
    const listed = async () => (await reportOf(page)).targets.map((t) => t.label).join(' ');
    await expect.poll(drawn, { timeout: 10_000 }).toContain('推动“微车管所”进五里工业园区');

    // a new <body> element in place of the old one (the page's own script does this)
    await page.evaluate(() => {
      const body = document.createElement('body');
      body.append((document.getElementById('next-body') as HTMLTemplateElement).content.cloneNode(true));
      document.body = body as HTMLBodyElement;
    });
    await expect.poll(drawn, { timeout: 10_000 }).toContain('家风书场');
    await expect.poll(listed, { timeout: 5_000 }).toContain('家风书场');
    expect(await listed()).not.toContain('微车管所');

    // a new root element in place of <html>
    await page.evaluate(() => {
      const html = document.createElement('html');
      html.append((document.getElementById('next-root') as HTMLTemplateElement).content.cloneNode(true));
      document.replaceChild(html, document.documentElement);
    });
    await expect.poll(drawn, { timeout: 10_000 }).toContain('健康微融站');
    await expect.poll(listed, { timeout: 5_000 }).toContain('健康微融站');
    expect(await listed()).not.toContain('家风书场');
    await page.close();
  });
});

describe('content shown later without new text', () => {
  it('reads a <details> once the reader opens it', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('fixtures/reading/hidden.html'));
    const drawn = async () => Object.values(byClass(await page.evaluate(highlightTexts))).flat();
    await expect.poll(drawn, { timeout: 10_000 }).toContain('家风书场');
    expect((await drawn()).some((t) => t.includes('住建局'))).toBe(false);
    await page.locator('summary').click();
    await expect.poll(async () => (await drawn()).some((t) => t.includes('住建局')), { timeout: 10_000 }).toBe(true);
    await page.close();
  });
});
