/**
 * Running the content script outside its default sites: once in a tab the user asked to
 * scan (activeTab), and on every site while the optional all-sites permission is granted.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/tab-client';
import type { TabRequest, TabRequestType, TabResponseMap } from '../messaging/tab-protocol';
import { matchPatternsFor } from '../settings/match-patterns';
import { DEFAULT_AUTO_SITES, type Settings } from '../settings/settings';
import { hostMatches } from '../settings/sites';

/** The content script and its stylesheet as built (entrypoints/lens.ts, declared in wxt.config.ts). */
export const CONTENT_SCRIPT_FILE = '/lens.js';
/** The highlight colours that go with it (injected with it: the manifest only covers its own sites). */
export const CONTENT_STYLE_FILE = '/assets/lens.css';
const ALL_SITES_ID = 'msl-all-sites';

export async function injectInto(tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId }, files: [CONTENT_STYLE_FILE] });
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
}

/** Sends to a tab's content script, injecting it first where it is not running yet. */
export async function sendToTabInjecting<K extends TabRequestType>(tabId: number, req: TabRequest<K>): Promise<TabResponseMap[K]> {
  try {
    return await sendToTab(tabId, req);
  } catch {
    await injectInto(tabId);
    return sendToTab(tabId, req);
  }
}

const USER_SITES_ID = 'msl-user-sites';

/** Sites the user added beyond the defaults whose permission they granted. */
async function grantedUserSites(settings: Settings): Promise<string[]> {
  const extra = settings.autoSites.filter((s) => !DEFAULT_AUTO_SITES.some((d) => hostMatches(s, d)));
  const granted: string[] = [];
  for (const site of extra) if (await browser.permissions.contains({ origins: matchPatternsFor(site) })) granted.push(site);
  return granted;
}

async function register(id: string, matches: string[]): Promise<void> {
  const [current] = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  const same = current && JSON.stringify([...(current.matches ?? [])].sort()) === JSON.stringify([...matches].sort());
  if (same) return;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [id] });
  if (matches.length) {
    await browser.scripting.registerContentScripts([{ id, matches, js: [CONTENT_SCRIPT_FILE], css: [CONTENT_STYLE_FILE], runAt: 'document_idle', persistAcrossSessions: true }]);
  }
}

/**
 * Makes the registered content scripts follow the settings and the granted permissions:
 * all sites while `<all_urls>` is granted and wanted, else the user's own extra sites.
 */
export async function syncContentScripts(settings: Settings): Promise<void> {
  const all = settings.allSites && (await browser.permissions.contains({ origins: ['<all_urls>'] }));
  await register(ALL_SITES_ID, all ? ['<all_urls>'] : []);
  await register(USER_SITES_ID, all ? [] : (await grantedUserSites(settings)).flatMap(matchPatternsFor));
}
