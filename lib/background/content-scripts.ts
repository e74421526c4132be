/**
 * Running the content script outside its default sites: once in a tab the user asked to
 * scan (activeTab), and on every site while the optional all-sites permission is granted.
 */
import { browser } from 'wxt/browser';

export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';
const ALL_SITES_ID = 'msl-all-sites';

export async function injectInto(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
}

/** Registers (or unregisters) the all-sites content script to match the setting and the permission. */
export async function syncAllSites(wanted: boolean): Promise<boolean> {
  const granted = await browser.permissions.contains({ origins: ['<all_urls>'] });
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [ALL_SITES_ID] })).length > 0;
  const on = wanted && granted;
  if (on && !registered) {
    await browser.scripting.registerContentScripts([{ id: ALL_SITES_ID, matches: ['<all_urls>'], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true }]);
  } else if (!on && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [ALL_SITES_ID] });
  }
  return on;
}
