/**
 * The typed message protocol between the content script / extension pages and the
 * background (DESIGN contract 2). One discriminated union; every request is validated
 * before it is handled, and every answer is an envelope so errors cross the boundary.
 */
import type { DatasetSummary } from '../types/dataset-summary';
import type { Note, PassageAnchor, TargetRef } from '../types/records';
import type { PageInfo, SightingReport } from '../types/page';
import type { Locale } from '../i18n';
import type { HighlightColours } from '../settings/settings';
import type { TabOutline } from './tab-protocol';

/** The "this page" view's data: the tab the background chose and what its content script reported (null: no overlay there). */
export interface PageOutline {
  tabId: number | null;
  outline: TabOutline | null;
}

export type Request =
  | { type: 'ping' }
  /** Make sure the bundled dataset is in IndexedDB (seeds if needed); answers the summary. */
  | { type: 'dataset/ensure' }
  /** The content script's gate decision for its tab (drives the badge). */
  | { type: 'page/gate'; relevant: boolean; score: number; mentions: number }
  /** What the overlay needs to draw a relevant page: follows, notes, settings. */
  | { type: 'overlay/state'; canonicalUrl: string }
  | { type: 'follow/set'; target: TargetRef; follow: boolean }
  /** An empty `body` is allowed only with an `anchor`: a highlight, a quote kept without a note. */
  | { type: 'note/save'; body: string; tags?: string[]; target?: TargetRef; anchor?: PassageAnchor }
  /**
   * From a page's note card: change a note of the sender's own page (lib/background/page-notes.ts
   * refuses notes of other pages). `target: null` removes the link to a project or unit.
   */
  | { type: 'note/update'; id: string; body?: string; tags?: string[]; target?: TargetRef | null }
  /** From a page's note card: delete a note of the sender's page; answers the row, for undo. */
  | { type: 'note/delete'; id: string }
  /** Undo of `note/delete`: puts the row back exactly, if it is of the sender's page and its id is free. */
  | { type: 'note/restore'; note: Note }
  /** From an extension page: the outline of the page in the active tab (the background picks the tab). */
  | { type: 'page/outline' }
  /** From an extension page: scroll the tab an outline came from to one of its entries. */
  | { type: 'page/jump'; tabId: number; key: string }
  | { type: 'sightings/record'; page: PageInfo; reports: SightingReport[] }
  /** From the popup: run the overlay on the active tab even though it is not on the site list. */
  | { type: 'tab/scan'; tabId: number };

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
}

export interface ResponseMap {
  ping: { pong: true; version: string };
  'dataset/ensure': DatasetSummary | null;
  'page/gate': { ok: true };
  'overlay/state': OverlayState;
  'follow/set': { followed: boolean };
  'note/save': Note;
  'note/update': Note;
  'note/delete': Note | null;
  'note/restore': { restored: boolean };
  'page/outline': PageOutline;
  'page/jump': { found: boolean };
  'sightings/record': { recorded: number };
  'tab/scan': { injected: boolean };
}

/** Sends one request to the background and resolves with its typed answer (lib/messaging/client.ts). */
export type Send = <R extends Request>(req: R) => Promise<ResponseMap[R['type']]>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

type Check = (msg: Record<string, unknown>) => boolean;

const MAX_TEXT = 20_000;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const isUrl = (v: unknown): boolean => isStr(v, 4096) && /^(https?|file):/i.test(v as string);

export const isTarget = (v: unknown): v is TargetRef => isObj(v) && (v.kind === 'item' || v.kind === 'unit') && isStr(v.id, 200) && (v.id as string).length > 0;

export function isAnchor(v: unknown): v is PassageAnchor {
  if (!isObj(v) || !isUrl(v.url) || !isUrl(v.canonicalUrl) || !isStr(v.title, 2000)) return false;
  const q = v.quote;
  const p = v.position;
  return (
    isObj(q) && q.type === 'TextQuoteSelector' && isStr(q.exact) && (q.exact as string).length > 0 && isStr(q.prefix, 200) && isStr(q.suffix, 200) &&
    isObj(p) && p.type === 'TextPositionSelector' && isNum(p.start) && isNum(p.end) && (p.start as number) >= 0 && (p.end as number) > (p.start as number)
  );
}

const isTags = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 50 && v.every((t) => isStr(t, 100));

/** A note row as the background handed it out (for undo): the shape only; the page check is the handler's. */
function isStoredNote(v: unknown): v is Note {
  if (!isObj(v) || !isStr(v.id, 200) || !(v.id as string).length || !isStr(v.body) || !isTags(v.tags)) return false;
  if (!isStr(v.targetId, 200) || !isStr(v.pageUrl, 4096) || !isNum(v.createdAt) || !isNum(v.updatedAt)) return false;
  if (v.target !== undefined && !isTarget(v.target)) return false;
  if ((v.target ? (v.target as TargetRef).id : '') !== v.targetId) return false;
  if (v.anchor !== undefined && !isAnchor(v.anchor)) return false;
  return (v.anchor ? (v.anchor as PassageAnchor).canonicalUrl : '') === v.pageUrl;
}

const isPage = (v: unknown): v is PageInfo => isObj(v) && isUrl(v.url) && isUrl(v.canonicalUrl) && isStr(v.title, 2000);
const isReport = (v: unknown): v is SightingReport => isObj(v) && isTarget(v.target) && isStr(v.quote, 1000) && isStr(v.prefix, 200) && isStr(v.suffix, 200);

/** Payload checks per type: a request that fails its check is rejected, not guessed at. */
const checks: Record<RequestType, Check> = {
  ping: () => true,
  'dataset/ensure': () => true,
  'page/gate': (m) => typeof m.relevant === 'boolean' && isNum(m.score) && isNum(m.mentions) && (m.mentions as number) >= 0,
  'overlay/state': (m) => isStr(m.canonicalUrl, 4096),
  'follow/set': (m) => isTarget(m.target) && typeof m.follow === 'boolean',
  'note/save': (m) =>
    isStr(m.body) && ((m.body as string).trim().length > 0 || m.anchor !== undefined) &&
    (m.tags === undefined || (Array.isArray(m.tags) && m.tags.length <= 50 && m.tags.every((t) => isStr(t, 100)))) &&
    (m.target === undefined || isTarget(m.target)) &&
    (m.anchor === undefined || isAnchor(m.anchor)) &&
    (m.target !== undefined || m.anchor !== undefined),
  'sightings/record': (m) => isPage(m.page) && Array.isArray(m.reports) && m.reports.length <= 2000 && m.reports.every(isReport),
  'tab/scan': (m) => Number.isInteger(m.tabId) && (m.tabId as number) >= 0,
  'note/update': (m) =>
    isStr(m.id, 200) && (m.id as string).length > 0 &&
    (m.body === undefined || isStr(m.body)) &&
    (m.tags === undefined || isTags(m.tags)) &&
    (m.target === undefined || m.target === null || isTarget(m.target)),
  'note/delete': (m) => isStr(m.id, 200) && (m.id as string).length > 0,
  'note/restore': (m) => isStoredNote(m.note),
  'page/outline': () => true,
  'page/jump': (m) => Number.isInteger(m.tabId) && (m.tabId as number) >= 0 && isStr(m.key, 300),
};

export function parseRequest(raw: unknown): Request | null {
  if (!isObj(raw)) return null;
  const type = raw.type;
  if (typeof type !== 'string' || !Object.hasOwn(checks, type)) return null;
  return checks[type as RequestType](raw) ? (raw as unknown as Request) : null;
}
