/**
 * Passage notes where the reader is (issue 13, 1 and 3) in the Firefox build, in Firefox ESR over
 * WebDriver BiDi: a highlight without a note survives a reload, and a note opens from its
 * highlight, is edited, linked, deleted and put back. The side panel's "this page" view is
 * firefox-this-page.test.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { OUTPUT_DIR, ROOT, serveStatic, siteUrl, type StaticServer } from './harness';
import { byClass, highlightTexts, pointOfText, selectTextInPage } from './page-probes';

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

const highlights = async () => byClass(await firefox.evaluate(highlightTexts));
async function pointOf(text: string): Promise<{ x: number; y: number }> {
  const p = await firefox.evaluate(pointOfText, [text] as [string, string?]);
  if (!p) throw new Error(`text not on page: ${text}`);
  return p;
}
/** Middle of an element of our UI (closed shadow root) by CSS selector; null when absent. */
const uiPoint = (selector: string) =>
  firefox.inOurUi((root, sel: string) => {
    const el = root.querySelector(sel);
    if (!el) return null;
    el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
async function clickUi(selector: string) {
  await expect.poll(() => uiPoint(selector), { timeout: 5_000 }).not.toBeNull();
  await firefox.click((await uiPoint(selector))!);
}
const uiText = (selector: string) => firefox.inOurUi((root, sel: string) => root.querySelector(sel)?.textContent ?? null, selector);
const byId = (id: string) => `[data-testid="${id}"]`;
/** Clicks a field of our UI and types `value` over its text with the keyboard (trusted input, as a reader's). */
async function setField(selector: string, value: string) {
  await clickUi(selector);
  await firefox.selectAll();
  await firefox.type(value);
}

const KEPT = '用短视频讲解常见病预防';
const PASSAGE = '市纪委监委的“家风书场”把廉洁故事编成曲艺节目';

describe('passage notes in Firefox', () => {
  it('keeps a highlight without a note across a reload', async () => {
    await firefox.goto(siteUrl(server, 'www.jinjiang.gov.cn', 'demo/site/index.html'));
    await expect.poll(async () => (await highlights())['msl-project-done']?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(100);
    await firefox.evaluate(selectTextInPage, KEPT);
    await clickUi(byId('selection-highlight'));
    await expect.poll(async () => (await highlights())['msl-note'] ?? []).toEqual([KEPT]);
    await firefox.reload();
    await expect.poll(async () => (await highlights())['msl-note'] ?? [], { timeout: 15_000 }).toEqual([KEPT]);
    await firefox.click(await pointOf('短视频讲解'));
    await expect.poll(() => firefox.inOurUi((root) => root.querySelector('[data-testid="note-card"]')?.getAttribute('data-note-kind') ?? null, null), { timeout: 5_000 }).toBe('highlight');
    await firefox.press('Escape');
  });

  it('opens a note from its highlight, edits and links it, deletes it and puts it back', async () => {
    await firefox.evaluate(selectTextInPage, PASSAGE);
    await clickUi(byId('selection-add-note'));
    await expect.poll(() => uiPoint(byId('note-body'))).not.toBeNull();
    await setField(byId('note-body'), '待核实：展演场次');
    await clickUi(byId('note-save'));
    await expect.poll(async () => ((await highlights())['msl-note'] ?? []).sort()).toEqual([PASSAGE, KEPT].sort());

    await firefox.hover(await pointOf('廉洁故事'));
    await expect.poll(() => uiText(byId('note-text')), { timeout: 5_000 }).toBe('待核实：展演场次');
    await clickUi(byId('note-edit'));
    await setField(byId('note-edit-body'), '已核实：展演 12 场');
    await setField(byId('note-edit-tags'), '廉洁，曲艺');
    await clickUi(byId('note-edit-save'));
    await expect.poll(() => uiText(byId('note-text'))).toBe('已核实：展演 12 场');
    expect(await uiText(byId('note-tags'))).toBe('#廉洁#曲艺');
    await clickUi(byId('note-link-choice'));
    await expect.poll(() => uiText(byId('note-about'))).toContain('纪委');
    await firefox.screenshot(join(OUTPUT_DIR, 'firefox-note-card.png'));

    await clickUi(byId('note-delete'));
    await expect.poll(async () => (await highlights())['msl-note'] ?? []).toEqual([KEPT]);
    await clickUi(byId('note-undo'));
    await expect.poll(async () => ((await highlights())['msl-note'] ?? []).sort()).toEqual([PASSAGE, KEPT].sort());
    // Back as it was: after a reload it still reads the edited text and its link.
    await firefox.reload();
    await expect.poll(async () => ((await highlights())['msl-note'] ?? []).sort(), { timeout: 15_000 }).toEqual([PASSAGE, KEPT].sort());
    await firefox.click(await pointOf('廉洁故事'));
    await expect.poll(() => uiText(byId('note-text')), { timeout: 5_000 }).toBe('已核实：展演 12 场');
    expect(await uiText(byId('note-about'))).toContain('纪委');
  });
});
