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
  /** A shortcut (manifest command, lib/background/commands.ts): the next (1) or previous (-1) mention, its card opened. */
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

export interface TabResponseMap {
  'tab/report': TabReport;
  'tab/reveal': { found: boolean };
  'tab/note-selection': { opened: boolean };
  'tab/rescan': TabReport;
  'tab/disable': { ok: true };
  'tab/step': { moved: boolean };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const requestChecks: { [K in TabRequestType]: (m: Record<string, unknown>) => boolean } = {
  'tab/report': () => true,
  'tab/reveal': (m) => typeof m.id === 'string' && m.id.length <= 200,
  'tab/note-selection': () => true,
  'tab/rescan': () => true,
  'tab/disable': () => true,
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

const responseChecks: { [K in TabRequestType]: (v: unknown) => v is TabResponseMap[K] } = {
  'tab/report': isReport,
  'tab/reveal': (v): v is { found: boolean } => isObj(v) && typeof v.found === 'boolean',
  'tab/note-selection': (v): v is { opened: boolean } => isObj(v) && typeof v.opened === 'boolean',
  'tab/rescan': isReport,
  'tab/disable': (v): v is { ok: true } => isObj(v) && v.ok === true,
  'tab/step': (v): v is { moved: boolean } => isObj(v) && typeof v.moved === 'boolean',
};

/** Whether `v` is a well-formed answer to a request of type `type`. */
export function isTabResponse<K extends TabRequestType>(type: K, v: unknown): v is TabResponseMap[K] {
  const check: (v: unknown) => v is TabResponseMap[K] = responseChecks[type];
  return check(v);
}
