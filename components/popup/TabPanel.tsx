/**
 * "This page" in the popup: is the page relevant and why, what it mentions (click to find
 * it on the page), and the page-level actions: scan it, or don't run on this site.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { MessageKey } from '../../lib/i18n';
import { request } from '../../lib/messaging/client';
import type { ReportedTarget, TabReport } from '../../lib/messaging/tab-protocol';
import { sendToTab } from '../../lib/messaging/tab-client';
import { normaliseHostPattern } from '../../lib/settings/sites';
import { loadSettings, saveSettings } from '../../lib/settings/store';
import { useI18n } from '../i18n';
import { StatusBadge } from '../StatusBadge';
import { PROGRAMME_KEYS } from '../overlay/RoundCard';
import type { ItemStatus } from '../../lib/data/types';

type TabState =
  | { kind: 'loading' }
  | { kind: 'no-page' }
  | { kind: 'not-running'; tabId: number; host: string }
  | { kind: 'report'; tabId: number; host: string; report: TabReport };

const stateKey: Record<TabReport['state'], MessageKey> = {
  active: 'popupRelevant',
  irrelevant: 'popupIrrelevant',
  skipped: 'popupSkipped',
  disabled: 'popupDisabled',
};

export function TabPanel() {
  const { t } = useI18n();
  const [state, setState] = useState<TabState>({ kind: 'loading' });
  const [disabledHere, setDisabledHere] = useState(false);
  const [error, setError] = useState('');

  const load = async () => {
    // `?tab=ID` targets a given tab (the popup opened as a page, as tests do); else the active tab.
    const pinned = Number(new URLSearchParams(location.search).get('tab'));
    const [tab] = pinned ? [await browser.tabs.get(pinned)] : await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return setState({ kind: 'no-page' });
    const settings = await loadSettings();
    const disabled = (host: string) => setDisabledHere(settings.disabledSites.includes(normaliseHostPattern(host) ?? host));
    try {
      // The content script knows its page's address even where the popup may not read tab URLs.
      const report = await sendToTab(tab.id, { type: 'tab/report' });
      disabled(report.host);
      setState({ kind: 'report', tabId: tab.id, host: report.host, report });
    } catch {
      if (tab.url && !/^(https?|file):/.test(tab.url)) return setState({ kind: 'no-page' });
      const host = tab.url ? new URL(tab.url).hostname : '';
      disabled(host);
      setState({ kind: 'not-running', tabId: tab.id, host });
    }
  };
  useEffect(() => void load(), []);

  if (state.kind === 'loading') return <p>{t('loading')}</p>;
  if (state.kind === 'no-page') return <p class="muted">{t('popupNoPage')}</p>;

  const scan = async () => {
    setError('');
    try {
      await request({ type: 'tab/scan', tabId: state.tabId });
      await load();
    } catch (e) {
      setError(String((e as Error).message ?? e));
    }
  };
  const toggleSite = async () => {
    const pattern = normaliseHostPattern(state.host) ?? state.host;
    const { disabledSites } = await loadSettings();
    const next = disabledHere ? disabledSites.filter((s) => s !== pattern) : [...disabledSites, pattern];
    await saveSettings({ disabledSites: next });
    if (!disabledHere && state.kind === 'report') await sendToTab(state.tabId, { type: 'tab/disable' }).catch(() => {});
    await load();
  };
  /** Opens the side panel (Chromium) or sidebar (Firefox); must run inside the click. */
  const openSidePanel = () => {
    const api = browser as unknown as {
      sidePanel?: { open(o: { tabId: number }): Promise<void> };
      sidebarAction?: { open(): Promise<void> };
    };
    const opening = api.sidePanel ? api.sidePanel.open({ tabId: state.tabId }) : api.sidebarAction?.open();
    void opening?.then(() => window.close(), (e: unknown) => setError(String((e as Error)?.message ?? e)));
  };
  const reveal = (id: string) =>
    void sendToTab(state.tabId, { type: 'tab/reveal', id }).then(() => {
      if (!new URLSearchParams(location.search).has('tab')) window.close();
    });

  const report = state.kind === 'report' ? state.report : null;
  return (
    <section class="tab-panel" aria-labelledby="tab-title">
      <h2 id="tab-title">{t('popupTitle')}</h2>
      <p data-testid="tab-state" class={report?.state === 'active' ? 'ok' : 'muted'}>
        {report ? t(stateKey[report.state]) : t('popupNotRunning')}
        {report && report.state !== 'skipped' && <span class="muted"> · {t('popupScore', { score: report.score.toFixed(1) })}</span>}
      </p>

      {report && report.signals.length > 0 && (
        <details open={report.state !== 'active'}>
          <summary>{t('popupWhy')}</summary>
          <ul class="signals" data-testid="tab-signals">
            {report.signals.map((s, i) => (
              <li key={i} class={s.weight < 0 ? 'against' : 'for'}>
                {s.weight > 0 ? '+' : ''}
                {s.weight.toFixed(1)} {t(`signal_${s.kind}` as MessageKey)}：{s.text}
              </li>
            ))}
          </ul>
        </details>
      )}

      {report && report.targets.length > 0 && (
        <>
          <p data-testid="tab-counts">{t('popupCounts', report.counts)}</p>
          <h3>{t('popupMentioned')}</h3>
          <ul class="targets" data-testid="tab-targets">
            {report.targets.map((x) => (
              <li key={x.id}>
                <button type="button" class="link" title={t('popupReveal')} onClick={() => reveal(x.id)}>
                  {x.seq ? `${x.seq}. ` : ''}
                  {x.label}
                </button>{' '}
                {x.kind === 'project' && x.programme && <ListLabel target={x} />}{' '}
                {x.status && <StatusBadge status={x.status as ItemStatus} />} <span class="muted">×{x.count}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      <div class="actions">
        {(!report || report.state !== 'active') && (
          <button type="button" data-testid="tab-scan" onClick={() => void scan()}>
            {t('scanThisPage')}
          </button>
        )}
        <button type="button" onClick={openSidePanel}>
          {t('popupOpenSidePanel')}
        </button>
        <button type="button" data-testid="tab-toggle-site" onClick={() => void toggleSite()}>
          {disabledHere ? t('popupRunAgain') : t('popupDontRun')}
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}

/** A project's list: "2025年为民办实事项目", with "not in the dataset" for a round it lacks, or the years it could be. */
function ListLabel({ target: x }: { target: ReportedTarget }) {
  const { t } = useI18n();
  const programme = t(PROGRAMME_KEYS[x.programme!]);
  return (
    <span class="muted small" data-testid="tab-target-list">
      {x.year != null ? t('cardListValue', { year: x.year, programme }) : t('popupYearUnknown', { years: (x.candidateYears ?? []).join('、') })}
      {x.round && x.year != null ? ` · ${t('popupNotInDataset')}` : ''}
    </span>
  );
}
