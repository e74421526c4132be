import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { launchWithExtension, OUTPUT_DIR, ROOT, serveStatic, siteUrl, type ExtensionBrowser, type StaticServer, storedRows } from './harness';
import { ourUi } from './our-ui';
import { byClass, highlightTexts, pointOfText, selectTextInPage } from './page-probes';

let browser: ExtensionBrowser;
let server: StaticServer;
const NEWS = 'demo/site/index.html';
// Served as sites on the default list (every host name resolves to this machine).
const url = (path: string, host = 'www.jinjiang.gov.cn') => siteUrl(server, host, path);

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await serveStatic(join(ROOT, 'tests'));
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Our highlights as the page itself sees them: class (as msl-class) → the texts of their ranges. */
const highlights = async (page: Page) => byClass(await page.evaluate(highlightTexts));

/** Viewport point in the middle of the first occurrence of `text` in the page (or in `host`'s shadow root). */
async function pointOf(page: Page, text: string, host?: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(pointOfText, [text, host] as [string, string?]);
  if (!p) throw new Error(`text not on page: ${text}`);
  return p;
}

const selectText = (page: Page, text: string) => page.evaluate(selectTextInPage, text);

const rows = (store: string) => storedRows(browser, store);

describe('the overlay on a news article', () => {
  let page: Page;

  it('highlights units and projects with the Highlight API', async () => {
    page = await browser.context.newPage();
    await page.goto(url(NEWS));
    await expect.poll(async () => (await highlights(page))['msl-project-done']?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(117);
    const hl = await highlights(page);
    expect(hl['msl-unit']).toContain('晋江市公安局');
    expect(hl['msl-unit']).toContain('市妇联');
    expect(hl['msl-project-done']).toContain('微车管所');
    expect(hl['msl-project-done']).toContain('池店镇龙池路改造工程');
    expect(hl['msl-project-done']).toContain('推动“微车管所”进五里工业园区');
    expect(hl['msl-unit']).not.toContain('石狮市公安局');
    expect(hl['msl-unit']?.some((t) => t.includes('石狮'))).toBe(false);
    // the page's DOM is untouched
    expect(await page.locator('msl-mark').count()).toBe(0);
    // and its performance timeline does not give the extension away (measures are bench-build only)
    expect(await page.evaluate(() => performance.getEntries().filter((e) => e.name.includes('minsheng')).length)).toBe(0);
  });

  it('shows a card with status, source and date when a project is hovered', async () => {
    const p = await pointOf(page, '微车管所');
    await page.mouse.move(p.x, p.y);
    const card = ourUi(page).locator('[data-card-kind="project"]');
    await expect.poll(() => card.count(), { timeout: 5_000 }).toBe(1);
    const text = await card.textContent();
    expect(text).toContain('推动“微车管所”进五里工业园区');
    expect(text).toContain('已完成');
    expect(text).toContain('晋江经济报 2024-02-06');
    expect(text).toContain('公安局');
    await page.screenshot({ path: join(OUTPUT_DIR, 'overlay-card.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
  });

  it('points out when the page’s own words disagree with the record', async () => {
    const p = await pointOf(page, '池店镇启承路路灯改造项目');
    await page.mouse.click(p.x, p.y);
    const card = ourUi(page).locator('[data-card-kind="project"]');
    await expect.poll(() => card.getByTestId('card-disagreement').textContent(), { timeout: 5_000 }).toContain('本页写道“正在施工”，而记录为已完成');
    await page.screenshot({ path: join(OUTPUT_DIR, 'overlay-disagreement.png') });
    await page.keyboard.press('Escape');
  });

  it('records where items were seen, once per item per page', async () => {
    await expect.poll(async () => (await rows('sightings')).length, { timeout: 5_000 }).toBeGreaterThan(100);
    const seen = (await rows('sightings')).filter((s) => s.targetId === 'mw2023-023');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ site: 'jinjiang.gov.cn', visits: 1 });
  });

  it('follows a project and anchors a passage note; both survive a reload', async () => {
    const p = await pointOf(page, '家风书场');
    await page.mouse.click(p.x, p.y);
    const card = ourUi(page).locator('[data-card-kind="project"]');
    await expect.poll(() => card.count()).toBe(1);
    await card.getByTestId('card-follow').click();
    await expect.poll(() => card.getByTestId('card-follow').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');

    const quote = '用短视频讲解常见病预防';
    await selectText(page, quote);
    await ourUi(page).getByTestId('selection-add-note').click();
    await ourUi(page).getByTestId('note-body').fill('核实：科普专栏的播出频次');
    await ourUi(page).getByTestId('note-save').click();
    await expect.poll(async () => (await highlights(page))['msl-note'] ?? []).toEqual([quote]);

    expect((await rows('follows')).map((f) => f.targetId)).toEqual(['mw2023-001']);
    const [note] = await rows('notes');
    expect(note).toMatchObject({ body: '核实：科普专栏的播出频次', anchor: { quote: { exact: quote } } });

    await page.reload();
    await expect.poll(async () => (await highlights(page))['msl-note'] ?? [], { timeout: 10_000 }).toEqual([quote]);
    const hl = await highlights(page);
    expect(hl['msl-followed']).toEqual(expect.arrayContaining(['家风书场', '举办“家风书场”展演活动']));
    await page.screenshot({ path: join(OUTPUT_DIR, 'overlay-after-reload.png') });
  });
});

/** The browser's id for the tab showing `page` (the extension may not read tab URLs, so: the active one). */
async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  return browser.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).chrome;
    return (await c.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id;
  });
}

describe('the popup for this tab', () => {
  it('says why the page is relevant, lists its mentions and reveals one on the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(url(NEWS));
    await expect.poll(async () => (await highlights(page))['msl-project-done']?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(page)}`);
    await expect.poll(() => popup.getByTestId('tab-state').textContent(), { timeout: 10_000 }).toContain('本页与晋江民生实事相关');
    expect(await popup.getByTestId('tab-signals').textContent()).toContain('主题词');
    // Counts say what they count: distinct projects and units, and their mentions.
    expect(await popup.getByTestId('tab-counts').textContent()).toMatch(/^本页提到 \d+ 个项目（共 \d+ 处提及，其中 \d+ 个项目已完成）、\d+ 个牵头单位（共 \d+ 处提及）。$/);
    expect(await popup.getByTestId('legend').textContent()).toContain('已完成的项目');
    await popup.screenshot({ path: join(OUTPUT_DIR, 'popup-tab.png'), fullPage: true });
    // the toolbar badge counts the tab's mentions
    const counts = (await popup.getByTestId('tab-counts').textContent())!.match(/共 (\d+) 处提及.*共 (\d+) 处提及/)!;
    const badge = await browser.worker.evaluate(async (id) => {
      const c = (globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }).chrome;
      return c.action.getBadgeText({ tabId: id });
    }, await tabIdOf(page));
    expect(badge).toBe(String(Number(counts[1]) + Number(counts[2])));
    await popup.getByTestId('tab-targets').getByText('23. 推动“微车管所”进五里工业园区').click();
    await expect.poll(() => ourUi(page).locator('[data-card-kind="project"]').textContent(), { timeout: 5_000 }).toContain('推动“微车管所”进五里工业园区');
    await Promise.all([popup.close(), page.close()]);
  });

  it('scans a page the gate skipped when asked, and turns the site off and on', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/unrelated.html', 'health.example.gov.cn'));
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(page)}`);
    await expect.poll(() => popup.getByTestId('tab-state').textContent(), { timeout: 10_000 }).toContain('未扫描');
    await popup.getByTestId('tab-scan').click();
    await expect.poll(() => popup.getByTestId('tab-state').textContent(), { timeout: 10_000 }).toMatch(/本页(看来)?与晋江民生实事(相关|无关)/);
    await popup.getByTestId('tab-toggle-site').click();
    await expect.poll(() => popup.getByTestId('tab-toggle-site').textContent()).toBe('恢复在此网站运行');
    expect(await page.locator('msl-lens-root').count()).toBe(0);
    await popup.getByTestId('tab-toggle-site').click();
    await expect.poll(() => popup.getByTestId('tab-toggle-site').textContent()).toBe('不在此网站运行');
    await Promise.all([popup.close(), page.close()]);
  });
});

/** Writes the extension's settings from the service worker (as the options page would). */
async function setSettings(patch: Record<string, unknown>) {
  await browser.worker.evaluate(async (p) => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
    const current = ((await c.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await c.storage.local.set({ settings: { ...current, ...p } });
  }, patch);
}

describe('notes, fallback and navigation', () => {
  it('lists a passage note as an orphan when its passage is gone from the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/note-v1.html'));
    await expect.poll(async () => (await highlights(page))['msl-project-done'] ?? [], { timeout: 10_000 }).toContain('紫帽镇文体活动广场口袋公园建设');
    await selectText(page, '这些细节都来自居民座谈会上的建议');
    await ourUi(page).getByTestId('selection-add-note').click();
    await ourUi(page).getByTestId('note-body').fill('回访：建议是否都落实了');
    await ourUi(page).getByTestId('note-save').click();
    await expect.poll(async () => (await highlights(page))['msl-note'] ?? []).toEqual(['这些细节都来自居民座谈会上的建议']);
    // the same article (same canonical address), edited: the passage was deleted
    await page.goto(url('browser/pages/note-v2.html'));
    const orphans = ourUi(page).getByTestId('orphan-notes');
    await expect.poll(() => orphans.count(), { timeout: 10_000 }).toBe(1);
    expect(await orphans.textContent()).toContain('回访：建议是否都落实了');
    expect((await highlights(page))['msl-note']).toBeUndefined();
    await page.screenshot({ path: join(OUTPUT_DIR, 'overlay-orphan.png') });
    await page.close();
  });

  it('draws with elements when asked (screen readers), and removing them restores the page exactly', async () => {
    await setSettings({ wrapHighlights: true });
    onTestFinished(() => setSettings({ wrapHighlights: false }));
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/hostile.html'));
    await expect.poll(() => page.locator('msl-mark').count(), { timeout: 10_000 }).toBeGreaterThan(2);
    const marks = await page.locator('msl-mark').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-msl-class')}:${e.textContent}`));
    // 家风书场 was followed in an earlier test: where classes overlap, the element shows the stronger one
    expect(marks).toEqual(expect.arrayContaining(['followed:家风书场', 'unit:晋江市纪委监委', 'project-done:健康微融站']));
    const tab = await tabIdOf(page);
    const restored = await browser.worker.evaluate(async (id) => {
      const c = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<unknown> } } }).chrome;
      return c.tabs.sendMessage(id, { type: 'tab/disable' });
    }, tab);
    expect(restored).toEqual({ ok: true });
    expect(await page.locator('msl-mark').count()).toBe(0);
    await setSettings({ wrapHighlights: false });
    // the page's body equals the served file's body, parsed afresh
    const served = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      return new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
    });
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(served);
    expect(await page.evaluate(() => document.body.querySelectorAll('p')[0]!.childNodes.length)).toBe(1);
    await page.close();
  });

  it('rescans after history-API navigation to a new article', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/spa.html'));
    await expect.poll(async () => (await highlights(page))['msl-project-done'] ?? [], { timeout: 10_000 }).toContain('女性安康保险');
    await expect.poll(() => page.url(), { timeout: 5_000 }).toContain('spa-article-2.html');
    await expect.poll(async () => (await highlights(page))['msl-project-done'] ?? [], { timeout: 10_000 }).toContain('“晋江司机之家”小程序');
    expect((await highlights(page))['msl-project-done']).not.toContain('女性安康保险');
    await page.close();
  });
});

describe('the overlay elsewhere', () => {
  it('does nothing on an unrelated page: no highlights, no UI, no messages', async () => {
    await browser.worker.evaluate(() => {
      const g = globalThis as unknown as { __mslMessages: number; chrome: { runtime: { onMessage: { addListener(f: () => void): void } } } };
      g.__mslMessages = 0;
      g.chrome.runtime.onMessage.addListener(() => {
        g.__mslMessages++;
      });
    });
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/unrelated.html', 'health.example.gov.cn'));
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await page.locator('msl-lens-root').count()).toBe(0);
    expect(await browser.worker.evaluate(() => (globalThis as unknown as { __mslMessages: number }).__mslMessages)).toBe(0);
    await page.close();
  });

  it('highlights content the page adds later', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/dynamic.html', 'news.ijjnews.com'));
    await expect.poll(async () => (await highlights(page))['msl-project-done'] ?? [], { timeout: 10_000 }).toContain('困难老年人家庭适老化改造项目');
    await expect.poll(async () => (await highlights(page))['msl-project-done'] ?? [], { timeout: 10_000 }).toContain('“微车管所”进五里工业园区');
    await page.close();
  });

  it('wakes up when a page that had nothing relevant loads an article later', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/late.html'));
    await expect.poll(async () => (await highlights(page))['msl-project-done'] ?? [], { timeout: 10_000 }).toContain('上线“晋江司机之家”小程序');
    await page.close();
  });

  it('keeps up with a page that never stops changing (a ticking clock)', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/ticker.html'));
    await expect.poll(async () => (await highlights(page))['msl-project-done'] ?? [], { timeout: 10_000 }).toContain('女性安康保险');
    expect((await highlights(page))['msl-project-done']).toContain('推动“微车管所”进五里工业园区');
    await page.close();
  });

  it('highlights an article shown in a frame of the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/framed.html'));
    const frame = page.frames().find((f) => f.url().endsWith('framed-article.html'))!;
    const inFrame = () =>
      frame.evaluate(() => {
        const out: string[] = [];
        // each mention here lies in one text node
        CSS.highlights.forEach((h) => h.forEach((r) => out.push((r.startContainer.textContent ?? '').slice(r.startOffset, r.endOffset))));
        return out;
      });
    await expect.poll(inFrame, { timeout: 10_000 }).toContain('困难老年人家庭适老化改造项目');
    expect(await inFrame()).toContain('晋江市民政局');
    await page.close();
  });

  it('keeps a usable card on a page with hostile CSS and a full-screen overlay', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/hostile.html'));
    await expect.poll(async () => (await highlights(page))['msl-project-done']?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    // Alt+Shift+J is a manifest command: the browser hands it to the background, which sends this
    // message to the tab (CDP key presses do not reach browser shortcuts, so the message is sent here).
    const id = await tabIdOf(page);
    const moved = await browser.worker.evaluate(async (tabId) => {
      const c = (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object, o: object): Promise<unknown> } } }).chrome;
      return c.tabs.sendMessage(tabId, { type: 'tab/step', direction: 1 }, { frameId: 0 });
    }, id);
    expect(moved).toEqual({ moved: true });
    const card = ourUi(page).locator('[role="dialog"]');
    await expect.poll(() => card.count(), { timeout: 5_000 }).toBe(1);
    const box = (await card.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    // Our card is what is on top at its centre, above the page's z-index overlay.
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(onTop).toBe('msl-lens-root');
    await card.getByTestId('card-add-note').click();
    await card.getByTestId('note-body').fill('敌意样式下也能写笔记');
    await card.getByTestId('note-save').click();
    await expect.poll(async () => (await rows('notes')).some((n) => n.body === '敌意样式下也能写笔记')).toBe(true);
    await page.screenshot({ path: join(OUTPUT_DIR, 'overlay-hostile.png') });
    await page.close();
  });
});

describe('web components', () => {
  it('highlights text in open shadow roots, opens its cards, follows changes inside them, and leaves closed ones alone', async () => {
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/component.html'));
    await expect.poll(async () => (await highlights(page))['msl-project-done'] ?? [], { timeout: 10_000 }).toContain('困难老年人家庭适老化改造项目');
    const hl = await highlights(page);
    expect(hl['msl-unit']).toEqual(expect.arrayContaining(['晋江市民政局', '晋江市公安局', '市总工会']));
    expect(hl['msl-project-done']).toContain('“晋江司机之家”小程序'); // slotted from the light tree
    // the closed shadow root's text was not read
    expect(hl['msl-project-done']).not.toContain('女性安康保险');
    expect(hl['msl-unit']).not.toContain('晋江市妇联');

    const p = await pointOf(page, '适老化改造项目', 'news-article');
    await page.mouse.move(p.x, p.y);
    const card = ourUi(page).locator('[data-card-kind="project"]');
    await expect.poll(() => card.textContent(), { timeout: 5_000 }).toContain('困难老年人家庭适老化改造项目');
    await page.screenshot({ path: join(OUTPUT_DIR, 'overlay-component.png') });
    await page.keyboard.press('Escape');

    // the component adds a paragraph inside its shadow root
    await page.evaluate(() => (document.querySelector('news-article') as HTMLElement & { more(t: string): void }).more('市融媒体中心联合医疗机构推出“健康微融站”科普专栏。'));
    await expect.poll(async () => (await highlights(page))['msl-project-done'] ?? [], { timeout: 10_000 }).toContain('健康微融站');
    await page.close();
  });

  it('wraps shadow-root text with elements when asked (screen readers), and a hover there still opens the card', async () => {
    await setSettings({ wrapHighlights: true });
    onTestFinished(() => setSettings({ wrapHighlights: false }));
    const page = await browser.context.newPage();
    await page.goto(url('browser/pages/component.html'));
    const marks = () => page.evaluate(() => [...document.querySelector('news-article')!.shadowRoot!.querySelectorAll('msl-mark')].map((m) => m.textContent));
    await expect.poll(marks, { timeout: 10_000 }).toContain('困难老年人家庭适老化改造项目');
    // Both are the second mention of their text node, which wrapping the first one split.
    const card = async () => (await ourUi(page).locator('[data-card-kind="project"]').textContent()) ?? '';
    const p = await pointOf(page, '适老化改造项目', 'news-article');
    await page.mouse.move(p.x, p.y);
    await expect.poll(card, { timeout: 5_000 }).toContain('困难老年人家庭适老化改造项目');
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    const light = await pointOf(page, '晋江司机之家');
    await page.mouse.move(light.x, light.y);
    await expect.poll(card, { timeout: 5_000 }).toContain('上线“晋江司机之家”小程序');
    await page.screenshot({ path: join(OUTPUT_DIR, 'overlay-component-wrapped.png') });
    await page.close();
  });
});
