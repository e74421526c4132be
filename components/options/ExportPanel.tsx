/** The options page's export section: every format (lib/export/files). */
import type { LensDb } from '../../lib/db/schema';
import { useI18n } from '../i18n';
import { ExportButtons } from '../workspace/ExportButtons';

export function ExportPanel({ db }: { db: LensDb }) {
  const { t } = useI18n();
  return (
    <section class="setting-section" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('sectionExport')}</h2>
      <p class="muted small">{t('exportHelp')}</p>
      <p class="muted small">{t('exportSourcesHelp')}</p>
      <ExportButtons db={db} />
    </section>
  );
}
