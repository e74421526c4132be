/**
 * A page that tries, from its own world, to read, drive and silence the lens (issue 11,
 * items 1–3 and 6), in Chromium and in Firefox ESR: tests/browser/pages/hostile-script.html
 * holds the page's attempts; these tests make it try and check that each one fails.
 * - it cannot read our UI (closed shadow root) nor find the user's note in anything it can read;
 * - its made-up pointer, click and shortcut events do not open cards;
 * - it hears nothing from us (no start message, no event named after the extension), and the
 *   framework's stop signals do not stop the lens;
 * - what it takes away (our host element, the highlight registry) is put back, and its static
 *   CSS on the old fixed highlight names styles nothing of ours.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { launchWithExtension, ROOT, serveStatic, siteUrl, type ExtensionBrowser, type StaticServer } from './harness';
import { ourUi } from './our-ui';
import { byClass, highlightTexts, pointOfText, selectTextInPage } from './page-probes';

const PAGE = 'browser/pages/hostile-script.html';
const NOTE = '私下记一笔：厂长电话另存，别外传';
const PASSAGE = '工人们在厂区门口就能办理驾驶证业务';
const FIREFOX_ID = 'minsheng-lens@minsheng-lens.example';

interface Seen {
  host: boolean;
  shadowRoot: boolean | null;
  shadowText: string;
  pageText: string;
  names: string[];
  rangeTexts: string[];
}

/** What the tests need from a browser driver, so both browsers run the same checks. */
interface Driver {
  goto(path: string): Promise<void>;
  /** Runs one of the page's own attacks (window.__attack[name](arg)) in its world. */
  attack<T>(name: string, arg?: unknown): Promise<T>;
  highlights(): Promise<Record<string, string[]>>;
  /** Text of the open card, through the browser's own tools (null when none). */
  cardText(): Promise<string | null>;
  /** Text of our whole UI, through the browser's own tools (null when not on the page). */
  uiText(): Promise<string | null>;
  clickText(text: string): Promise<void>;
  pressEscape(): Promise<void>;
  /** Selects a passage, opens the note editor from its pill and saves `body`, as a reader would. */
  notePassage(passage: string, body: string): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic(join(ROOT, 'tests'));
});
afterAll(async () => {
  await server?.close();
});

function hostileChecks(name: string, open: () => Promise<{ driver: Driver; extensionId: string; close(): Promise<void> }>) {
  describe(`a hostile page in ${name}`, () => {
    let d: Driver;
    let id: string;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const o = await open();
      d = o.driver;
      id = o.extensionId;
      close = o.close;
    });
    afterAll(async () => close?.());

    const drawn = async () => (await d.highlights())['msl-project-done'] ?? [];

    it('hears nothing from us, and its stop signals do not stop the lens', async () => {
      await d.goto(`${PAGE}?ext=${encodeURIComponent(id)}`);
      await expect.poll(drawn, { timeout: 15_000 }).toContain('推动“微车管所”进五里工业园区');
      expect(await d.attack<string[]>('heard')).toEqual([]);
      await d.attack('silence');
      await sleep(500);
      expect(await drawn()).toContain('推动“微车管所”进五里工业园区');
      // still watching the page: new text is drawn
      await d.attack('append', '晋江市民政局推进困难老年人家庭适老化改造项目。');
      await expect.poll(drawn, { timeout: 10_000 }).toContain('困难老年人家庭适老化改造项目');
    });

    it('cannot open a card with made-up pointer, click and shortcut events; the reader can', async () => {
      expect(await d.attack<boolean>('poke', '微车管所')).toBe(true);
      await sleep(700); // past the hover delay
      expect(await d.cardText()).toBeNull();
      await d.clickText('微车管所');
      await expect.poll(d.cardText, { timeout: 5_000 }).toContain('推动“微车管所”进五里工业园区');
      // the open card is ours alone: the page sees a host with no readable root
      const seen = await d.attack<Seen>('read');
      expect(seen).toMatchObject({ host: true, shadowRoot: false, shadowText: '' });
      expect(await d.cardText()).toContain('晋江经济报 2024-02-06');
      expect(seen.pageText).not.toContain('晋江经济报 2024-02-06');
      await d.pressEscape();
    });

    it('does not style or find our highlights by fixed names', async () => {
      const { names } = await d.attack<Seen>('read');
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((n) => n.startsWith('msl-'))).toEqual([]);
    });

    it('finds the reader’s note nowhere it can read: not in the page, our UI, nor the highlights', async () => {
      await d.notePassage(PASSAGE, NOTE);
      await expect.poll(async () => (await d.highlights())['msl-note'] ?? [], { timeout: 5_000 }).toEqual([PASSAGE]);
      // the passage is gone on the next visit: the note is listed as an orphan, in our UI only
      await d.goto(`${PAGE}?ext=${encodeURIComponent(id)}&drop=1`);
      await expect.poll(d.uiText, { timeout: 15_000 }).toContain(NOTE);
      const seen = await d.attack<Seen>('read');
      expect(seen.shadowRoot).toBe(false);
      expect(seen.shadowText).toBe('');
      expect(seen.pageText).not.toContain(NOTE);
      expect([...seen.names, ...seen.rangeTexts].filter((t) => t.includes(NOTE) || t.includes('厂长'))).toEqual([]);
    });

    it('gets our host back when it removes it, and our highlights back after CSS.highlights.clear()', async () => {
      expect(await d.attack<boolean>('removeHost')).toBe(true);
      await expect.poll(async () => (await d.attack<Seen>('read')).host, { timeout: 2_000 }).toBe(true);
      expect(await d.uiText()).toContain(NOTE);
      const before = await d.highlights();
      expect(before['msl-project-done']?.length).toBeGreaterThan(0);
      expect(await d.attack<number>('clearHighlights')).toBe(0);
      await expect.poll(d.highlights, { timeout: 3_000 }).toEqual(before);
    });
  });
}

hostileChecks('Chromium', async () => {
  const browser: ExtensionBrowser = await launchWithExtension();
  const page: Page = await browser.context.newPage();
  const point = async (text: string) => (await page.evaluate(pointOfText, [text] as [string, string?]))!;
  const driver: Driver = {
    goto: async (path) => void (await page.goto(siteUrl(server, 'www.jinjiang.gov.cn', path))),
    attack: (name, arg) => page.evaluate(([n, a]) => (window as unknown as { __attack: Record<string, (x: unknown) => unknown> }).__attack[n as string]!(a), [name, arg] as const) as never,
    highlights: async () => byClass(await page.evaluate(highlightTexts)),
    cardText: () => ourUi(page).locator('[data-card-kind]').textContent(),
    uiText: async () => (await ourUi(page).locator('.layer').count()) ? ourUi(page).locator('.layer').textContent() : null,
    clickText: async (text) => {
      const p = await point(text);
      await page.mouse.click(p.x, p.y);
    },
    pressEscape: () => page.keyboard.press('Escape'),
    notePassage: async (passage, body) => {
      await page.evaluate(selectTextInPage, passage);
      await ourUi(page).getByTestId('selection-add-note').click();
      await ourUi(page).getByTestId('note-body').fill(body);
      await ourUi(page).getByTestId('note-save').click();
    },
  };
  return { driver, extensionId: browser.extensionId, close: () => browser.close() };
});

hostileChecks('Firefox ESR', async () => {
  const ff: FirefoxWithExtension = await launchFirefoxWithExtension();
  const uiPoint = (testId: string) =>
    ff.inOurUi((root, tid: string) => {
      const el = root.querySelector(`[data-testid="${tid}"]`);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, testId);
  const clickUi = async (testId: string) => {
    await expect.poll(() => uiPoint(testId), { timeout: 5_000 }).not.toBeNull();
    await ff.click((await uiPoint(testId))!);
  };
  const driver: Driver = {
    goto: (path) => ff.goto(siteUrl(server, 'www.jinjiang.gov.cn', path)),
    attack: (name, arg) => ff.evaluate(([n, a]) => (window as unknown as { __attack: Record<string, (x: unknown) => unknown> }).__attack[n as string]!(a), [name, arg] as const) as never,
    highlights: async () => byClass(await ff.evaluate(highlightTexts)),
    cardText: () => ff.inOurUi((root) => root.querySelector('[data-card-kind]')?.textContent ?? null, null),
    uiText: () => ff.inOurUi((root) => root.querySelector('.layer')?.textContent ?? null, null),
    clickText: async (text) => ff.click((await ff.evaluate(pointOfText, [text] as [string, string?]))!),
    pressEscape: () => ff.press('Escape'),
    notePassage: async (passage, body) => {
      await ff.evaluate(selectTextInPage, passage);
      await clickUi('selection-add-note');
      await expect.poll(() => uiPoint('note-body')).not.toBeNull();
      await ff.inOurUi((root, text: string) => {
        const el = root.querySelector<HTMLTextAreaElement>('[data-testid="note-body"]')!;
        el.value = text;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, body);
      await clickUi('note-save');
    },
  };
  return { driver, extensionId: FIREFOX_ID, close: () => ff.close() };
});
