/**
 * The toolbar and store icons (public/icon/{16,32,48,128}.png) from assets/icon.svg, drawn by
 * Chromium at each size on a transparent background, so every size is the same drawing. The
 * 128 px store icon keeps the 16 px padding the store asks for; the toolbar sizes (16, 32) are
 * cropped closer, as a toolbar button has its own padding and every pixel counts there.
 * Usage: `tsx scripts/build-icons.mts` (needs Chromium, as the browser tests do).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const drawing = svg.replace('width="128" height="128"', `width="${size}" height="${size}"`).replace('viewBox="0 0 128 128"', size <= 32 ? 'viewBox="12 12 104 104"' : 'viewBox="0 0 128 128"');
    await page.setContent(`<html><body style="margin:0;background:transparent">${drawing}</body></html>`);
    await page.screenshot({ path: join(ROOT, `public/icon/${size}.png`), omitBackground: true });
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
