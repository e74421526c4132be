/** The card's "why it was linked": the linker's reasons in the reader's words (lib/overlay/evidence-words.ts). */
import { evidenceWords } from '../../lib/overlay/evidence-words';
import { useI18n } from '../i18n';

export function CardReasons({ evidence }: { evidence: readonly string[] }) {
  const { t } = useI18n();
  if (!evidence.length) return null;
  return (
    <details>
      <summary>{t('cardEvidence')}</summary>
      <ul class="small">
        {evidence.map((e) => {
          const w = evidenceWords(e);
          return <li key={e}>{t(w.key, w.vars)}</li>;
        })}
      </ul>
    </details>
  );
}
