/**
 * Sending a request to a tab's content script, in its top frame (frames run their own overlay
 * and would answer too), and checking the answer's shape before it is used.
 */
import { browser } from 'wxt/browser';
import { MessageError } from './client';
import { isTabResponse, type TabRequest, type TabRequestType, type TabResponseMap } from './tab-protocol';

export async function sendToTab<K extends TabRequestType>(tabId: number, req: TabRequest<K>, frameId = 0): Promise<TabResponseMap[K]> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, req, { frameId });
  if (!isTabResponse(req.type, answer)) throw new MessageError(`no valid answer to ${req.type}`);
  return answer;
}
