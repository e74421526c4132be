/** Export buttons: each builds its file from the database and hands it to the browser as a download. */
import { useState } from 'preact/hooks';
import type { LensDb } from '../../lib/db/schema';
import { targetNames } from '../../lib/db/user-data';
import { backupToJson, exportBackup, exportFileName } from '../../lib/export/backup';
import { notesCsv, sightingsCsv } from '../../lib/export/csv';
import { notesMarkdown } from '../../lib/export/markdown';
import { notesToAnnotationCollection } from '../../lib/export/w3c';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../i18n';
import { downloadText } from '../workspace/download';

type ExportKind = 'json' | 'notesCsv' | 'sightingsCsv' | 'markdown' | 'w3c';

const BUTTONS: readonly [ExportKind, MessageKey][] = [
  ['json', 'exportJson'],
  ['notesCsv', 'exportNotesCsv'],
  ['sightingsCsv', 'exportSightingsCsv'],
  ['markdown', 'exportMarkdown'],
  ['w3c', 'exportW3c'],
];

export function ExportPanel({ db }: { db: LensDb }) {
  const { t, locale } = useI18n();
  const [message, setMessage] = useState('');

  const run = async (kind: ExportKind) => {
    const now = Date.now();
    const backup = await exportBackup(db, now);
    const names = await targetNames(db, [...backup.notes.flatMap((n) => (n.target ? [n.target] : [])), ...backup.sightings.map((s) => s.target)]);
    let file: [string, string, string];
    switch (kind) {
      case 'json':
        file = [backupToJson(backup), exportFileName('backup', 'json', now), 'application/json'];
        break;
      case 'notesCsv':
        file = [notesCsv(backup.notes, names), exportFileName('notes', 'csv', now), 'text/csv;charset=utf-8'];
        break;
      case 'sightingsCsv':
        file = [sightingsCsv(backup.sightings, names), exportFileName('sightings', 'csv', now), 'text/csv;charset=utf-8'];
        break;
      case 'markdown':
        file = [notesMarkdown(backup.notes, { locale, names, now }), exportFileName('notes', 'md', now), 'text/markdown;charset=utf-8'];
        break;
      case 'w3c':
        file = [JSON.stringify(notesToAnnotationCollection(backup.notes, t('mdTitle'), now), null, 2) + '\n', exportFileName('annotations', 'jsonld', now), 'application/ld+json'];
        break;
    }
    downloadText(file[0], file[1], file[2]);
    setMessage(t('exportDone', { file: file[1] }));
  };

  return (
    <section class="setting-section" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('sectionExport')}</h2>
      <p class="muted small">{t('exportHelp')}</p>
      <div class="row wrap">
        {BUTTONS.map(([kind, label]) => (
          <button key={kind} type="button" data-testid={`export-${kind}`} onClick={() => void run(kind).catch((e: unknown) => setMessage(t('saveFailed') + String((e as Error)?.message ?? e)))}>
            {t(label)}
          </button>
        ))}
      </div>
      {message && (
        <p role="status" class="small">
          {message}
        </p>
      )}
    </section>
  );
}
