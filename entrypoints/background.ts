import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { commandRequest } from '../lib/background/commands';
import { injectInto, syncContentScripts } from '../lib/background/content-scripts';
import { createBackgroundService } from '../lib/background/service';
import { bundledDataset } from '../lib/data/dataset';
import { openLensDb } from '../lib/db/open';
import { translator } from '../lib/i18n';
import { createRouter } from '../lib/messaging/router';
import type { TabRequest } from '../lib/messaging/tab-protocol';
import { loadSettings, watchSettings } from '../lib/settings/store';

const log = (msg: string, err?: unknown) => (err ? console.error(`[minsheng-lens] ${msg}`, err) : console.info(`[minsheng-lens] ${msg}`));

/** Sends to a tab's content script, injecting it first where it is not running yet. */
async function toTab(tabId: number, req: TabRequest): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, req, { frameId: 0 });
  } catch {
    await injectInto(tabId);
    return browser.tabs.sendMessage(tabId, req, { frameId: 0 });
  }
}

export default defineBackground(() => {
  const service = createBackgroundService({
    dataset: bundledDataset,
    openDb: openLensDb,
    version: browser.runtime.getManifest().version,
    loadSettings,
    injectContentScript: async (tabId) => {
      await toTab(tabId, { type: 'tab/rescan' });
    },
    setBadge: (tabId, text) => {
      void browser.action.setBadgeText({ tabId, text }).catch(() => {});
      void browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }).catch(() => {});
    },
    log,
  });
  // Seed on every worker start: covers install and update, and is a no-op when the hash matches.
  service.ensureDataset().catch((err: unknown) => log('seeding failed', err));
  const route = createRouter(browser.runtime.id, service.handlers);
  browser.runtime.onMessage.addListener((msg, sender) => route(msg, sender));

  const syncScripts = () => loadSettings().then(syncContentScripts).catch((err: unknown) => log('content script registration failed', err));
  void syncScripts();
  watchSettings(() => void syncScripts());
  browser.permissions.onAdded.addListener(() => void syncScripts());
  browser.permissions.onRemoved.addListener(() => void syncScripts());

  browser.tabs.onUpdated.addListener((tabId, change) => change.status === 'loading' && service.forgetTab(tabId));
  browser.tabs.onRemoved.addListener((tabId) => service.forgetTab(tabId));

  browser.runtime.onInstalled.addListener(async () => {
    const t = translator((await loadSettings()).locale);
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: 'msl-scan', title: t('contextScanPage'), contexts: ['page'] });
    browser.contextMenus.create({ id: 'msl-note', title: t('contextAddNote'), contexts: ['selection'] });
  });
  // Shortcuts are manifest commands (remappable by the reader): forwarded to the tab they were pressed in.
  browser.commands?.onCommand.addListener((command, tab) => {
    const req = commandRequest(command);
    if (!req) return;
    const target = tab?.id !== undefined ? Promise.resolve(tab.id) : browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => t?.id);
    void target.then((id) => (id === undefined ? undefined : toTab(id, req))).catch((err: unknown) => log('could not reach the page', err));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    const req: TabRequest = info.menuItemId === 'msl-note' ? { type: 'tab/note-selection' } : { type: 'tab/rescan' };
    toTab(tab.id, req).catch((err: unknown) => log('could not reach the page', err));
  });
});
