/** A page in its own year, in real Chromium: a 2025 page's card says the dataset has no record of that year's round. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, OUTPUT_DIR, ROOT, serveStatic, siteUrl, type ExtensionBrowser, type StaticServer } from './harness';
import { highlightTexts, pointOfText } from './page-probes';

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
    await expect.poll(async () => (await page.evaluate(highlightTexts))['msl-project-open'] ?? [], { timeout: 10_000 }).toContain('智慧停车');
    await clickText(page, '智慧停车');
    const card = page.locator('msl-lens-root [data-card-kind="round"]');
    await expect.poll(() => card.getByTestId('card-round').textContent(), { timeout: 5_000 }).toBe('本页讲的是2025年的为民办实事项目；数据集没有这一轮的记录。');
    const text = await card.textContent();
    expect(text).not.toContain('已完成');
    expect(text).not.toContain('2023');
    await page.screenshot({ path: join(OUTPUT_DIR, 'overlay-round-2025.png') });
    await page.keyboard.press('Escape');
  });

  it('links the name of 2025’s list item to it and shows its programme and year', async () => {
    await clickText(page, '新建、提升10个长者食堂');
    const card = page.locator('msl-lens-root [data-card-kind="project"]');
    await expect.poll(() => card.getByTestId('card-list').textContent(), { timeout: 5_000 }).toBe('2025年为民办实事项目');
    await page.keyboard.press('Escape');
  });
});
