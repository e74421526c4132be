/**
 * The card of a programme round the dataset holds no item for: the page speaks of 2025's
 * 智慧停车, and the dataset has no record of that year's list item (or cannot tell which year
 * the page means, and says which years it could be). It never shows another year's status.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { RoundCardModel } from '../../lib/overlay/card-model';
import { CardReasons } from './CardReasons';
import { programmeName } from '../../lib/i18n/programme';
import { useI18n } from '../i18n';

export function RoundCard({ model, onClose, autoFocus }: { model: RoundCardModel; onClose: () => void; autoFocus: boolean }) {
  const { t } = useI18n();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (autoFocus) closeRef.current?.focus();
  }, [model.text, autoFocus]);
  const programme = programmeName(t, model.programme);
  return (
    <div class="card" role="dialog" aria-modal="false" aria-label={model.text} data-card-kind="round">
      <div class="card-head">
        <span class="card-kind">{t('cardRound')}</span>
        <button ref={closeRef} type="button" class="icon" aria-label={t('cardClose')} onClick={onClose}>
          ×
        </button>
      </div>
      <h2 class="card-title">{model.text}</h2>
      <p data-testid="card-round">
        {model.year !== null
          ? t('cardRoundMissing', { year: model.year, programme })
          : t('cardRoundYears', { years: model.candidateYears.join('、'), programme })}
      </p>
      <CardReasons evidence={model.evidence} />
    </div>
  );
}
