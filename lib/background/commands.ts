/**
 * Keyboard shortcuts, declared as manifest `commands` (wxt.config.ts) so the reader can change
 * them in the browser's shortcut settings; the background turns a command into a message to
 * the active tab's content script.
 */
import type { TabRequest } from '../messaging/tab-protocol';

/** Command name (manifest) → the step it asks for. */
export const STEP_COMMANDS: Readonly<Record<string, 1 | -1>> = { 'next-mention': 1, 'previous-mention': -1 };

/** The tab message for a command, or null for a command this extension does not declare. */
export function commandRequest(command: string): TabRequest | null {
  return Object.hasOwn(STEP_COMMANDS, command) ? { type: 'tab/step', direction: STEP_COMMANDS[command]! } : null;
}
