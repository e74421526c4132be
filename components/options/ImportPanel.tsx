/**
 * Import a backup or W3C annotations: the file is read and validated completely, a summary
 * is shown, and only "Import" writes — all of it in one transaction, or nothing.
 */
import { useRef, useState } from 'preact/hooks';
import type { LensDb } from '../../lib/db/schema';
import { applyImport, previewImport, readImportFile, type ImportSummary, type ParsedImport } from '../../lib/export/import';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../i18n';
import { importErrorMessage } from './importMessage';

type State = { step: 'idle' } | { step: 'error'; message: string } | { step: 'preview'; parsed: ParsedImport; summary: ImportSummary; file: string } | { step: 'done'; summary: ImportSummary };

const TABLES: readonly [keyof ImportSummary, MessageKey][] = [
  ['notes', 'tableNotes'],
  ['follows', 'tableFollows'],
  ['sightings', 'tableSightings'],
];

export function SummaryList({ summary }: { summary: ImportSummary }) {
  const { t } = useI18n();
  return (
    <ul class="plain" data-testid="import-summary">
      {TABLES.map(([k, label]) => (
        <li key={k}>{t('importTable', { table: t(label), added: summary[k].added, updated: summary[k].updated, unchanged: summary[k].unchanged })}</li>
      ))}
    </ul>
  );
}

export function ImportPanel({ db }: { db: LensDb }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const reset = () => {
    setState({ step: 'idle' });
    if (input.current) input.current.value = '';
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    try {
      const parsed = await readImportFile(file);
      setState({ step: 'preview', parsed, summary: await previewImport(db, parsed.rows), file: file.name });
    } catch (err) {
      setState({ step: 'error', message: importErrorMessage(err, t) });
    }
  };

  return (
    <section class="setting-section" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('sectionImport')}</h2>
      <p class="muted small">{t('importRule')}</p>
      <label for="import-file">{t('importFile')}</label>
      <input id="import-file" ref={input} type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
      {state.step === 'error' && (
        <p role="alert" class="warn" data-testid="import-error">
          {state.message}
        </p>
      )}
      {state.step === 'preview' && (
        <div class="preview" role="region" aria-label={t('importPreview')}>
          <p>{t(state.parsed.kind === 'backup' ? 'importKindBackup' : 'importKindAnnotations', { file: state.file })}</p>
          <SummaryList summary={state.summary} />
          <div class="row">
            <button
              type="button"
              data-testid="import-confirm"
              onClick={() =>
                void applyImport(db, state.parsed.rows).then(
                  (summary) => setState({ step: 'done', summary }),
                  (err: unknown) => setState({ step: 'error', message: importErrorMessage(err, t) }),
                )
              }
            >
              {t('importConfirm')}
            </button>
            <button type="button" onClick={reset}>
              {t('noteCancel')}
            </button>
          </div>
        </div>
      )}
      {state.step === 'done' && (
        <div role="status" data-testid="import-done">
          <p>{t('importDone')}</p>
          <SummaryList summary={state.summary} />
        </div>
      )}
    </section>
  );
}
