/**
 * User settings, in `storage.local` (extension storage, never the page's). Unknown or
 * malformed stored values fall back to defaults field by field, so a bad write cannot
 * lock the user out of the UI.
 */
import type { Locale } from '../i18n';

export interface Settings {
  locale: Locale;
}

export const DEFAULT_SETTINGS: Settings = { locale: 'zh_CN' };

export const SETTINGS_KEY = 'settings';

export function normaliseSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    locale: r.locale === 'en' || r.locale === 'zh_CN' ? r.locale : DEFAULT_SETTINGS.locale,
  };
}
