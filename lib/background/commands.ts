/**
 * Keyboard shortcuts, declared as manifest `commands` (wxt.config.ts) so the reader can change
 * them in the browser's shortcut settings; the background turns a command into a message to
 * the active tab's content script.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/tab-client';
import type { TabRequest } from '../messaging/tab-protocol';
import { log } from './log';

/** Command name (manifest) → the step it asks for. */
export const STEP_COMMANDS: Readonly<Record<string, 1 | -1>> = { 'next-mention': 1, 'previous-mention': -1 };

/** The tab message for a command, or null for a command this extension does not declare. */
export function commandRequest(command: string): TabRequest<'tab/step'> | null {
  return Object.hasOwn(STEP_COMMANDS, command) ? { type: 'tab/step', direction: STEP_COMMANDS[command]! } : null;
}

/** Sends a command to the tab it was pressed in (the active tab when the browser does not say). */
export function runCommand(command: string, tabId: number | undefined): void {
  const req = commandRequest(command);
  if (!req) return;
  const target = tabId !== undefined ? Promise.resolve(tabId) : browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => t?.id);
  void target.then((id) => (id === undefined ? undefined : sendToTab(id, req))).catch((err: unknown) => log('could not reach the page', err));
}
