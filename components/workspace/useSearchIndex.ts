/** The search index for a page, rebuilt when the reference tables change (a dataset upgrade). */
import { useMemo } from 'preact/hooks';
import type { LensDb } from '../../lib/db/schema';
import { userMarks } from '../../lib/db/user-data';
import { buildSearchDocs } from '../../lib/search/documents';
import { SearchIndex, type SearchMarks } from '../../lib/search/search-index';
import { useLiveQuery } from '../useLiveQuery';

export function useSearchIndex(db: LensDb): { index: SearchIndex | null; marks: SearchMarks } {
  const tables = useLiveQuery(
    () => db.transaction('r', [db.items, db.units, db.places], async () => ({ items: await db.items.toArray(), units: await db.units.toArray(), places: await db.places.toArray() })),
    [db],
  );
  const marksState = useLiveQuery(() => userMarks(db), [db]);
  const index = useMemo(
    () => (tables.status === 'ready' ? new SearchIndex(buildSearchDocs(tables.value.items, tables.value.units, tables.value.places)) : null),
    [tables],
  );
  const marks = marksState.status === 'ready' ? marksState.value : { followed: new Set<string>(), noted: new Set<string>() };
  return { index, marks };
}
