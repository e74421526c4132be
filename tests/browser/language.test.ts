/**
 * The UI language follows the browser's until the reader picks one (issue 13, 9): an English
 * browser gets the English side panel and popup; a Chinese one (the other tests) Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({ locale: 'en-US' });
});
afterAll(async () => {
  await browser?.close();
});

describe('an English browser', () => {
  it('gets the extension in English without choosing it', async () => {
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await expect.poll(() => panel.locator('h1').textContent(), { timeout: 15_000 }).toBe('Minsheng Lens · Side panel');
    await expect.poll(() => panel.getByRole('tab').allTextContents(), { timeout: 15_000 }).toEqual(['This page', 'Search', 'Following', 'Notes', 'Sightings']);
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('en');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => options.locator('#language').inputValue(), { timeout: 15_000 }).toBe('en');
    await Promise.all([panel.close(), options.close()]);
  });
});
