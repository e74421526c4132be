import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/data/dataset';
import { launchWithExtension, OUTPUT_DIR, type ExtensionBrowser } from './harness';

const ITEMS = bundledDataset.items.length; // every year's items, the 117 of the 2023 table among them
const COMPLETED = bundledDataset.items.filter((i) => i.status === 'completed').length;

let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

/** Counts rows with the raw IndexedDB API in the service worker: no help from our own code. */
async function countInExtensionOrigin(store: string): Promise<number> {
  return browser.worker.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('minsheng-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve(-1);
          const req = db.transaction(name).objectStore(name).count();
          req.onsuccess = () => {
            resolve(req.result);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

describe('the installed extension', () => {
  it('seeds IndexedDB in the extension origin with every year\'s items (the 117 of 2023 among them), the lists and 82 units', async () => {
    await expect.poll(() => countInExtensionOrigin('items'), { timeout: 15_000 }).toBe(ITEMS);
    expect(await countInExtensionOrigin('units')).toBe(82);
    expect(await countInExtensionOrigin('programmes')).toBe(bundledDataset.programmes.length);
    expect(browser.worker.url()).toMatch(/^chrome-extension:\/\//);
  });

  for (const page of ['popup', 'sidepanel', 'options'] as const) {
    it(`shows the dataset summary in Chinese in the ${page}`, async () => {
      const tab = await browser.context.newPage();
      await tab.goto(`chrome-extension://${browser.extensionId}/${page}.html`);
      // The popup keeps the summary folded (it has 600 px for the page's report first).
      if (page === 'popup') await tab.locator('.dataset-fold > summary').click();
      await expect.poll(() => tab.getByTestId('count-countItems').textContent(), { timeout: 15_000 }).toContain(String(ITEMS));
      expect(await tab.getByTestId('count-countUnits').textContent()).toContain('82');
      expect(await tab.getByTestId('count-countCompleted').textContent()).toContain(String(COMPLETED));
      expect(await tab.getByTestId('programme-weiminbanshishi-2021').textContent()).toBe('数据集收录了2021年为民办实事清单 22 项中的 14 项');
      expect(await tab.getByTestId('dataset-source').textContent()).toContain('晋江经济报');
      expect(await tab.getByTestId('dataset-source').textContent()).toContain('2024-02-06');
      expect(await tab.locator('#dataset-title').textContent()).toBe('数据集');
      await tab.screenshot({ path: join(OUTPUT_DIR, `${page}.png`), fullPage: true });
      await tab.close();
    });
  }

  it('switches the UI to English from the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('界面语言').selectOption('en');
    await expect.poll(() => options.locator('#dataset-title').textContent()).toBe('Dataset');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    // Folded or not as the reader last left it (the test above unfolded it).
    await expect.poll(() => popup.getByTestId('count-countItems').textContent()).toContain('projects');
    expect(await popup.getByTestId('programme-weiminbanshishi-2021').textContent()).toBe('The dataset knows 14 of 2021’s 22 items (Projects for the People)');
    await popup.screenshot({ path: join(OUTPUT_DIR, 'popup-en.png') });
    await options.getByLabel('Interface language').selectOption('zh_CN');
    await Promise.all([options.close(), popup.close()]);
  });
});
