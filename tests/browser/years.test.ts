/** A page in its own year, in real Chromium: a 2025 page's card says the dataset has no record of that year's round. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, OUTPUT_DIR, ROOT, serveStatic, setLocale, siteUrl, type ExtensionBrowser, type StaticServer } from './harness';
import { inOurUi, ourUi } from './our-ui';
import { byClass, highlightTexts, pointOfText } from './page-probes';

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

async function clickText(page: Page, text: string): Promise<void> {
  const p = await page.evaluate(pointOfText, [text, undefined] as [string, string?]);
  if (!p) throw new Error(`text not on page: ${text}`);
  await page.mouse.click(p.x, p.y);
}

describe('a page read in its own year', () => {
  let page: Page;

  it('draws a 2025 round the dataset lacks and says so on its card, never another year’s status', async () => {
    page = await browser.context.newPage();
    await page.goto(siteUrl(server, 'www.ijjnews.com', 'browser/pages/years-2025.html'));
    await expect.poll(async () => byClass(await page.evaluate(highlightTexts))['msl-project-open'] ?? [], { timeout: 10_000 }).toContain('智慧停车');
    await clickText(page, '智慧停车');
    const card = ourUi(page).locator('[data-card-kind="round"]');
    await expect.poll(() => card.getByTestId('card-round').textContent(), { timeout: 5_000 }).toBe('本页讲的是2025年的为民办实事；数据集没有这一轮的记录。');
    const text = await card.textContent();
    expect(text).not.toContain('已完成');
    expect(text).not.toContain('2023');
    // Why, in words: how the year was told and that the dataset lacks the round (no linker codes).
    await ourUi(page).locator('[data-card-kind="round"] details > summary').click();
    const reasons = (await inOurUi(page, (root) => [...root.querySelectorAll('[data-card-kind="round"] details li')].map((li) => li.textContent ?? ''), null)) ?? [];
    expect(reasons).toContain('数据集没有那一年这一轮的记录');
    for (const r of reasons) expect(r).not.toMatch(/[a-z]/);
    await page.screenshot({ path: join(OUTPUT_DIR, 'overlay-round-2025.png') });
    await page.keyboard.press('Escape');
  });

  it('says the same in English, switching an open card when the reader changes the language', async () => {
    const en = await browser.context.newPage();
    await en.goto(siteUrl(server, 'www.ijjnews.com', 'browser/pages/years-2025.html'));
    await expect.poll(async () => byClass(await en.evaluate(highlightTexts))['msl-project-open'] ?? [], { timeout: 10_000 }).toContain('智慧停车');
    await clickText(en, '智慧停车');
    const card = ourUi(en).locator('[data-card-kind="round"]');
    await expect.poll(() => card.getByTestId('card-round').textContent(), { timeout: 5_000 }).toMatch(/^本页讲的是2025年/);
    // As the options page stores it; the card is not reopened and the page not reloaded.
    await setLocale(browser, 'en');
    await expect.poll(() => card.getByTestId('card-round').textContent(), { timeout: 5_000 }).toMatch(/^This page speaks of 2025’s round of Projects for the People/);
    await ourUi(en).locator('[data-card-kind="round"] details > summary').click();
    const reasons = (await inOurUi(en, (root) => [...root.querySelectorAll('[data-card-kind="round"] details li')].map((li) => li.textContent ?? ''), null)) ?? [];
    expect(reasons).toContain('The dataset has no record of that year’s round');
    await en.screenshot({ path: join(OUTPUT_DIR, 'overlay-round-2025-en.png') });
    await en.close();
    await setLocale(browser, 'zh_CN');
  });

  it('links the name of 2025’s list item to it and shows its programme and year', async () => {
    await clickText(page, '新建、提升10个长者食堂');
    const card = ourUi(page).locator('[data-card-kind="project"]');
    await expect.poll(() => card.getByTestId('card-list').textContent(), { timeout: 5_000 }).toBe('2025年为民办实事');
    await page.keyboard.press('Escape');
  });

  it('lists each project with its list in the popup, the round marked as not in the dataset, and reveals it', async () => {
    await page.bringToFront();
    const tab = await browser.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).chrome;
      return (await c.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id;
    });
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tab}`);
    const targets = popup.getByTestId('tab-targets');
    await expect.poll(() => targets.textContent(), { timeout: 10_000 }).toContain('智慧停车');
    const lists = await popup.getByTestId('tab-target-list').allTextContents();
    expect(lists).toContain('2025年为民办实事 · 数据集无记录');
    expect(lists).toContain('2025年为民办实事');
    await popup.screenshot({ path: join(OUTPUT_DIR, 'popup-years.png'), fullPage: true });
    await targets.getByText('智慧停车').click();
    await expect.poll(() => ourUi(page).locator('[data-card-kind="round"]').count(), { timeout: 5_000 }).toBe(1);
    await popup.close();
  });
});
