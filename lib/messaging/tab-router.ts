/**
 * The content script's side of the tab protocol: checks the sender and the request, and
 * dispatches to a typed handler per request type. Anything not from this extension, or not a
 * valid request, gets no answer at all (undefined: the listener stays silent).
 */
import { parseTabRequest, type TabRequest, type TabRequestType, type TabResponseMap } from './tab-protocol';

export type TabHandlers = {
  [K in TabRequestType]: (req: TabRequest<K>) => Promise<TabResponseMap[K]> | TabResponseMap[K];
};

function dispatch<K extends TabRequestType>(handlers: TabHandlers, req: TabRequest<K>): Promise<TabResponseMap[K]> {
  const handler: (req: TabRequest<K>) => Promise<TabResponseMap[K]> | TabResponseMap[K] = handlers[req.type];
  return Promise.resolve().then(() => handler(req));
}

/** `ready`: answers wait for it (the overlay's first start). */
export function createTabRouter(extensionId: string, handlers: TabHandlers, ready: Promise<unknown> = Promise.resolve()) {
  return (raw: unknown, sender: { id?: string }): Promise<TabResponseMap[TabRequestType]> | undefined => {
    if (sender.id !== extensionId) return undefined;
    const req = parseTabRequest(raw);
    if (!req) return undefined;
    return ready.then(() => dispatch(handlers, req));
  };
}
