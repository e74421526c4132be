/**
 * Keyboard access to the reader's own notes on the page (issue 13, 10) in the Firefox build, in
 * Firefox ESR over WebDriver BiDi: a note written through the page's UI is reached after a reload
 * by the step shortcut in reading order among the mentions, its card opens with focus inside and
 * says which note it is, Esc gives focus back to the page, and the note is deleted with the
 * keyboard only (Tab, Enter).
 *
 * The shortcut: Firefox turns the manifest's commands into <key> elements of the browser window
 * (a keyset of the extension's own); pressing Alt+Shift+J runs that key's command, which fires
 * the background's commands.onCommand, which sends the tab 'tab/step'. BiDi's key presses reach
 * the page, not the window's keys, so the test runs the key's command in the browser window
 * (`inBrowserWindow`, as Firefox's own tools may): everything after the key press is Firefox's
 * and ours. The window is given focus first, as a reader's window has it (headless Firefox starts
 * without: a focused button would not be pressed by Enter).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { clickUi, typeInUi } from './firefox-pages';
import { OUTPUT_DIR, ROOT, serveStatic, siteUrl, type StaticServer } from './harness';
import { byClass, highlightTexts, selectTextInPage } from './page-probes';

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

const PASSAGE = '几位居民说希望傍晚能再加演一场';
const BODY = '回访记录：加演需求';
const highlights = async () => byClass(await firefox.evaluate(highlightTexts));

/** Alt+Shift+J (next) or K (previous): the command of the extension's own key in the browser window. */
const shortcut = (key: 'J' | 'K') =>
  firefox.inBrowserWindow<boolean>(`(() => {
    const k = document.querySelector('keyset[id^="ext-keyset-id-minsheng-lens"] > key[key="${key}"][modifiers="alt,shift"]');
    k?.doCommand();
    return !!k;
  })()`);
/** The browser window and the page in it have focus, as a reader's window has. */
const focusWindow = () => firefox.inBrowserWindow<boolean>('(() => { window.focus(); gBrowser.selectedBrowser.focus(); return true; })()');

/** The open card (its kind), whether focus is inside it, what has focus, and what the step said. */
const openCard = () =>
  firefox.inOurUi((root) => {
    const card = root.querySelector('[role="dialog"]');
    return {
      kind: card ? (card.getAttribute('data-note-kind') ?? card.getAttribute('data-card-kind')) : null,
      focusIn: !!card && card.contains(root.activeElement),
      focused: root.activeElement?.getAttribute('data-testid') ?? null,
      said: root.querySelector('[data-testid="step-announcement"]')?.textContent ?? '',
      shown: root.querySelector('[data-testid="step-reached"]')?.textContent ?? '',
    };
  }, null);
const focusedOnPage = () => firefox.evaluate(() => document.activeElement?.id ?? null);

describe('keyboard access to notes in Firefox', () => {
  it('steps to a note after a reload, opens it with focus inside, gives focus back on Esc, and deletes it by keyboard only', async () => {
    await firefox.goto(siteUrl(server, 'www.jinjiang.gov.cn', 'browser/pages/keyboard.html'));
    await expect.poll(async () => (await highlights())['msl-unit']?.length ?? 0, { timeout: 15_000 }).toBe(2);
    await firefox.evaluate(selectTextInPage, PASSAGE);
    await clickUi(firefox, '[data-testid="selection-add-note"]');
    await typeInUi(firefox, '[data-testid="note-body"]', BODY);
    await clickUi(firefox, '[data-testid="note-save"]');
    await expect.poll(async () => (await highlights())['msl-note'] ?? []).toEqual([PASSAGE]);

    await firefox.reload();
    await expect.poll(async () => (await highlights())['msl-note'] ?? [], { timeout: 15_000 }).toEqual([PASSAGE]);
    await focusWindow();
    expect(await firefox.evaluate(() => document.hasFocus())).toBe(true);
    await firefox.press('Tab');
    expect(await focusedOnPage()).toBe('top');

    const reached: string[] = [];
    for (let i = 0; i < 4; i++) {
      const before = (await openCard())?.shown;
      expect(await shortcut('J')).toBe(true);
      await expect.poll(async () => (await openCard())?.shown, { timeout: 5_000 }).not.toBe(before);
      // Focus moves into the card once it has rendered (a frame after its text appears).
      await expect.poll(async () => (await openCard())?.focusIn, { timeout: 5_000 }).toBe(true);
      const card = (await openCard())!;
      reached.push(`${card.kind} ${card.shown}`);
    }
    expect(reached).toEqual(['project 第 1 处提及，共 5 处', 'unit 第 2 处提及，共 5 处', 'project 第 3 处提及，共 5 处', 'note 第 1 条笔记，共 1 条']);
    await expect.poll(async () => (await openCard())?.said).toBe('第 1 条笔记，共 1 条');
    expect(await firefox.inOurUi((root) => root.querySelector('[data-testid="note-text"]')?.textContent ?? null, null)).toBe(BODY);
    expect(await firefox.evaluate(() => document.documentElement.outerHTML)).not.toMatch(/回访记录|笔记，共/);
    await firefox.screenshot(join(OUTPUT_DIR, 'firefox-keyboard-note-step.png'));

    await firefox.press('Escape');
    await expect.poll(async () => (await openCard())?.kind ?? null).toBeNull();
    expect(await focusedOnPage()).toBe('top');
    await shortcut('J');
    await expect.poll(async () => (await openCard())?.shown).toBe('第 4 处提及，共 5 处');
    await shortcut('K');
    await expect.poll(async () => (await openCard())?.kind).toBe('note');

    for (let i = 0; i < 12 && (await openCard())?.focused !== 'note-delete'; i++) await firefox.press('Tab');
    expect((await openCard())!.focused).toBe('note-delete');
    await firefox.press('Enter');
    await expect.poll(async () => (await highlights())['msl-note'] ?? []).toEqual([]);
    await expect.poll(async () => (await openCard())?.focused).toBe('note-undo');
    await firefox.press('Escape');
    await expect.poll(async () => (await openCard())?.kind ?? null).toBeNull();
    expect(await focusedOnPage()).toBe('top');
  });
});
