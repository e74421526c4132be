/** The live dataset summary for a page that has the database open. */
import { getDatasetSummary } from '../lib/db/queries';
import type { LensDb } from '../lib/db/schema';
import { DatasetSummaryView } from './DatasetSummaryView';
import { useI18n } from './i18n';
import { StorageErrorView } from './StorageErrorView';
import { useLiveQuery } from './useLiveQuery';
import { classifyStorageError } from '../lib/db/open';

export function DatasetPanel({ db }: { db: LensDb }) {
  const { t } = useI18n();
  const state = useLiveQuery(() => getDatasetSummary(db), [db]);
  if (state.status === 'loading') return <p>{t('loading')}</p>;
  if (state.status === 'error') {
    const p = classifyStorageError(state.error);
    return <StorageErrorView kind={p.kind} detail={p.detail} />;
  }
  if (!state.value) return <p role="status">{t('emptyDataset')}</p>;
  return <DatasetSummaryView summary={state.value} />;
}
