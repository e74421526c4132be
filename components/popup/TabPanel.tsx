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
import { mergeFrameReports } from '../../lib/messaging/frame-reports';
import { normaliseHostPattern } from '../../lib/settings/sites';
import { loadSettings, saveSettings } from '../../lib/settings/store';
import { useI18n } from '../i18n';
import { StatusBadge } from '../StatusBadge';
import { listLabel } from '../../lib/i18n/programme';
import type { ItemStatus } from '../../lib/data/types';
import type { Signal } from '../../lib/match/types';
import { DEFAULT_HIGHLIGHT_COLOURS, type HighlightColours } from '../../lib/settings/settings';
import { Legend } from '../Legend';

/** The gate's signals by kind, the strongest kind first: what a reader can weigh, without the arithmetic. */
export function signalGroups(signals: readonly Signal[]): { kind: string; against: boolean; count: number; texts: string[] }[] {
  const groups = new Map<string, { kind: string; against: boolean; count: number; texts: string[]; weight: number }>();
  for (const s of signals) {
    const g = groups.get(s.kind) ?? { kind: s.kind, against: s.weight < 0, count: 0, texts: [], weight: 0 };
    g.count++;
    g.weight += Math.abs(s.weight);
    if (g.texts.length < 3 && !g.texts.includes(s.text)) g.texts.push(s.text);
    groups.set(s.kind, g);
  }
  return [...groups.values()].sort((a, b) => Number(a.against) - Number(b.against) || b.weight - a.weight).map(({ weight: _w, ...g }) => g);
}

/** Distinct projects and units and their mentions: "12 projects (127 mentions)", never "127 of 117". */
export function mentionCounts(report: TabReport): { items: number; projects: number; completedItems: number; units: number; unitMentions: number } {
  const projects = report.targets.filter((x) => x.kind === 'project');
  return {
    items: projects.length,
    projects: report.counts.projects,
    completedItems: projects.filter((x) => x.status === 'completed').length,
    units: report.targets.length - projects.length,
    unitMentions: report.counts.units,
  };
}

type TabState =
  | { kind: 'loading' }
  | { kind: 'no-page'; tabId?: number }
  | { kind: 'not-running'; tabId: number; host: string }
  | { kind: 'report'; tabId: number; host: string; report: TabReport };

const stateKey: Record<TabReport['state'], MessageKey> = {
  active: 'popupRelevant',
  irrelevant: 'popupIrrelevant',
  skipped: 'popupSkipped',
  disabled: 'popupDisabled',
};


/** The top frame's report, with what the tab's drawn frames found (lib/messaging/frame-reports.ts). */
async function reportWithFrames(tabId: number): Promise<TabReport> {
  const top = await sendToTab(tabId, { type: 'tab/report' });
  const { frames } = await request({ type: 'tab/frames', tabId }).catch(() => ({ frames: [] as number[] }));
  const reports = await Promise.all(frames.map((frameId) => sendToTab(tabId, { type: 'tab/report' }, frameId).catch(() => null)));
  return mergeFrameReports(top, reports.filter((r): r is TabReport => r !== null));
}

export function TabPanel() {
  const { t } = useI18n();
  const [state, setState] = useState<TabState>({ kind: 'loading' });
  const [disabledHere, setDisabledHere] = useState(false);
  const [error, setError] = useState('');
  const [colours, setColours] = useState<HighlightColours>(DEFAULT_HIGHLIGHT_COLOURS);

  const load = async () => {
    // `?tab=ID` targets a given tab (the popup opened as a page, as tests do); else the active tab.
    const pinned = Number(new URLSearchParams(location.search).get('tab'));
    const [tab] = pinned ? [await browser.tabs.get(pinned)] : await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return setState({ kind: 'no-page' });
    const settings = await loadSettings();
    setColours(settings.highlightColours);
    const disabled = (host: string) => setDisabledHere(settings.disabledSites.includes(normaliseHostPattern(host) ?? host));
    try {
      // The content script knows its page's address even where the popup may not read tab URLs.
      const report = await reportWithFrames(tab.id);
      disabled(report.host);
      setState({ kind: 'report', tabId: tab.id, host: report.host, report });
    } catch {
      if (tab.url && !/^(https?|file):/.test(tab.url)) return setState({ kind: 'no-page', tabId: tab.id });
      const host = tab.url ? new URL(tab.url).hostname : '';
      disabled(host);
      setState({ kind: 'not-running', tabId: tab.id, host });
    }
  };
  useEffect(() => void load(), []);

  /** Opens the side panel (Chromium) or sidebar (Firefox); must run inside the click. */
  const openSidePanel = (tabId: number | undefined) => {
    const api = browser as unknown as {
      sidePanel?: { open(o: { tabId: number }): Promise<void> };
      sidebarAction?: { open(): Promise<void> };
    };
    const opening = api.sidePanel && tabId !== undefined ? api.sidePanel.open({ tabId }) : api.sidebarAction?.open();
    if (!opening) return void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
    void opening.then(() => window.close(), (e: unknown) => setError(String((e as Error)?.message ?? e)));
  };

  if (state.kind === 'loading') return <p>{t('loading')}</p>;
  if (state.kind === 'no-page')
    return (
      <section class="tab-panel" aria-labelledby="tab-title">
        <h2 id="tab-title">{t('popupTitle')}</h2>
        <p data-testid="tab-state">{t('popupNoPage')}</p>
        <div class="actions">
          <button type="button" data-testid="tab-open-panel" onClick={() => openSidePanel(state.tabId)}>
            {t('popupOpenSidePanel')}
          </button>
        </div>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </section>
    );

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
      </p>

      {report && report.signals.length > 0 && (
        <details open={report.state !== 'active'}>
          <summary>{t('popupWhy')}</summary>
          <ul class="signals" data-testid="tab-signals" tabIndex={0} aria-label={t('popupWhy')}>
            {signalGroups(report.signals).map((g) => (
              <li key={g.kind} class={g.against ? 'against' : 'for'}>
                <span aria-hidden="true">{g.against ? '−' : '+'}</span> {t(`signal_${g.kind}` as MessageKey)}
                <span class="muted"> {t('popupSignalDetail', { n: g.count, texts: g.texts.join(t('listSeparator')) + (g.count > g.texts.length ? '…' : '') })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}

      {report && report.targets.length > 0 && (
        <>
          <p data-testid="tab-counts">{t('popupMentionCounts', mentionCounts(report))}</p>
          <Legend colours={colours} compact />
          <h3>{t('popupMentioned')}</h3>
          <ul class="targets" data-testid="tab-targets" tabIndex={0} aria-label={t('popupMentioned')}>
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
        <button type="button" onClick={() => openSidePanel(state.tabId)}>
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
  return (
    <span class="muted small" data-testid="tab-target-list">
      {x.year != null ? listLabel(t, x.programme!, x.year) : t('popupYearUnknown', { years: (x.candidateYears ?? []).join('、') })}
      {x.round && x.year != null ? ` · ${t('popupNotInDataset')}` : ''}
    </span>
  );
}
