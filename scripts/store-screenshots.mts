/**
 * Store screenshots (1280 × 800, as both stores take them) from the built extension in Chromium,
 * in Chinese and in English: each language is a fresh browser whose preferred language it is, so
 * the extension's own language choice is what is shown. Written to store/screenshots/.
 *   1. the demo article, highlighted, with a project's card open;
 *   2. the article beside the popup (verdict, counts, colour key, the mentions);
 *   3. the article beside the side panel's sightings: the page as a source, projects first.
 * Usage: `npm run build && tsx scripts/store-screenshots.mts`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, ROOT, serveStatic, siteUrl } from '../tests/browser/harness';
import { ourUi } from '../tests/browser/our-ui';
import { highlightTexts, pointOfText } from '../tests/browser/page-probes';

const OUT = join(ROOT, 'store/screenshots');
mkdirSync(OUT, { recursive: true });
const server = await serveStatic(join(ROOT, 'tests'));

/** Two screenshots side by side in one 1280 × 800 picture. */
async function compose(page: Page, left: Buffer, right: Buffer, rightWidth: number, file: string) {
  const src = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.setContent(
    `<body style="margin:0;display:flex;background:#e9eaee"><img src="${src(left)}" style="width:${1280 - rightWidth}px;height:800px;object-fit:cover;object-position:left top"><img src="${src(right)}" style="width:${rightWidth}px;height:800px;border-left:1px solid #c9ced8;object-fit:cover;object-position:left top;background:#fff"></body>`,
  );
  await page.screenshot({ path: join(OUT, file) });
}

try {
  for (const [locale, tag] of [['zh-CN', 'zh'], ['en-US', 'en']] as const) {
    const browser = await launchWithExtension({ locale });
    try {
      const ext = (name: string) => `chrome-extension://${browser.extensionId}/${name}.html`;
      const article = await browser.context.newPage();
      await article.setViewportSize({ width: 1280, height: 800 });
      await article.goto(siteUrl(server, 'www.jinjiang.gov.cn', 'demo/site/index.html'));
      for (let i = 0; i < 150 && Object.keys(await article.evaluate(highlightTexts)).length < 2; i++) await article.waitForTimeout(100);
      const p = await article.evaluate(pointOfText, ['微车管所'] as [string]);
      await article.mouse.click(p!.x, p!.y);
      // Our UI is in a closed shadow root: tests/browser/our-ui.ts reaches it over the DevTools protocol.
      for (let i = 0; i < 50 && (await ourUi(article).locator('[data-card-kind="project"]').count()) === 0; i++) await article.waitForTimeout(100);
      await article.screenshot({ path: join(OUT, `${tag}-1-card.png`) });
      await article.keyboard.press('Escape');
      await article.evaluate(() => window.scrollTo(0, 0));
      const page = await article.screenshot();

      await article.bringToFront();
      const tabId = await browser.worker.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).chrome;
        return (await c.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id;
      });
      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`${ext('popup')}?tab=${tabId}`);
      await popup.getByTestId('tab-targets').waitFor();
      const pop = await popup.screenshot();
      await compose(popup, page, pop, 400, `${tag}-2-popup.png`);

      const panel = await browser.context.newPage();
      await panel.setViewportSize({ width: 400, height: 800 });
      await panel.goto(ext('sidepanel'));
      await panel.getByRole('tab').nth(3).click();
      await panel.locator('.source-page').first().waitFor();
      await panel.locator('details.dataset-fold > summary').click();
      const side = await panel.screenshot();
      await compose(panel, page, side, 400, `${tag}-3-sources.png`);
      console.log(`store/screenshots/${tag}-{1-card,2-popup,3-sources}.png`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
