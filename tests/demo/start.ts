/**
 * `npm start`: serves the demo article on localhost and opens Chromium with the built
 * extension on it. `--headless` (automatic when there is no display) takes a screenshot
 * instead and prints its path.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, OUTPUT_DIR, ROOT, serveStatic, siteUrl } from '../browser/harness';

const wantHeadless = process.argv.includes('--headless');
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = wantHeadless || noDisplay;
if (noDisplay && !wantHeadless) console.log('no display found: running headless and taking a screenshot instead');

const server = await serveStatic(join(ROOT, 'tests/demo/site'));
const browser = await launchWithExtension({ headless });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
// Served as a Jinjiang government site (resolved to this machine), where the extension runs by itself.
const url = siteUrl(server, 'www.jinjiang.gov.cn', 'index.html');
await page.goto(url);
console.log(`demo page: ${url}`);
console.log(`extension: chrome-extension://${browser.extensionId}/popup.html`);

if (headless) {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  // Give the content script time to gate, scan and draw.
  await page.waitForTimeout(1500);
  // The popup as a page reports on the tab it is given (a real popup uses the active tab).
  const tabId = await browser.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).chrome;
    return (await c.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  });
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForTimeout(800);
  const shot = join(OUTPUT_DIR, 'demo.png');
  await page.bringToFront();
  await page.screenshot({ path: shot });
  await popup.screenshot({ path: join(OUTPUT_DIR, 'demo-popup.png') });
  console.log(`screenshot: ${shot}`);
  await browser.close();
  await server.close();
} else {
  console.log('close the browser window to stop');
  browser.context.on('close', () => void server.close().then(() => process.exit(0)));
}
