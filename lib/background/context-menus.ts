/** The page's context menu: "scan this page" on a page, "add a note" and "highlight" on a selection. */
import { browser } from 'wxt/browser';
import type { translator } from '../i18n';
import { sendToTabInjecting } from './content-scripts';
import { log } from './log';

const SCAN = 'msl-scan';
const NOTE = 'msl-note';
const HIGHLIGHT = 'msl-highlight';

export async function installContextMenus(t: ReturnType<typeof translator>): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: SCAN, title: t('contextScanPage'), contexts: ['page'] });
  browser.contextMenus.create({ id: NOTE, title: t('contextAddNote'), contexts: ['selection'] });
  browser.contextMenus.create({ id: HIGHLIGHT, title: t('contextHighlight'), contexts: ['selection'] });
}

/** Runs a clicked item in its tab's content script (injected first where it is not running). */
export function runContextMenuItem(itemId: string | number, tabId: number | undefined): void {
  if (tabId === undefined) return;
  const sent =
    itemId === NOTE
      ? sendToTabInjecting(tabId, { type: 'tab/note-selection' })
      : itemId === HIGHLIGHT
        ? sendToTabInjecting(tabId, { type: 'tab/highlight-selection' })
        : sendToTabInjecting(tabId, { type: 'tab/rescan' });
  sent.catch((err: unknown) => log('could not reach the page', err));
}
