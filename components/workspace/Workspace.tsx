/**
 * The side panel: search, following, notes and sightings as tabs (arrow keys move between
 * them), with an item or unit opening in place of the list and "back" returning to it.
 * The dataset summary stays on the page, folded, above everything.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetRef } from '../../lib/types/records';
import type { LensDb } from '../../lib/db/schema';
import type { MessageKey } from '../../lib/i18n';
import { DatasetFold } from '../DatasetFold';
import { useI18n } from '../i18n';
import { DetailView } from './DetailView';
import { FollowingView } from './FollowingView';
import { NotesView } from './NotesView';
import { SearchView } from './SearchView';
import { SightingsView } from './SightingsView';
import { ThisPageView } from './ThisPageView';
import { browserThisPageSource, type ThisPageSource } from './this-page-source';
import './workspace.css';

export type WorkspaceTab = 'page' | 'search' | 'following' | 'notes' | 'sightings';
const TABS: readonly [WorkspaceTab, MessageKey][] = [
  ['page', 'tabThisPage'],
  ['search', 'tabSearch'],
  ['following', 'tabFollowing'],
  ['notes', 'tabNotes'],
  ['sightings', 'tabSightings'],
];

export function Workspace({ db, initialTab = 'search', thisPage = browserThisPageSource }: { db: LensDb; initialTab?: WorkspaceTab; thisPage?: ThisPageSource }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<WorkspaceTab>(initialTab);
  const [detail, setDetail] = useState<TargetRef[]>([]);
  const [query, setQuery] = useState('');
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const current = detail[detail.length - 1];
  useEffect(() => {
    if (current) document.getElementById('detail-title')?.focus();
  }, [current?.kind, current?.id]);

  const open = (target: TargetRef) => setDetail((d) => [...d, target]);
  const choose = (next: WorkspaceTab, focus = false) => {
    setTab(next);
    setDetail([]);
    if (focus) tabRefs.current[next]?.focus();
  };
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex(([id]) => id === tab);
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    choose(TABS[(to + TABS.length) % TABS.length]![0], true);
  };

  return (
    <div class="workspace">
      <DatasetFold db={db} view="sidepanel" openByDefault />
      <div role="tablist" aria-label={t('workspaceTabs')} class="tabs" onKeyDown={onTabKey}>
        {TABS.map(([id, key]) => (
          <button
            key={id}
            ref={(el) => {
              tabRefs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => choose(id)}
          >
            {t(key)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel">
        {current ? (
          <DetailView key={`${current.kind}:${current.id}`} db={db} target={current} onOpen={open} onBack={() => setDetail((d) => d.slice(0, -1))} />
        ) : tab === 'page' ? (
          <ThisPageView db={db} source={thisPage} />
        ) : tab === 'search' ? (
          <SearchView db={db} onOpen={open} query={query} onQuery={setQuery} />
        ) : tab === 'following' ? (
          <FollowingView db={db} onOpen={open} />
        ) : tab === 'notes' ? (
          <NotesView db={db} onOpen={open} />
        ) : (
          <SightingsView db={db} />
        )}
      </div>
    </div>
  );
}
