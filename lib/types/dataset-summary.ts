/** Types only: the installed dataset as the extension pages and the background describe it. */
import type { DatasetMeta, Programme } from '../data/types';

/** What the database actually holds (counted, not copied from meta). */
export interface DatasetSummary {
  meta: DatasetMeta;
  installedAt: number;
  items: number;
  units: number;
  completed: number;
  /** The yearly lists with how much of each the dataset holds, by year then programme. */
  programmes: Pick<Programme, 'id' | 'programme' | 'year' | 'name' | 'nameEn' | 'announced' | 'known' | 'complete'>[];
  /** The source most items cite (the 2023 table's article), and how many sources there are. */
  source?: { title: string; publisher: string; date: string; url: string };
  sourceCount: number;
}
