/**
 * Install a newer dataset file: validated (schema, content hash, plausible version and dates),
 * previewed — status changes with followed items first, every followed or noted item whose name,
 * year or status would change, items added and removed — and installed without touching notes,
 * follows or sightings. A file that removes most items, or items the user follows or has notes on,
 * is asked about a second time. "Restore the bundled dataset" puts back the one this version carries.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ItemStatus } from '../../lib/data/types';
import type { LensDb } from '../../lib/db/schema';
import { applyDataset, needsSecondConfirmation, previewDataset, validateDatasetFile, type DatasetPreview } from '../../lib/export/dataset-file';
import { readJsonFile } from '../../lib/export/import';
import { request } from '../../lib/messaging/client';
import { itemLabel } from '../../lib/i18n/programme';
import { useI18n } from '../i18n';
import { STATUS_KEYS } from '../StatusBadge';
import { importErrorMessage } from './importMessage';

type State =
  | { step: 'idle' }
  | { step: 'error'; message: string }
  | { step: 'preview'; preview: DatasetPreview; askedAgain: boolean }
  | { step: 'done'; version: string }
  | { step: 'restored'; version: string };

/** The dataset this version of the extension carries, from the background (null when it does not answer). */
function useBundled(): { version: string; hash: string } | null {
  const [bundled, setBundled] = useState<{ version: string; hash: string } | null>(null);
  useEffect(() => {
    request({ type: 'ping' }).then(
      (p) => setBundled(p.bundled),
      () => setBundled(null),
    );
  }, []);
  return bundled;
}

export function DatasetImportPanel({ db }: { db: LensDb }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const bundled = useBundled();
  const label = (s: string) => (s in STATUS_KEYS ? t(STATUS_KEYS[s as ItemStatus]) : s);
  const fail = (err: unknown) => setState({ step: 'error', message: importErrorMessage(err, t) });
  const reset = () => {
    setState({ step: 'idle' });
    if (input.current) input.current.value = '';
  };
  const choose = async (file: File | undefined) => {
    if (!file) return;
    try {
      const installed = (await db.meta.get('dataset'))?.meta.version;
      const known = [installed, bundled?.version].filter((v): v is string => !!v);
      const dataset = await validateDatasetFile(await readJsonFile(file), { known, now: Date.now() });
      setState({ step: 'preview', preview: await previewDataset(db, dataset), askedAgain: false });
    } catch (err) {
      fail(err);
    }
  };
  const install = (preview: DatasetPreview, askedAgain: boolean) => {
    if (needsSecondConfirmation(preview) && !askedAgain) {
      setState({ step: 'preview', preview, askedAgain: true });
      return;
    }
    void applyDataset(db, preview, bundled?.hash ?? '', askedAgain).then((o) => setState({ step: 'done', version: o.version }), fail);
  };
  const restore = () => void request({ type: 'dataset/restore' }).then((r) => setState({ step: 'restored', version: r.version }), fail);
  return (
    <section class="setting-section" aria-labelledby="dataset-import-heading">
      <h2 id="dataset-import-heading">{t('sectionDatasetImport')}</h2>
      <p class="muted small">{t('datasetImportHelp')}</p>
      <label for="dataset-file">{t('datasetFile')}</label>
      <input id="dataset-file" ref={input} type="file" accept=".json,application/json" onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared at once, so choosing the same file again (after an import) reads it afresh.
          e.currentTarget.value = '';
          void choose(file);
        }}
      />
      {state.step === 'error' && (
        <p role="alert" class="warn">
          {state.message}
        </p>
      )}
      {state.step === 'preview' && (
        <div class="preview" role="region" aria-label={t('datasetPreviewTitle', { from: state.preview.fromVersion ?? '—', to: state.preview.toVersion })}>
          <h3>{t('datasetPreviewTitle', { from: state.preview.fromVersion ?? '—', to: state.preview.toVersion })}</h3>
          <h4>{t('datasetIdentityChanges')}</h4>
          {state.preview.identityChanges.length === 0 ? (
            <p class="muted">{t('datasetNoIdentityChanges')}</p>
          ) : (
            <ul class="plain" data-testid="dataset-identity-changes">
              {state.preview.identityChanges.map((c) => (
                <li key={c.item.id}>
                  {c.followed && <strong>★ {t('following')} · </strong>}
                  {itemLabel(t, c.item)}:{' '}
                  {c.changes.map((ch) => `${ch.field === 'status' ? label(ch.from) : ch.from} → ${ch.field === 'status' ? label(ch.to) : ch.to}`).join('; ')}
                </li>
              ))}
            </ul>
          )}
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
          {state.preview.risks.removesMost && (
            <p class="warn" data-testid="dataset-risk-most">
              {t('datasetRiskMost', { n: state.preview.risks.removesMost.removed, total: state.preview.risks.removesMost.of })}
            </p>
          )}
          {state.preview.risks.removesKept !== undefined && (
            <p class="warn" data-testid="dataset-risk-kept">
              {t('datasetRiskFollowed', { n: state.preview.risks.removesKept })}
            </p>
          )}
          {state.askedAgain && (
            <p role="alert" class="warn">
              {t('datasetConfirmQuestion')}
            </p>
          )}
          <div class="row">
            <button type="button" data-testid="dataset-apply" onClick={() => install(state.preview, state.askedAgain)}>
              {state.askedAgain ? t('datasetConfirmAgain') : t('datasetApply')}
            </button>
            <button type="button" onClick={reset}>
              {t('noteCancel')}
            </button>
          </div>
        </div>
      )}
      {state.step === 'done' && <p role="status">{t('datasetApplied', { version: state.version })}</p>}
      <p class="muted small">{t('datasetRestoreHelp')}</p>
      <button type="button" data-testid="dataset-restore" onClick={restore}>
        {t('datasetRestore')}
      </button>
      {state.step === 'restored' && <p role="status">{t('datasetRestored', { version: state.version })}</p>}
    </section>
  );
}
