/**
 * The typed message protocol between the content script / extension pages and the
 * background (DESIGN contract 2). One discriminated union; every request is validated
 * before it is handled, and every answer is an envelope so errors cross the boundary.
 */
import type { Dataset } from '../data/types';
import type { DatasetSummary } from '../types/dataset-summary';
import type { Note, PageMeta, PassageAnchor, TargetRef } from '../types/records';
import type { PageInfo, SightingReport } from '../types/page';
import type { Locale } from '../i18n';
import type { MatchPackJSON } from '../match/pack';
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
  /** An empty `body` is allowed only with an `anchor`: a highlight, a quote kept without a note. */
  | { type: 'note/save'; id: string; body: string; tags?: string[]; target?: TargetRef; anchor?: PassageAnchor }
  /**
   * From a page's note card: change a note anchored on the sender's own site (lib/background/page-notes.ts
   * refuses others). `target: null` removes the link to a project or unit.
   */
  | { type: 'note/update'; id: string; body?: string; tags?: string[]; target?: TargetRef | null }
  /** From a page's note card: delete a note of the sender's site; answers the row, for undo. */
  | { type: 'note/delete'; id: string }
  /** Undo of `note/delete`: puts the row back exactly, if it is of the sender's site and its id is free. */
  | { type: 'note/restore'; note: Note }
  /** From an extension page: the outline of the page in the active tab (the background picks the tab). */
  | { type: 'page/outline' }
  /** From an extension page: scroll the tab an outline came from to one of its entries. */
  | { type: 'page/jump'; tabId: number; key: string }
  /** Site and address come from the sender; `page.canonicalUrl` counts only on the sender's own site. */
  | { type: 'sightings/record'; page: PageInfo; reports: SightingReport[] }
  /** From the popup: run the overlay on the active tab even though it is not on the site list. */
  | { type: 'tab/scan'; tabId: number }
  /** From the popup: the tab's frames other than the top one whose overlay found the page relevant (their ids, for `tab/report`). */
  | { type: 'tab/frames'; tabId: number }
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
  'note/update': Note;
  'note/delete': Note | null;
  'note/restore': { restored: boolean };
  'page/outline': PageOutline;
  'page/jump': { found: boolean };
  'sightings/record': { recorded: number };
  'tab/scan': { injected: boolean };
  'tab/frames': { frames: number[] };
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
  'note/update': ['content'],
  'note/delete': ['content'],
  'note/restore': ['content'],
  'page/outline': ['extension'],
  'page/jump': ['extension'],
  'sightings/record': ['content'],
  'tab/scan': ['extension'],
  'tab/frames': ['extension'],
  'dataset/restore': ['extension'],
} as const satisfies Record<RequestType, readonly ('content' | 'extension')[]>;

/** Sends one request to the background and resolves with its typed answer (lib/messaging/client.ts). */
export type Send = <R extends Request>(req: R) => Promise<ResponseMap[R['type']]>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };
