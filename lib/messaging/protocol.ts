/**
 * The typed message protocol between the content script / extension pages and the
 * background (DESIGN contract 2). One discriminated union; every request is validated
 * before it is handled, and every answer is an envelope so errors cross the boundary.
 */
import type { Dataset } from '../data/types';
import type { DatasetSummary } from '../db/queries';
import type { Note, PassageAnchor, TargetRef } from '../db/records';
import type { PageInfo, SightingReport } from '../db/sightings';
import type { Locale } from '../i18n';
import type { MatchPackJSON } from '../match/pack';
import { LIMITS } from '../rows/fields';
import { targetRef } from '../rows/rows';
import type { HighlightColours } from '../settings/settings';

export type Request =
  | { type: 'ping' }
  /** Make sure the bundled dataset is in IndexedDB (seeds if needed); answers the summary. */
  | { type: 'dataset/ensure' }
  /** The content script's gate decision for its tab (drives the badge). */
  | { type: 'page/gate'; relevant: boolean; score: number; mentions: number }
  /**
   * What the overlay needs to draw a relevant page: follows, notes, settings. `canonicalUrl` is
   * the page's claim; the background keeps it only when it is on the sender's own site.
   */
  | { type: 'overlay/state'; canonicalUrl: string }
  /** The installed dataset's match pack and card data, when it is not the one bundled with the content script. */
  | { type: 'dataset/engine' }
  | { type: 'follow/set'; target: TargetRef; follow: boolean }
  /**
   * `id` is chosen by the client (a UUID) when the editor opens, so a retry after a lost answer
   * saves the same note again instead of a second one. The anchor's addresses are claims: the
   * background files the note under the sender's own page.
   */
  | { type: 'note/save'; id: string; body: string; tags?: string[]; target?: TargetRef; anchor?: PassageAnchor }
  /** Site and address come from the sender; `page.canonicalUrl` counts only on the sender's own site. */
  | { type: 'sightings/record'; page: PageInfo; reports: SightingReport[] }
  /** From the popup: run the overlay on the active tab even though it is not on the site list. */
  | { type: 'tab/scan'; tabId: number }
  /** From the options page: put the dataset bundled with this version back (replacing an imported one). */
  | { type: 'dataset/restore' };

export type RequestType = Request['type'];

export interface OverlayState {
  locale: Locale;
  /** Ids of followed items and units. */
  followed: string[];
  /** Notes anchored to passages of this page. */
  pageNotes: Note[];
  /** Number of notes per item/unit id. */
  noteCounts: Record<string, number>;
  /** Which mentions become sightings. */
  sightings: 'all' | 'followed' | 'off';
  /** Draw by wrapping elements instead of the Highlight API (for screen readers). */
  wrapHighlights: boolean;
  /** The user said "don't run on this site". */
  siteDisabled: boolean;
  highlightColours: HighlightColours;
  /** The installed dataset (the content script compares it with the one it carries). */
  dataset: { version: string; hash: string } | null;
}

/** What a page needs of an installed dataset that is not the bundled one: its match pack and what cards show. */
export interface InstalledEngine {
  version: string;
  hash: string;
  pack: MatchPackJSON;
  cards: Pick<Dataset, 'items' | 'units' | 'sources'>;
}

export interface ResponseMap {
  /** `bundled`: the dataset this version carries (the options page checks a file's version against it). */
  ping: { pong: true; version: string; bundled: { version: string; hash: string } };
  'dataset/ensure': DatasetSummary | null;
  'page/gate': { ok: true };
  'overlay/state': OverlayState;
  'dataset/engine': InstalledEngine | null;
  'follow/set': { followed: boolean };
  'note/save': Note;
  'sightings/record': { recorded: number };
  'tab/scan': { injected: boolean };
  'dataset/restore': { version: string };
}

/**
 * Who may send each request: `content` is our content script in a web page (bound to its tab and
 * frame), `extension` one of our own pages. Requests that act on other tabs, or on the dataset,
 * come from extension pages only; requests about "this page" only from a page.
 */
export const AUDIENCE = {
  ping: ['content', 'extension'],
  'dataset/ensure': ['extension'],
  'page/gate': ['content'],
  'overlay/state': ['content'],
  'dataset/engine': ['content'],
  'follow/set': ['content'],
  'note/save': ['content'],
  'sightings/record': ['content'],
  'tab/scan': ['extension'],
  'dataset/restore': ['extension'],
} as const satisfies Record<RequestType, readonly ('content' | 'extension')[]>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

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

/**
 * A passage as the content script describes it. Its addresses are only checked for size here:
 * the background replaces them with the sender's own (lib/background/sender.ts), and the row it
 * stores passes the row validator.
 */
export function isAnchor(v: unknown): v is PassageAnchor {
  if (!isObj(v) || !isStr(v.url, LIMITS.url) || !isStr(v.canonicalUrl, LIMITS.url) || !isStr(v.title, LIMITS.title)) return false;
  const q = v.quote;
  const p = v.position;
  return (
    isObj(q) && q.type === 'TextQuoteSelector' && isStr(q.exact, LIMITS.exact) && (q.exact as string).length > 0 && isStr(q.prefix, LIMITS.context) && isStr(q.suffix, LIMITS.context) &&
    isObj(p) && p.type === 'TextPositionSelector' && Number.isInteger(p.start) && Number.isInteger(p.end) && (p.start as number) >= 0 && (p.end as number) > (p.start as number)
  );
}

const isPage = (v: unknown): v is PageInfo => isObj(v) && isStr(v.url, LIMITS.url) && isStr(v.canonicalUrl, LIMITS.url) && isStr(v.title, LIMITS.title);
const isReport = (v: unknown): v is SightingReport =>
  isObj(v) && isTarget(v.target) && isStr(v.quote, LIMITS.sightingQuote) && isStr(v.prefix, LIMITS.context) && isStr(v.suffix, LIMITS.context);

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
    isStr(m.body, LIMITS.body) && (m.body as string).trim().length > 0 &&
    (m.tags === undefined || (Array.isArray(m.tags) && m.tags.length <= LIMITS.tags && m.tags.every((t) => isStr(t, LIMITS.tag)))) &&
    (m.target === undefined || isTarget(m.target)) &&
    (m.anchor === undefined || isAnchor(m.anchor)) &&
    (m.target !== undefined || m.anchor !== undefined),
  'sightings/record': (m) => isPage(m.page) && Array.isArray(m.reports) && m.reports.length <= 2000 && m.reports.every(isReport),
  'tab/scan': (m) => Number.isInteger(m.tabId) && (m.tabId as number) >= 0,
  'dataset/restore': () => true,
};

export function parseRequest(raw: unknown): Request | null {
  if (!isObj(raw)) return null;
  const type = raw.type;
  if (typeof type !== 'string' || !Object.hasOwn(checks, type)) return null;
  return checks[type as RequestType](raw) ? (raw as unknown as Request) : null;
}
