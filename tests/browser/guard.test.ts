/**
 * Issue 11 in real Chromium, from the background's side: what a page claims about itself does not
 * decide whose notes it gets or where its sightings are filed (items 1, 4), and a dataset the user
 * installs is the one pages are read with, until the bundled one is restored (items 7, 9).
 * The page's own script plays the hostile part: it declares a canonical link to another site.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/data/dataset';
import { datasetHash } from '../../lib/data/hash';
import type { TabReport } from '../../lib/messaging/tab-protocol';
import { launchWithExtension, OUTPUT_DIR, ROOT, serveStatic, siteUrl, type ExtensionBrowser, type StaticServer } from './harness';
import { highlightTexts } from './page-probes';

let browser: ExtensionBrowser;
let server: StaticServer;
const NEWS = 'demo/site/index.html';
const url = (host: string) => siteUrl(server, host, NEWS);

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await serveStatic(join(ROOT, 'tests'));
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Row = Record<string, unknown>;

/** Reads or writes a store of the extension's IndexedDB with the raw API, from the service worker. */
function idb(store: string, put?: Row): Promise<Row[]> {
  return browser.worker.evaluate(
    ([name, row]) =>
      new Promise<Row[]>((resolve, reject) => {
        const open = indexedDB.open('minsheng-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(name, row ? 'readwrite' : 'readonly');
          if (row) tx.objectStore(name).put(row);
          const req = tx.objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result as Row[]);
          req.onerror = () => reject(req.error);
        };
      }),
    [store, put] as [string, Row | undefined],
  );
}

/** The texts of every highlight range on the page, whatever its name. */
const highlighted = async (page: Page) => Object.values(await page.evaluate(highlightTexts)).flat();

/** What the content script in `page`'s top frame reports (asked the way the popup asks). */
async function reportOf(page: Page): Promise<TabReport> {
  await page.bringToFront();
  return browser.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]>; sendMessage(id: number, m: object, o: object): Promise<{ ok: boolean; value: TabReport } | TabReport> } } }).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    const answer = await c.tabs.sendMessage(tab!.id, { type: 'tab/report' }, { frameId: 0 });
    return ('ok' in answer ? answer.value : answer) as TabReport;
  });
}

const statusOf = async (page: Page, id: string) => (await reportOf(page)).targets.find((t) => t.id === id)?.status;

describe('a page cannot borrow another site’s identity', () => {
  const QUOTE = '用短视频讲解常见病预防';

  it('gets none of the notes of the page it names as canonical, and its sightings are filed under its own site', async () => {
    const jinjiang = url('www.jinjiang.gov.cn');
    const now = Date.now();
    await idb('notes', {
      id: '6c1e5b4e-2f43-4a6e-9d55-2f0c1f3a9e11',
      targetId: '',
      pageUrl: jinjiang,
      body: '只属于晋江页面的笔记',
      tags: [],
      createdAt: now,
      updatedAt: now,
      anchor: { url: jinjiang, canonicalUrl: jinjiang, title: 'A', quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: QUOTE.length } },
    });

    // Its own page shows the note (the control).
    const own = await browser.context.newPage();
    await own.goto(jinjiang);
    await expect.poll(() => highlighted(own), { timeout: 10_000 }).toContain(QUOTE);
    await own.close();

    // Another government site, whose script declares the Jinjiang page as its canonical address.
    const spoof = await browser.context.newPage();
    await spoof.addInitScript((canonical) => {
      document.addEventListener('DOMContentLoaded', () => {
        const link = document.createElement('link');
        link.rel = 'canonical';
        link.href = canonical;
        document.head.append(link);
      });
    }, jinjiang);
    const fuzhou = url('www.fuzhou.gov.cn');
    await spoof.goto(fuzhou);
    await expect.poll(async () => (await highlighted(spoof)).length, { timeout: 10_000 }).toBeGreaterThan(100);
    await expect.poll(async () => (await idb('sightings')).filter((s) => String(s.url).includes('fuzhou')).length, { timeout: 10_000 }).toBeGreaterThan(50);
    expect(await highlighted(spoof)).not.toContain(QUOTE);
    const filed = (await idb('sightings')).filter((s) => String(s.url).includes('fuzhou'));
    expect(new Set(filed.map((s) => s.site))).toEqual(new Set(['fuzhou.gov.cn']));
    expect(new Set(filed.map((s) => s.canonicalUrl))).toEqual(new Set([fuzhou]));
    await spoof.close();
  });
});

describe('pages use the dataset the user installed', () => {
  it('reads the page with an installed newer dataset, and with the bundled one again once restored', async () => {
    const newer = structuredClone(bundledDataset);
    newer.meta.version = `${Number(bundledDataset.meta.version.split('.')[0])}.99.0`;
    const p23 = newer.items.find((i) => i.id === 'mw2023-023')!;
    p23.statusHistory.push({ status: 'in_progress', asOf: '2024-06-01', source: p23.source });
    Object.assign(p23, { status: 'in_progress', statusAsOf: '2024-06-01' });
    delete p23.statusNote;
    // and project 1 (家风书场, on the page) is printed differently now: the page must be read with the installed pack too
    const p1 = newer.items.find((i) => i.id === 'mw2023-001')!;
    Object.assign(p1, { name: '一个页面上没有的项目名称', keyphrases: [] });
    delete p1.otherNames;
    delete p1.genericPhrases;
    delete p1.contextWords;
    newer.meta.counts = { ...newer.meta.counts, completed: newer.items.filter((i) => i.status === 'completed').length };
    newer.meta.hash = await datasetHash(newer);
    const file = join(OUTPUT_DIR, 'guard-newer-dataset.json');
    writeFileSync(file, JSON.stringify(newer));

    const news = await browser.context.newPage();
    await news.goto(url('www.jinjiang.gov.cn'));
    await expect.poll(() => statusOf(news, 'mw2023-023'), { timeout: 10_000 }).toBe('completed');
    expect(await statusOf(news, 'mw2023-001')).toBe('completed');

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.setInputFiles('#dataset-file', file);
    await options.getByTestId('dataset-apply').click();
    await options.getByText(newer.meta.version).last().waitFor();
    await expect.poll(async () => (await idb('items')).find((i) => i.id === 'mw2023-023')?.status).toBe('in_progress');

    await news.reload();
    await expect.poll(() => statusOf(news, 'mw2023-023'), { timeout: 10_000 }).toBe('in_progress');
    expect((await reportOf(news)).targets.some((t) => t.id === 'mw2023-001')).toBe(false);

    await options.bringToFront();
    await options.getByTestId('dataset-restore').click();
    await options.getByText(bundledDataset.meta.version).last().waitFor();
    await news.reload();
    await expect.poll(() => statusOf(news, 'mw2023-023'), { timeout: 10_000 }).toBe('completed');
    expect(await statusOf(news, 'mw2023-001')).toBe('completed');
    await options.close();
    await news.close();
  });
});
