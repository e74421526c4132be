/** Export buttons: each builds its file from the database (lib/export/files) and hands it to the browser as a download. */
import { useState } from 'preact/hooks';
import type { LensDb } from '../../lib/db/schema';
import { buildExportFile, EXPORT_LABELS, type ExportKind } from '../../lib/export/files';
import { useI18n } from '../i18n';
import { downloadText } from './download';

export function ExportButtons({ db, kinds }: { db: LensDb; kinds?: readonly ExportKind[] }) {
  const { t, locale } = useI18n();
  const [message, setMessage] = useState('');
  const run = async (kind: ExportKind) => {
    const file = await buildExportFile(db, kind, locale);
    downloadText(file.text, file.name, file.mime);
    setMessage(t('exportDone', { file: file.name }));
  };
  return (
    <>
      <div class="row wrap export-buttons">
        {EXPORT_LABELS.filter(([kind]) => !kinds || kinds.includes(kind)).map(([kind, label]) => (
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
    </>
  );
}
