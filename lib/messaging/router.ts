/**
 * The background's side of the protocol: checks the sender and the payload, dispatches to
 * a typed handler, and always answers with a native Promise of an envelope (a Dexie promise
 * returned from a listener reaches Chromium callers as `undefined`).
 */
import { parseRequest, type Envelope, type Request, type RequestType, type ResponseMap } from './protocol';

export interface SenderInfo {
  id?: string;
  /** 0 for a tab's top frame. */
  frameId?: number;
  tab?: { id?: number; windowId?: number; active?: boolean; lastAccessed?: number };
  url?: string;
}

export type Handlers = {
  [T in RequestType]: (req: Extract<Request, { type: T }>, sender: SenderInfo) => Promise<ResponseMap[T]> | ResponseMap[T];
};

export function createRouter(extensionId: string, handlers: Handlers) {
  return (raw: unknown, sender: SenderInfo): Promise<Envelope<unknown>> => {
    if (sender.id !== extensionId) return Promise.resolve({ ok: false, error: 'sender is not this extension' });
    const req = parseRequest(raw);
    if (!req) return Promise.resolve({ ok: false, error: 'invalid request' });
    const handler = handlers[req.type] as (r: Request, s: SenderInfo) => Promise<unknown> | unknown;
    return Promise.resolve()
      .then(() => handler(req, sender))
      .then(
        (value): Envelope<unknown> => ({ ok: true, value }),
        (err: unknown): Envelope<unknown> => ({ ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }),
      );
  };
}
