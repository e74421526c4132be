/**
 * The frame every extension page shares: language from settings, the database (or a clear
 * error in its place), a heading. Pages supply only their body.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { LensDb } from '../lib/db/schema';
import type { MessageKey } from '../lib/i18n';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings/settings';
import { loadSettings, watchSettings } from '../lib/settings/store';
import { I18nProvider, useI18n } from './i18n';
import { StorageErrorView } from './StorageErrorView';
import { useLensDb } from './useLensDb';

export function ExtensionPage(props: { titleKey: MessageKey; children: (db: LensDb, settings: Settings) => ComponentChildren }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    loadSettings().then(setSettings, () => setSettings(DEFAULT_SETTINGS));
    return watchSettings(setSettings);
  }, []);
  if (!settings) return null;
  return (
    <I18nProvider locale={settings.locale}>
      <PageBody titleKey={props.titleKey} settings={settings}>
        {props.children}
      </PageBody>
    </I18nProvider>
  );
}

function PageBody(props: { titleKey: MessageKey; settings: Settings; children: (db: LensDb, settings: Settings) => ComponentChildren }) {
  const { t, locale } = useI18n();
  const [dbState, retry] = useLensDb();
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
    document.title = t(props.titleKey);
  }, [locale, props.titleKey]);
  return (
    <main class="page">
      <header>
        <h1>{t(props.titleKey)}</h1>
      </header>
      {dbState.status === 'loading' && <p aria-live="polite">{t('loading')}</p>}
      {dbState.status === 'error' && <StorageErrorView kind={dbState.kind} detail={dbState.detail} onRetry={retry} />}
      {dbState.status === 'ready' && props.children(dbState.db, props.settings)}
    </main>
  );
}
