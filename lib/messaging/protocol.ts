/**
 * The typed message protocol between the content script / extension pages and the
 * background (DESIGN contract 2). One discriminated union; every request is validated
 * before it is handled, and every answer is an envelope so errors cross the boundary.
 */
import type { DatasetSummary } from '../db/queries';

export type Request =
  | { type: 'ping' }
  /** Make sure the bundled dataset is in IndexedDB (seeds if needed); answers the summary. */
  | { type: 'dataset/ensure' }
  /** The content script's gate decision for its tab (drives the badge). */
  | { type: 'page/gate'; relevant: boolean; score: number; mentions: number };

export type RequestType = Request['type'];

export interface ResponseMap {
  ping: { pong: true; version: string };
  'dataset/ensure': DatasetSummary | null;
  'page/gate': { ok: true };
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

type Check = (msg: Record<string, unknown>) => boolean;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Payload checks per type: a request that fails its check is rejected, not guessed at. */
const checks: Record<RequestType, Check> = {
  ping: () => true,
  'dataset/ensure': () => true,
  'page/gate': (m) => typeof m.relevant === 'boolean' && isNum(m.score) && isNum(m.mentions) && (m.mentions as number) >= 0,
};

export function parseRequest(raw: unknown): Request | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const msg = raw as Record<string, unknown>;
  const type = msg.type;
  if (typeof type !== 'string' || !Object.hasOwn(checks, type)) return null;
  return checks[type as RequestType](msg) ? (msg as unknown as Request) : null;
}
