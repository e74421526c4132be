/**
 * Checking a request's payload before the background handles it (DESIGN contract 2): a request
 * that fails its type's check is rejected, not guessed at. Apart from the protocol's types so the
 * content script, which only sends, never reaches the row rules and the storage code behind them.
 */
import { LIMITS } from '../rows/fields';
import { pageMeta, targetRef } from '../rows/rows';
import type { PageInfo, SightingReport } from '../types/page';
import type { PassageAnchor, TargetRef } from '../types/records';
import type { Request, RequestType } from './protocol';

type Check = (msg: Record<string, unknown>) => boolean;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const passes = (check: () => unknown): boolean => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A target as stored notes and follows hold it (lib/rows). */
export const isTarget = (v: unknown): v is TargetRef => passes(() => targetRef(v, 'target'));
const isMeta = (v: unknown): boolean => v === undefined || passes(() => pageMeta(v, 'meta'));
const isSentence = (v: unknown): boolean => v === undefined || isStr(v, LIMITS.sentence);
const isWebAddress = (v: unknown): boolean => isStr(v, LIMITS.url) && /^https?:/i.test(v);

/**
 * A passage as the content script describes it. Its addresses are only checked for size here:
 * the background replaces them with the sender's own (lib/background/sender.ts), and the row it
 * stores passes the row validator.
 */
export function isAnchor(v: unknown): v is PassageAnchor {
  if (!isObj(v) || !isWebAddress(v.url) || !isWebAddress(v.canonicalUrl) || !isStr(v.title, LIMITS.title)) return false;
  if (!isSentence(v.sentence) || !isMeta(v.meta)) return false;
  const q = v.quote;
  const p = v.position;
  return (
    isObj(q) && q.type === 'TextQuoteSelector' && isStr(q.exact, LIMITS.exact) && (q.exact as string).length > 0 && isStr(q.prefix, LIMITS.context) && isStr(q.suffix, LIMITS.context) &&
    isObj(p) && p.type === 'TextPositionSelector' && Number.isInteger(p.start) && Number.isInteger(p.end) && (p.start as number) >= 0 && (p.end as number) > (p.start as number)
  );
}

const isTags = (v: unknown): v is string[] => Array.isArray(v) && v.length <= LIMITS.tags && v.every((t) => isStr(t, LIMITS.tag));
const isPage = (v: unknown): v is PageInfo => isObj(v) && isStr(v.url, LIMITS.url) && isStr(v.canonicalUrl, LIMITS.url) && isStr(v.title, LIMITS.title) && isMeta(v.meta);
const isReport = (v: unknown): v is SightingReport =>
  isObj(v) && isTarget(v.target) && isStr(v.quote, LIMITS.sightingQuote) && isStr(v.prefix, LIMITS.context) && isStr(v.suffix, LIMITS.context) && isSentence(v.sentence);

/** Payload checks per type: a request that fails its check is rejected, not guessed at. */
const checks: Record<RequestType, Check> = {
  ping: () => true,
  'dataset/ensure': () => true,
  'page/gate': (m) => typeof m.relevant === 'boolean' && isNum(m.score) && isNum(m.mentions) && (m.mentions as number) >= 0,
  'overlay/state': (m) => isStr(m.canonicalUrl, LIMITS.url),
  'dataset/engine': () => true,
  'follow/set': (m) => isTarget(m.target) && typeof m.follow === 'boolean',
  'note/save': (m) =>
    typeof m.id === 'string' && UUID.test(m.id) &&
    // A blank body is a highlight (a quote kept without a note): only with a passage.
    isStr(m.body, LIMITS.body) && ((m.body as string).trim().length > 0 || m.anchor !== undefined) &&
    (m.tags === undefined || (Array.isArray(m.tags) && m.tags.length <= LIMITS.tags && m.tags.every((t) => isStr(t, LIMITS.tag)))) &&
    (m.target === undefined || isTarget(m.target)) &&
    (m.anchor === undefined || isAnchor(m.anchor)) &&
    (m.target !== undefined || m.anchor !== undefined),
  'sightings/record': (m) => isPage(m.page) && Array.isArray(m.reports) && m.reports.length <= 2000 && m.reports.every(isReport),
  'tab/scan': (m) => Number.isInteger(m.tabId) && (m.tabId as number) >= 0,
  'tab/frames': (m) => Number.isInteger(m.tabId) && (m.tabId as number) >= 0,
  'dataset/restore': () => true,
  'note/update': (m) =>
    isStr(m.id, LIMITS.id) && (m.id as string).length > 0 &&
    (m.body === undefined || isStr(m.body, LIMITS.body)) &&
    (m.tags === undefined || isTags(m.tags)) &&
    (m.target === undefined || m.target === null || isTarget(m.target)),
  'note/delete': (m) => isStr(m.id, LIMITS.id) && (m.id as string).length > 0,
  // The row itself is checked by the row validator before it is written back (lib/background/page-notes.ts).
  'note/restore': (m) => isObj(m.note) && isStr(m.note.id, LIMITS.id),
  'page/outline': () => true,
  'page/jump': (m) => Number.isInteger(m.tabId) && (m.tabId as number) >= 0 && isStr(m.key, 300),
};

export function parseRequest(raw: unknown): Request | null {
  if (!isObj(raw)) return null;
  const type = raw.type;
  if (typeof type !== 'string' || !Object.hasOwn(checks, type)) return null;
  return checks[type as RequestType](raw) ? (raw as unknown as Request) : null;
}
