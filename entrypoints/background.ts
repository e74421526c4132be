import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundService } from '../lib/background/service';
import { bundledDataset } from '../lib/data/dataset';
import { openLensDb } from '../lib/db/open';
import { createRouter } from '../lib/messaging/router';

export default defineBackground(() => {
  const service = createBackgroundService({
    dataset: bundledDataset,
    openDb: openLensDb,
    version: browser.runtime.getManifest().version,
    setBadge: (tabId, text) => void browser.action.setBadgeText({ tabId, text }).catch(() => {}),
    log: (msg) => console.info(`[minsheng-lens] ${msg}`),
  });
  // Seed on every worker start: covers install and update, and is a no-op when the hash matches.
  service.ensureDataset().catch((err: unknown) => console.error('[minsheng-lens] seeding failed', err));
  const route = createRouter(browser.runtime.id, service.handlers);
  browser.runtime.onMessage.addListener((msg, sender) => route(msg, sender));
});
