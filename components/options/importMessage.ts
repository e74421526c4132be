/** An import failure in the user's language, with the field path and the technical detail. */
import { ImportError, type ImportErrorCode } from '../../lib/export/check';
import type { MessageKey, Translate } from '../../lib/i18n';

const KEYS: Record<ImportErrorCode, MessageKey> = {
  tooLarge: 'importErrTooLarge',
  empty: 'importErrEmpty',
  notJson: 'importErrNotJson',
  notUtf8: 'importErrNotUtf8',
  truncated: 'importErrTruncated',
  wrongFormat: 'importErrWrongFormat',
  wrongVersion: 'importErrWrongVersion',
  invalid: 'importErrInvalid',
  hashMismatch: 'importErrHashMismatch',
  notNewer: 'importErrNotNewer',
  implausibleVersion: 'importErrImplausibleVersion',
};

export function importErrorMessage(err: unknown, t: Translate): string {
  if (err instanceof ImportError) return `${t(KEYS[err.code])} ${err.path ? `${err.path}: ` : ''}${err.detail}`;
  return t('importErrUnknown') + String((err as Error)?.message ?? err);
}
