/** Picks the UI language; every open extension page follows the change. */
import type { Locale } from '../lib/i18n';
import { saveSettings } from '../lib/settings/store';
import { useI18n } from './i18n';

export function LanguageSetting({ locale }: { locale: Locale }) {
  const { t } = useI18n();
  return (
    <section class="setting">
      <label for="language">{t('language')}</label>{' '}
      <select id="language" value={locale} onChange={(e) => void saveSettings({ locale: (e.currentTarget as HTMLSelectElement).value as Locale })}>
        <option value="zh_CN">{t('languageZh')}</option>
        <option value="en">{t('languageEn')}</option>
      </select>
    </section>
  );
}
