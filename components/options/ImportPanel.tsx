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

const TABLES: readonly ['notes' | 'follows' | 'sightings', MessageKey][] = [
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

const SHOWN_OVERWRITES = 20;

/** The user's rows the file would replace, named, before anything is written. */
export function OverwriteList({ summary }: { summary: ImportSummary }) {
  const { t } = useI18n();
  const label = Object.fromEntries(TABLES);
  if (!summary.overwrites.length) return null;
  return (
    <div data-testid="import-overwrites">
      <p>{t('importOverwrites', { n: summary.overwrites.length })}</p>
      <ul class="plain">
        {summary.overwrites.slice(0, SHOWN_OVERWRITES).map((o) => (
          <li key={`${o.table}:${o.key}`}>
            {t(label[o.table]!)}: {o.label}
          </li>
        ))}
      </ul>
      {summary.overwrites.length > SHOWN_OVERWRITES && <p class="muted small">{t('importOverwritesMore', { n: summary.overwrites.length - SHOWN_OVERWRITES })}</p>}
    </div>
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
      <input id="import-file" ref={input} type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared at once, so choosing the same file again (after an import) reads it afresh.
          e.currentTarget.value = '';
          void choose(file);
        }}
      />
      {state.step === 'error' && (
        <p role="alert" class="warn" data-testid="import-error">
          {state.message}
        </p>
      )}
      {state.step === 'preview' && (
        <div class="preview" role="region" aria-label={t('importPreview')}>
          <p>{t(state.parsed.kind === 'backup' ? 'importKindBackup' : 'importKindAnnotations', { file: state.file })}</p>
          <SummaryList summary={state.summary} />
          <OverwriteList summary={state.summary} />
          {state.parsed.clamped.length > 0 && (
            <p class="muted small" data-testid="import-clamped">
              {t('importClamped', { n: state.parsed.clamped.length })}
            </p>
          )}
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
