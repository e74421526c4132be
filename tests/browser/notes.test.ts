/**
 * Passage notes where the reader is (issue 13, 1–3), in real Chromium with the built extension:
 * a note opens from its highlight (edit, tag, link, delete, undo), a highlight without a note
 * persists across a reload, and the side panel's "this page" view lists mentions and notes in
 * reading order and scrolls the page to the one picked.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, OUTPUT_DIR, ROOT, serveStatic, siteUrl, type ExtensionBrowser, type StaticServer, storedRows, setLocale as setLocaleIn } from './harness';
import { inOurUi, ourUi, uiLocator } from './our-ui';
import { byClass, highlightTexts, pointOfText, selectTextInPage } from './page-probes';

let browser: ExtensionBrowser;
let server: StaticServer;
const NEWS = 'demo/site/index.html';
const url = (path: string) => siteUrl(server, 'www.jinjiang.gov.cn', path);

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  server = await serveStatic(join(ROOT, 'tests'));
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Our highlights as the page sees them, by class (their names are made at random for each build). */
const highlights = async (page: Page) => byClass(await page.evaluate(highlightTexts));
async function pointOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(pointOfText, [text] as [string, string?]);
  if (!p) throw new Error(`text not on page: ${text}`);
  return p;
}
const ui = ourUi;

/** Replaces the text of a field in our UI with typed text (a real click, select all, type). */
async function retype(page: Page, selector: string, text: string) {
  await uiLocator(page, selector).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** A screenshot of an element of our UI (its box on the page). */
async function shoot(page: Page, selector: string, file: string) {
  const box = await uiLocator(page, selector).boundingBox();
  if (!box) throw new Error(`not in our UI: ${selector}`);
  await page.screenshot({ path: join(OUTPUT_DIR, file), clip: box });
}

const rows = (store: string) => storedRows(browser, store);

/** Sets the UI language (stored settings, as the options page does). */
const setLocale = (locale: 'zh_CN' | 'en') => setLocaleIn(browser, locale);

async function openArticle(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url(NEWS));
  await expect.poll(async () => (await highlights(page))['msl-project-done']?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(100);
  return page;
}

const PASSAGE = '市纪委监委的“家风书场”把廉洁故事编成曲艺节目';
const KEPT = '用短视频讲解常见病预防';

describe('passage notes on the page', () => {
  let page: Page;

  it('keeps a highlight without a note, and it is there after a reload', async () => {
    page = await openArticle();
    await page.evaluate(selectTextInPage, KEPT);
    await ui(page).getByTestId('selection-highlight').click();
    await expect.poll(async () => (await highlights(page))['msl-note'] ?? []).toEqual([KEPT]);
    const [row] = await rows('notes');
    expect(row).toMatchObject({ body: '', anchor: { quote: { exact: KEPT } }, targetId: '' });
    await page.reload();
    await expect.poll(async () => (await highlights(page))['msl-note'] ?? [], { timeout: 10_000 }).toEqual([KEPT]);
    // Clicking it opens a card that says it is a highlight without a note.
    const p = await pointOf(page, '短视频讲解');
    await page.mouse.click(p.x, p.y);
    const card = ui(page).getByTestId('note-card');
    await expect.poll(() => card.getAttribute('data-note-kind')).toBe('highlight');
    await page.keyboard.press('Escape');
  });

  it('opens a note from its highlight, edits, tags and links it, deletes it and undoes that', async () => {
    await page.evaluate(selectTextInPage, PASSAGE);
    await ui(page).getByTestId('selection-add-note').click();
    await ui(page).getByTestId('note-body').fill('待核实：展演场次');
    await ui(page).getByTestId('note-save').click();
    await expect.poll(async () => ((await highlights(page))['msl-note'] ?? []).sort()).toEqual([PASSAGE, KEPT].sort());
    const id = (await rows('notes')).find((n) => n.body === '待核实：展演场次')!.id as string;

    // Hovering a part of the passage that is not a mention opens the note.
    const p = await pointOf(page, '廉洁故事');
    await page.mouse.move(p.x, p.y);
    const card = ui(page).getByTestId('note-card');
    await expect.poll(() => card.count(), { timeout: 5_000 }).toBe(1);
    expect(await card.getByTestId('note-text').textContent()).toBe('待核实：展演场次');
    expect(await card.getByTestId('note-quote').textContent()).toBe(PASSAGE);
    // The note's text is only inside our shadow root: not in the page's DOM, not in a highlight's name.
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('待核实'))).toBe(false);
    expect(await page.evaluate(() => [...CSS.highlights.keys()].join(' '))).not.toContain('待核实');

    // A mention inside the passage opens its own card, which offers the note.
    const onMention = await pointOf(page, '家风书场');
    await page.mouse.click(onMention.x, onMention.y);
    await expect.poll(() => ui(page).locator('[data-card-kind="project"]').count()).toBe(1);
    await ui(page).getByTestId('card-open-note').click();
    await expect.poll(() => card.count()).toBe(1);

    await card.getByTestId('note-edit').click();
    await retype(page, '[data-testid="note-edit-body"]', '已核实：展演 12 场');
    await retype(page, '[data-testid="note-edit-tags"]', '廉洁, 曲艺');
    await card.getByTestId('note-edit-save').click();
    await expect.poll(() => card.getByTestId('note-text').textContent()).toBe('已核实：展演 12 场');
    expect(await rows('notes').then((r) => r.find((n) => n.id === id))).toMatchObject({ body: '已核实：展演 12 场', tags: ['廉洁', '曲艺'] });

    // Link it: the project and the unit mentioned in the passage are offered.
    const choices = (await inOurUi(page, (root) => [...root.querySelectorAll('[data-testid="note-link-choice"]')].map((b) => b.textContent ?? ''), null))!;
    expect(choices.some((c) => c.includes('家风书场'))).toBe(true);
    expect(choices.some((c) => c.includes('纪委'))).toBe(true);
    const k = choices.findIndex((c) => c.includes('家风书场'));
    await uiLocator(page, `.choice-list li:nth-child(${k + 1}) [data-testid="note-link-choice"]`).click();
    await expect.poll(async () => (await rows('notes')).find((n) => n.id === id)?.targetId).toBe('mw2023-001');
    expect(await card.getByTestId('note-about').textContent()).toContain('家风书场');
    await shoot(page, '[data-testid="note-card"]', 'note-card-zh.png');

    const before = (await rows('notes')).find((n) => n.id === id);
    await card.getByTestId('note-delete').click();
    await expect.poll(async () => (await rows('notes')).some((n) => n.id === id)).toBe(false);
    await expect.poll(async () => (await highlights(page))['msl-note'] ?? []).toEqual([KEPT]);
    await card.getByTestId('note-undo').click();
    await expect.poll(async () => (await rows('notes')).find((n) => n.id === id)).toEqual(before);
    await expect.poll(async () => ((await highlights(page))['msl-note'] ?? []).sort()).toEqual([PASSAGE, KEPT].sort());
  });

  it('ignores clicks that are not the reader’s own on the highlight button', async () => {
    await page.evaluate(selectTextInPage, '不必再跑到银行网点排队');
    await expect.poll(() => ui(page).getByTestId('selection-highlight').count()).toBe(1);
    const before = (await rows('notes')).length;
    // A script click on the button itself (as page script would make, could it reach into our closed root): not trusted.
    await inOurUi(page, (root) => (root.querySelector('[data-testid="selection-highlight"]') as HTMLElement).click(), null);
    await new Promise((r) => setTimeout(r, 500));
    expect((await rows('notes')).length).toBe(before);
    await page.keyboard.press('Escape');
  });
});

describe('the side panel’s "this page" view', () => {
  it('lists mentions and notes in reading order and jumps to one', async () => {
    const page = await browser.context.newPage();
    await page.goto(url(NEWS));
    await expect.poll(async () => (await highlights(page))['msl-note']?.length ?? 0, { timeout: 10_000 }).toBe(2);
    // Reading order as the page has it: every highlighted mention and note, sorted by position.
    const order = await page.evaluate(() => {
      const all: { range: StaticRange | Range; text: string; note: boolean }[] = [];
      CSS.highlights.forEach((hl, name) => {
        if (name.endsWith('-followed') || name.endsWith('-flash')) return;
        for (const r of hl) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          all.push({ range, text: range.toString(), note: name.endsWith('-note') });
        }
      });
      all.sort((a, b) => (a.range as Range).compareBoundaryPoints(Range.START_TO_START, b.range as Range) || (a.note === b.note ? 0 : a.note ? -1 : 1));
      return all.map((x) => (x.note ? `note:${x.text}` : x.text));
    });

    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await panel.getByRole('tab', { name: '此页' }).click();
    const list = panel.getByTestId('this-page-list');
    await expect.poll(() => list.locator('li').count(), { timeout: 10_000 }).toBe(order.length);
    const listed = await list.locator('button.entry').evaluateAll((buttons) => buttons.map((b) => (b.classList.contains('entry-note') ? 'note:' : '') + (b.getAttribute('data-text') ?? '')));
    expect(listed).toEqual(order);
    expect(await panel.getByTestId('this-page-counts').textContent()).toContain('2 条笔记');
    await panel.screenshot({ path: join(OUTPUT_DIR, 'this-page-zh.png') });
    await list.locator('button.entry-note').first().scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(OUTPUT_DIR, 'this-page-notes-zh.png') });

    // Jump to a mention far down the table: the page scrolls and its card opens there.
    const y0 = await page.evaluate(() => scrollY);
    await list.locator('button.entry-project').filter({ hasText: '打造提升一批现场教学点' }).first().click();
    await expect.poll(() => page.evaluate(() => scrollY), { timeout: 5_000 }).toBeGreaterThan(y0 + 500);
    await expect.poll(() => ui(page).locator('[data-card-kind="project"]').textContent()).toContain('打造提升一批现场教学点');
    // And to a note: its card opens.
    await list.locator('button.entry-note').filter({ hasText: '家风书场' }).click();
    await expect.poll(() => ui(page).getByTestId('note-card').count()).toBe(1);
    await Promise.all([panel.close(), page.close()]);
  });

  it('shows both views in English', async () => {
    await setLocale('en');
    try {
      const page = await openArticle();
      const p = await pointOf(page, '廉洁故事');
      await page.mouse.click(p.x, p.y);
      const card = ui(page).getByTestId('note-card');
      await expect.poll(() => card.count(), { timeout: 5_000 }).toBe(1);
      expect(await card.textContent()).toContain('Your note');
      await shoot(page, '[data-testid="note-card"]', 'note-card-en.png');
      const panel = await browser.context.newPage();
      await panel.setViewportSize({ width: 420, height: 900 });
      await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
      await panel.getByRole('tab', { name: 'This page' }).click();
      await expect.poll(() => panel.getByTestId('this-page-counts').textContent(), { timeout: 10_000 }).toContain('2 notes');
      await panel.screenshot({ path: join(OUTPUT_DIR, 'this-page-en.png') });
      await panel.getByTestId('this-page-list').locator('button.entry-note').first().scrollIntoViewIfNeeded();
      await panel.screenshot({ path: join(OUTPUT_DIR, 'this-page-notes-en.png') });
      await Promise.all([panel.close(), page.close()]);
    } finally {
      await setLocale('zh_CN');
    }
  });
});
