/** Sending a request to the background and unwrapping its envelope. */
import { browser } from 'wxt/browser';
import type { Envelope, Request, ResponseMap } from './protocol';

export class MessageError extends Error {
  override name = 'MessageError';
}

export async function request<R extends Request>(req: R): Promise<ResponseMap[R['type']]> {
  const answer = (await browser.runtime.sendMessage(req)) as Envelope<ResponseMap[R['type']]> | undefined;
  if (!answer) throw new MessageError(`no answer to ${req.type}`);
  if (!answer.ok) throw new MessageError(answer.error);
  return answer.value;
}
