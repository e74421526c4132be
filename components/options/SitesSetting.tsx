/**
 * Where the extension runs by itself: a list of host patterns, plus "all sites", which needs the
 * optional `<all_urls>` permission — asked for at the moment the user ticks the box (a user
 * gesture), and given back when it is unticked.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Settings } from '../../lib/settings/settings';
import { hostMatches, normaliseHostPattern } from '../../lib/settings/sites';
import { DEFAULT_AUTO_SITES } from '../../lib/settings/settings';
import { matchPatternsFor } from '../../lib/settings/match-patterns';
import { saveSettings } from '../../lib/settings/store';
import { useI18n } from '../i18n';

const ALL_URLS = { origins: ['<all_urls>'] };

export function SitesSetting({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState('');
  // A permission revoked in the browser's own settings turns the toggle off here too.
  useEffect(() => {
    if (!settings.allSites) return;
    void (async () => {
      try {
        if ((await browser.permissions.contains(ALL_URLS)) === false) await saveSettings({ allSites: false });
      } catch {
        // no permissions API here (tests): leave the setting as it is
      }
    })();
  }, [settings.allSites]);

  const add = async () => {
    const p = normaliseHostPattern(draft);
    if (!p) return setMessage(t('siteInvalid', { site: draft.trim() }));
    setMessage('');
    // A site beyond the defaults needs its host permission, asked for now (the click is the gesture).
    if (!DEFAULT_AUTO_SITES.some((d) => hostMatches(p, d))) {
      const granted = await browser.permissions.request({ origins: matchPatternsFor(p) }).catch(() => false);
      if (!granted) return setMessage(t('permissionDenied'));
    }
    setDraft('');
    if (!settings.autoSites.includes(p)) await saveSettings({ autoSites: [...settings.autoSites, p] });
  };

  const remove = async (site: string) => {
    await saveSettings({ autoSites: settings.autoSites.filter((x) => x !== site) });
    if (!DEFAULT_AUTO_SITES.includes(site)) await browser.permissions.remove({ origins: matchPatternsFor(site) }).catch(() => false);
  };

  const toggleAll = async (on: boolean) => {
    try {
      if (on) {
        const granted = await browser.permissions.request(ALL_URLS);
        if (!granted) return setMessage(t('permissionDenied'));
        setMessage('');
        await saveSettings({ allSites: true });
      } else {
        await saveSettings({ allSites: false });
        await browser.permissions.remove(ALL_URLS).catch(() => false);
      }
    } catch (e) {
      setMessage(t('permissionDenied') + ' ' + String((e as Error)?.message ?? e));
    }
  };

  return (
    <section class="setting-section" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sectionSites')}</h2>
      <p class="muted small">{t('sitesHelp')}</p>
      <ul class="site-list">
        {settings.autoSites.map((s) => (
          <li key={s}>
            <code>{s}</code>{' '}
            <button type="button" aria-label={t('removeSite', { site: s })} onClick={() => void remove(s)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label for="site-input">{t('sitePattern')}</label>
        <input id="site-input" type="text" value={draft} placeholder="example.gov.cn" onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit">{t('addSite')}</button>
      </form>
      {settings.disabledSites.length > 0 && (
        <>
          <h3>{t('disabledSitesTitle')}</h3>
          <ul class="site-list" data-testid="disabled-sites">
            {settings.disabledSites.map((s) => (
              <li key={s}>
                <code>{s}</code>{' '}
                <button type="button" onClick={() => void saveSettings({ disabledSites: settings.disabledSites.filter((x) => x !== s) })}>
                  {t('enableSite')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <label class="check">
        <input type="checkbox" checked={settings.allSites} onChange={(e) => void toggleAll(e.currentTarget.checked)} /> {t('allSitesToggle')}
      </label>
      <p class="muted small">{t('allSitesHelp')}</p>
      {message && <p role="alert">{message}</p>}
    </section>
  );
}
