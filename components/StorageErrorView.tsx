/** A storage failure explained in words, with a way to try again — never a blank view. */
import type { StorageProblemKind } from '../lib/db/open';
import { useI18n } from './i18n';
import type { MessageKey } from '../lib/i18n';

const messageFor: Record<StorageProblemKind | 'background', MessageKey> = {
  quota: 'errorQuota',
  unavailable: 'errorUnavailable',
  version: 'errorVersion',
  unknown: 'errorUnknown',
  background: 'errorBackground',
};

export function StorageErrorView(props: { kind: StorageProblemKind | 'background'; detail: string; onRetry?: () => void }) {
  const { t } = useI18n();
  const showDetail = props.kind === 'unknown' || props.kind === 'background';
  return (
    <div role="alert" class="storage-error">
      <h2>{t('errorTitle')}</h2>
      <p>
        {t(messageFor[props.kind])}
        {showDetail ? props.detail : ''}
      </p>
      {props.onRetry && (
        <button type="button" onClick={props.onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
