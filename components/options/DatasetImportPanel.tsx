/**
 * Install a newer dataset file: validated (schema and content hash), previewed with the status
 * changes of followed items first, then installed without touching notes, follows or sightings.
 */
import { useRef, useState } from 'preact/hooks';
import type { LensDb } from '../../lib/db/schema';
import { applyDataset, previewDataset, validateDatasetFile, type DatasetPreview } from '../../lib/export/dataset-file';
import { readJsonFile } from '../../lib/export/import';
import type { ItemStatus } from '../../lib/data/types';
import { itemLabel } from '../../lib/i18n/programme';
import { useI18n } from '../i18n';
import { STATUS_KEYS } from '../StatusBadge';
import { importErrorMessage } from './importMessage';

type State = { step: 'idle' } | { step: 'error'; message: string } | { step: 'preview'; preview: DatasetPreview } | { step: 'done'; version: string };

export function DatasetImportPanel({ db }: { db: LensDb }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const label = (s: string) => (s in STATUS_KEYS ? t(STATUS_KEYS[s as ItemStatus]) : s);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    try {
      const dataset = await validateDatasetFile(await readJsonFile(file));
      setState({ step: 'preview', preview: await previewDataset(db, dataset) });
    } catch (err) {
      setState({ step: 'error', message: importErrorMessage(err, t) });
    }
  };
  return (
    <section class="setting-section" aria-labelledby="dataset-import-heading">
      <h2 id="dataset-import-heading">{t('sectionDatasetImport')}</h2>
      <p class="muted small">{t('datasetImportHelp')}</p>
      <label for="dataset-file">{t('datasetFile')}</label>
      <input id="dataset-file" ref={input} type="file" accept=".json,application/json" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
      {state.step === 'error' && (
        <p role="alert" class="warn">
          {state.message}
        </p>
      )}
      {state.step === 'preview' && (
        <div class="preview" role="region" aria-label={t('datasetPreviewTitle', { from: state.preview.fromVersion ?? '—', to: state.preview.toVersion })}>
          <h3>{t('datasetPreviewTitle', { from: state.preview.fromVersion ?? '—', to: state.preview.toVersion })}</h3>
          <h4>{t('datasetStatusChanges')}</h4>
          {state.preview.statusChanges.length === 0 ? (
            <p class="muted">{t('datasetNoChanges')}</p>
          ) : (
            <ul class="plain" data-testid="dataset-status-changes">
              {state.preview.statusChanges.map((c) => (
                <li key={c.item.id}>
                  {c.followed && <strong>★ {t('following')} · </strong>}
                  {itemLabel(t, c.item)}: {label(c.from)} → {label(c.to)}
                </li>
              ))}
            </ul>
          )}
          <p>{t('datasetAdded', { n: state.preview.added.length })}</p>
          <p>{t('datasetRemoved', { n: state.preview.removed.length })}</p>
          <div class="row">
            <button
              type="button"
              onClick={() =>
                void applyDataset(db, state.preview).then(
                  (o) => setState({ step: 'done', version: o.version }),
                  (err: unknown) => setState({ step: 'error', message: importErrorMessage(err, t) }),
                )
              }
            >
              {t('datasetApply')}
            </button>
            <button
              type="button"
              onClick={() => {
                setState({ step: 'idle' });
                if (input.current) input.current.value = '';
              }}
            >
              {t('noteCancel')}
            </button>
          </div>
        </div>
      )}
      {state.step === 'done' && <p role="status">{t('datasetApplied', { version: state.version })}</p>}
    </section>
  );
}
