/**
 * The background's side of the protocol: checks the sender and the payload, dispatches to
 * a typed handler, and always answers with a native Promise of an envelope (a Dexie promise
 * returned from a listener reaches Chromium callers as `undefined`).
 *
 * The sender is classified from what the browser says (lib/background/sender.ts), and each
 * request type is answered only for the senders it is meant for (`AUDIENCE`): a content script
 * cannot ask to act on another tab, an extension page cannot pose as a page.
 */
import { classifySender, type ContentSender, type ExtensionPageSender, type Sender, type SenderInfo } from '../background/sender';
import { parseRequest } from './parse-request';
import { AUDIENCE, type Envelope, type Request, type RequestType, type ResponseMap } from './protocol';

export type { SenderInfo };

/** The sender a handler of type T is given: narrowed to the one kind that may send it. */
export type SenderOf<T extends RequestType> = (typeof AUDIENCE)[T] extends readonly ['content']
  ? ContentSender
  : (typeof AUDIENCE)[T] extends readonly ['extension']
    ? ExtensionPageSender
    : Sender;

export type Handlers = {
  [T in RequestType]: (req: Extract<Request, { type: T }>, sender: SenderOf<T>) => Promise<ResponseMap[T]> | ResponseMap[T];
};

/** A refusal the caller can read; the message never echoes the payload back. */
const refuse = (error: string): Promise<Envelope<unknown>> => Promise.resolve({ ok: false, error });

/**
 * `extensionOrigin` is `runtime.getURL('')`: requests from addresses under it are our own pages.
 */
export function createRouter(extensionId: string, handlers: Handlers, extensionOrigin = `chrome-extension://${extensionId}/`) {
  return (raw: unknown, info: SenderInfo): Promise<Envelope<unknown>> => {
    if (info.id !== extensionId) return refuse('sender is not this extension');
    const sender = classifySender(info, extensionId, extensionOrigin);
    if (!sender) return refuse('sender has no page of its own');
    const req = parseRequest(raw);
    if (!req) return refuse('invalid request');
    if (!(AUDIENCE[req.type] as readonly string[]).includes(sender.kind)) return refuse(`${req.type} is not accepted from ${sender.kind === 'content' ? 'a page' : 'an extension page'}`);
    const handler = handlers[req.type] as (r: Request, s: Sender) => Promise<unknown> | unknown;
    return Promise.resolve()
      .then(() => handler(req, sender))
      .then(
        (value): Envelope<unknown> => ({ ok: true, value }),
        (err: unknown): Envelope<unknown> => ({ ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }),
      );
  };
}
