/** An item's status as a coloured word (colour is never the only cue: the word is there). */
import type { ItemStatus } from '../lib/data/types';
import type { MessageKey } from '../lib/i18n';
import { useI18n } from './i18n';

export const STATUS_KEYS: Record<ItemStatus, MessageKey> = {
  completed: 'statusCompleted',
  in_progress: 'statusInProgress',
  not_started: 'statusNotStarted',
  unknown: 'statusUnknown',
};

export function StatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useI18n();
  return (
    <span class={`status status-${status}`} data-status={status}>
      {t(STATUS_KEYS[status])}
    </span>
  );
}
