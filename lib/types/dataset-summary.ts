/** Types only: the installed dataset as the extension pages and the background describe it. */
import type { DatasetMeta } from '../data/types';

/** What the database actually holds (counted, not copied from meta). */
export interface DatasetSummary {
  meta: DatasetMeta;
  installedAt: number;
  items: number;
  units: number;
  completed: number;
  source?: { title: string; publisher: string; date: string; url: string };
}
