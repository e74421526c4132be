/**
 * Messages to a tab's content script (from the popup and the background): what the page
 * holds, reveal a mention, start a passage note, scan, stop. Validated like the main protocol.
 */
import type { Signal } from '../match/types';

export type TabRequest =
  | { type: 'tab/report' }
  | { type: 'tab/reveal'; id: string }
  | { type: 'tab/note-selection' }
  | { type: 'tab/rescan' }
  | { type: 'tab/disable' }
  /** A shortcut (manifest command): go to the next (1) or previous (-1) mention and open its card. */
  | { type: 'tab/step'; direction: 1 | -1 };

export interface ReportedTarget {
  kind: 'unit' | 'project';
  id: string;
  label: string;
  unit: string;
  seq?: number;
  status?: string;
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

const types = new Set<TabRequest['type']>(['tab/report', 'tab/reveal', 'tab/note-selection', 'tab/rescan', 'tab/disable', 'tab/step']);

export function parseTabRequest(raw: unknown): TabRequest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  if (typeof m.type !== 'string' || !types.has(m.type as TabRequest['type'])) return null;
  if (m.type === 'tab/reveal' && (typeof m.id !== 'string' || m.id.length > 200)) return null;
  if (m.type === 'tab/step' && m.direction !== 1 && m.direction !== -1) return null;
  return m as unknown as TabRequest;
}
