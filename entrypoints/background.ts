import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { sendToTabInjecting, syncContentScripts } from '../lib/background/content-scripts';
import { runCommand } from '../lib/background/commands';
import { installContextMenus, runContextMenuItem } from '../lib/background/context-menus';
import { log } from '../lib/background/log';
import { createBackgroundService } from '../lib/background/service';
import { bundledDataset } from '../lib/data/dataset';
import { openLensDb } from '../lib/db/open';
import { translator } from '../lib/i18n';
import { createRouter } from '../lib/messaging/router';
import { sendToTab } from '../lib/messaging/tab-client';
import { loadSettings, watchSettings } from '../lib/settings/store';

export default defineBackground(() => {
  const service = createBackgroundService({
    dataset: bundledDataset,
    openDb: openLensDb,
    version: browser.runtime.getManifest().version,
    loadSettings,
    injectContentScript: async (tabId) => {
      await sendToTabInjecting(tabId, { type: 'tab/rescan' });
    },
    setBadge: (tabId, text) => {
      void browser.action.setBadgeText({ tabId, text }).catch(() => {});
      void browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }).catch(() => {});
    },
    log,
    thisPage: {
      queryTabs: (query) => browser.tabs.query(query),
      outlineOf: (tabId) => sendToTab(tabId, { type: 'tab/outline' }),
      jump: (tabId, key) => sendToTab(tabId, { type: 'tab/jump', key }),
    },
  });
  // Seed on every worker start: covers install and update, and is a no-op when the hash matches.
  service.ensureDataset().catch((err: unknown) => log('seeding failed', err));
  // Our own pages live under this origin; anything else that is ours is a content script in a tab.
  const route = createRouter(browser.runtime.id, service.handlers, browser.runtime.getURL('/'));
  browser.runtime.onMessage.addListener((msg, sender) => route(msg, sender));

  const syncScripts = () => loadSettings().then(syncContentScripts).catch((err: unknown) => log('content script registration failed', err));
  void syncScripts();
  watchSettings(() => void syncScripts());
  browser.permissions.onAdded.addListener(() => void syncScripts());
  browser.permissions.onRemoved.addListener(() => void syncScripts());

  browser.tabs.onUpdated.addListener((tabId, change) => change.status === 'loading' && service.forgetTab(tabId));
  browser.tabs.onRemoved.addListener((tabId) => service.forgetTab(tabId));

  browser.runtime.onInstalled.addListener(async () => installContextMenus(translator((await loadSettings()).locale)));
  browser.contextMenus.onClicked.addListener((info, tab) => runContextMenuItem(info.menuItemId, tab?.id));
  browser.commands?.onCommand.addListener((command, tab) => runCommand(command, tab?.id));
});
