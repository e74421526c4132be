/**
 * Messages to a tab's content script (from the popup and the background): what the page
 * holds, reveal a mention, start a passage note, scan, stop. Validated like the main protocol,
 * both ways: the content script checks the request (tab-router.ts), the sender checks the
 * answer (tab-client.ts).
 */
import type { Signal } from '../match/types';

/** Each request's payload besides its `type`. */
export interface TabRequestMap {
  'tab/report': {};
  'tab/reveal': { id: string };
  'tab/note-selection': {};
  'tab/rescan': {};
  'tab/disable': {};
  /** Every mention and passage note on the page in reading order (the side panel's "this page"). */
  'tab/outline': {};
  /** Scrolls to an outline entry (its `key`) and opens its card. */
  'tab/jump': { key: string };
  /** Keeps the selected passage as a highlight (a note without text): the context menu's entry. */
  'tab/highlight-selection': {};
  /** A shortcut (manifest command, lib/background/commands.ts): the next (1) or previous (-1) mention or passage note in reading order, its card opened with focus in it. */
  'tab/step': { direction: 1 | -1 };
}

export type TabRequestType = keyof TabRequestMap;

/** A request of one type (or, by default, of any type: the union). */
export type TabRequest<K extends TabRequestType = TabRequestType> = { [P in K]: { type: P } & TabRequestMap[P] }[K];

export interface ReportedTarget {
  kind: 'unit' | 'project';
  /** The unit or item id, or for a round the dataset lacks `round:<programme>:<year>:<text>` (lib/overlay/target.ts). */
  id: string;
  label: string;
  unit: string;
  seq?: number;
  status?: string;
  /** Projects: the programme and year of the item or of the round spoken of (null: cannot be told). */
  programme?: 'weiminbanshishi' | 'minsheng-weishishi';
  year?: number | null;
  candidateYears?: number[];
  /** A round the dataset holds no item for. */
  round?: boolean;
  count: number;
}

export interface TabReport {
  /** 'skipped': the quick gate said no; 'irrelevant': scanned but not about the projects; 'active': drawn. */
  state: 'skipped' | 'irrelevant' | 'active' | 'disabled';
  /** The page's host name. */
  host: string;
  relevant: boolean;
  score: number;
  signals: Signal[];
  counts: { units: number; projects: number; completed: number; otherStatus: number };
  targets: ReportedTarget[];
}

/** One thing on the page, in reading order. `key` names it for `tab/jump` while the page stays as it is. */
export type OutlineEntry =
  /** `round`: a list of a year the dataset does not hold (`id` is then the overlay's key for it). */
  | { key: string; kind: 'unit' | 'project'; id: string; text: string; label: string; status?: string; round?: boolean }
  /** A passage note or highlight: its text is not sent (the extension pages read it from the database by id). */
  | { key: string; kind: 'note'; noteId: string };

export interface TabOutline {
  /** The page as the content script sees it (title and address, for the view's heading). */
  title: string;
  url: string;
  state: TabReport['state'];
  entries: OutlineEntry[];
  /** Ids of this page's notes that no longer find their passage, listed last. */
  orphans: string[];
}

export interface TabResponseMap {
  'tab/report': TabReport;
  'tab/reveal': { found: boolean };
  'tab/note-selection': { opened: boolean };
  'tab/rescan': TabReport;
  'tab/disable': { ok: true };
  'tab/outline': TabOutline;
  'tab/jump': { found: boolean };
  'tab/highlight-selection': { saved: boolean };
  'tab/step': { moved: boolean };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const requestChecks: { [K in TabRequestType]: (m: Record<string, unknown>) => boolean } = {
  'tab/report': () => true,
  'tab/reveal': (m) => typeof m.id === 'string' && m.id.length <= 200,
  'tab/note-selection': () => true,
  'tab/rescan': () => true,
  'tab/disable': () => true,
  'tab/outline': () => true,
  'tab/jump': (m) => typeof m.key === 'string' && m.key.length <= 300,
  'tab/highlight-selection': () => true,
  'tab/step': (m) => m.direction === 1 || m.direction === -1,
};

const isTabRequestType = (t: unknown): t is TabRequestType => typeof t === 'string' && Object.hasOwn(requestChecks, t);

export function isTabRequest(raw: unknown): raw is TabRequest {
  return isObj(raw) && isTabRequestType(raw.type) && requestChecks[raw.type](raw);
}

export function parseTabRequest(raw: unknown): TabRequest | null {
  return isTabRequest(raw) ? raw : null;
}

const STATES = new Set(['skipped', 'irrelevant', 'active', 'disabled']);
const isReport = (v: unknown): v is TabReport =>
  isObj(v) && typeof v.state === 'string' && STATES.has(v.state) && typeof v.host === 'string' && typeof v.relevant === 'boolean' &&
  typeof v.score === 'number' && Array.isArray(v.signals) && isObj(v.counts) && Array.isArray(v.targets);

const isEntry = (v: unknown): boolean =>
  isObj(v) && typeof v.key === 'string' &&
  (v.kind === 'note' ? typeof v.noteId === 'string' : (v.kind === 'unit' || v.kind === 'project') && typeof v.id === 'string' && typeof v.text === 'string' && typeof v.label === 'string');
const isOutline = (v: unknown): v is TabOutline =>
  isObj(v) && typeof v.title === 'string' && typeof v.url === 'string' && typeof v.state === 'string' && STATES.has(v.state) &&
  Array.isArray(v.entries) && v.entries.every(isEntry) && Array.isArray(v.orphans) && v.orphans.every((o) => typeof o === 'string');

const responseChecks: { [K in TabRequestType]: (v: unknown) => v is TabResponseMap[K] } = {
  'tab/report': isReport,
  'tab/reveal': (v): v is { found: boolean } => isObj(v) && typeof v.found === 'boolean',
  'tab/note-selection': (v): v is { opened: boolean } => isObj(v) && typeof v.opened === 'boolean',
  'tab/rescan': isReport,
  'tab/disable': (v): v is { ok: true } => isObj(v) && v.ok === true,
  'tab/outline': isOutline,
  'tab/jump': (v): v is { found: boolean } => isObj(v) && typeof v.found === 'boolean',
  'tab/highlight-selection': (v): v is { saved: boolean } => isObj(v) && typeof v.saved === 'boolean',
  'tab/step': (v): v is { moved: boolean } => isObj(v) && typeof v.moved === 'boolean',
};

/** Whether `v` is a well-formed answer to a request of type `type`. */
export function isTabResponse<K extends TabRequestType>(type: K, v: unknown): v is TabResponseMap[K] {
  const check: (v: unknown) => v is TabResponseMap[K] = responseChecks[type];
  return check(v);
}
