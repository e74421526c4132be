/**
 * "This page", as annotation tools have beside the text: every mention and note on the page in
 * the active tab, in reading order, each jumping to its place (the tab's content script scrolls
 * to it and opens its card); notes that no longer find their passage last. Follows the active
 * tab. Mentions and the order come from the page's content script; the notes' text is read here,
 * from the database, by id.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LensDb } from '../../lib/db/schema';
import type { PageOutline } from '../../lib/messaging/protocol';
import type { OutlineEntry } from '../../lib/messaging/tab-protocol';
import type { ItemStatus } from '../../lib/data/types';
import type { Note } from '../../lib/types/records';
import { useI18n } from '../i18n';
import { StatusBadge } from '../StatusBadge';
import { useLiveQuery } from '../useLiveQuery';
import type { ThisPageSource } from './this-page-source';

/** How often, and how far apart (ms), a tab without an answer is asked again. */
const RETRIES = 3;
const RETRY_MS = 1500;

type Loaded = { status: 'loading' } | { status: 'ready'; value: PageOutline } | { status: 'error'; error: string };

export function ThisPageView({ db, source }: { db: LensDb; source: ThisPageSource }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const [missing, setMissing] = useState('');
  // A note added or deleted anywhere changes the page's outline: ask again.
  const noteCount = useLiveQuery(() => db.notes.count(), []);
  const count = noteCount.status === 'ready' ? noteCount.value : -1;

  useEffect(() => source.subscribe(() => setTick((n) => n + 1)), [source]);
  useEffect(() => {
    let live = true;
    source.outline().then(
      (value) => live && setLoaded({ status: 'ready', value }),
      (err: unknown) => live && setLoaded({ status: 'error', error: String((err as Error)?.message ?? err) }),
    );
    return () => {
      live = false;
    };
  }, [source, tick, count]);

  // A tab that just loaded may not have its content script yet (it starts when the page is idle): ask again a few times.
  const [retries, setRetries] = useState(0);
  const notRunning = loaded.status === 'ready' && loaded.value.tabId !== null && loaded.value.outline === null;
  useEffect(() => {
    if (!notRunning || retries >= RETRIES) return;
    const id = setTimeout(() => {
      setRetries((n) => n + 1);
      setTick((n) => n + 1);
    }, RETRY_MS);
    return () => clearTimeout(id);
  }, [notRunning, retries]);
  useEffect(() => setRetries(0), [loaded.status === 'ready' ? loaded.value.tabId : null]);

  const outline = loaded.status === 'ready' ? loaded.value.outline : null;
  const noteIds = outline ? [...outline.entries.flatMap((e) => (e.kind === 'note' ? [e.noteId] : [])), ...outline.orphans] : [];
  const notes = useLiveQuery(async () => new Map((await db.notes.bulkGet(noteIds)).filter((n): n is Note => !!n).map((n) => [n.id, n])), [noteIds.join('|')]);
  const noteById = notes.status === 'ready' ? notes.value : new Map<string, Note>();

  if (loaded.status === 'loading') return <p class="muted">{t('loading')}</p>;
  if (loaded.status === 'error') return <p role="alert">{t('errorBackground') + loaded.error}</p>;
  const { tabId } = loaded.value;
  const jump = async (key: string) => {
    if (tabId === null) return;
    const { found } = await source.jump(tabId, key);
    setMissing(found ? '' : key);
    if (!found) setTick((n) => n + 1);
  };
  const refresh = (
    <button type="button" class="small" onClick={() => setTick((n) => n + 1)}>
      {t('thisPageRefresh')}
    </button>
  );
  if (tabId === null) return <p class="muted">{t('thisPageNoTab')}</p>;
  if (!outline)
    return (
      <div class="this-page">
        <p class="muted" data-testid="this-page-not-running">{t('thisPageNotRunning')}</p>
        {refresh}
      </div>
    );

  const mentions = outline.entries.filter((e) => e.kind !== 'note').length;
  const noteTotal = outline.entries.length - mentions + outline.orphans.length;
  return (
    <section class="this-page" aria-labelledby="this-page-title">
      <h2 id="this-page-title" class="page-title">
        {outline.title || outline.url}
      </h2>
      <div class="row wrap">
        <span class="muted small" data-testid="this-page-counts">{t('thisPageCounts', { mentions, notes: noteTotal })}</span>
        {refresh}
      </div>
      {missing && (
        <p role="status" class="small warn">
          {t('thisPageNotFound')}
        </p>
      )}
      {outline.entries.length === 0 && outline.orphans.length === 0 ? (
        <p class="muted">{t('thisPageEmpty')}</p>
      ) : (
        <ol class="outline" data-testid="this-page-list">
          {outline.entries.map((e) => (
            <li key={e.key}>
              <EntryButton entry={e} note={e.kind === 'note' ? noteById.get(e.noteId) : undefined} onJump={() => void jump(e.key)} />
            </li>
          ))}
        </ol>
      )}
      {outline.orphans.length > 0 && (
        <>
          <h3>{t('thisPageOrphans')}</h3>
          <ul class="outline orphans" data-testid="this-page-orphans">
            {outline.orphans.map((id) => {
              const n = noteById.get(id);
              return n ? (
                <li key={id} class="entry entry-note">
                  <NoteLines note={n} />
                </li>
              ) : null;
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function NoteLines({ note }: { note: Note }) {
  const { t } = useI18n();
  return (
    <>
      <span class="entry-kind">
        {note.body ? '✎ ' : <span class="hl-swatch" aria-hidden="true" />} {note.body ? t('noteCardTitle') : t('highlightCardTitle')}
      </span>
      {note.anchor && <q class="entry-quote">{note.anchor.quote.exact}</q>}
      {note.body && <span class="entry-body">{note.body}</span>}
      {note.tags.length > 0 && <span class="entry-tags small">{note.tags.map((x) => `#${x}`).join(' ')}</span>}
    </>
  );
}

function EntryButton({ entry, note, onJump }: { entry: OutlineEntry; note: Note | undefined; onJump(): void }) {
  const { t } = useI18n();
  if (entry.kind === 'note') {
    const label = note?.anchor?.quote.exact ?? '';
    return (
      <button type="button" class="entry entry-note" data-entry-key={entry.key} data-text={label} title={t('thisPageJump', { label })} onClick={onJump}>
        {note ? <NoteLines note={note} /> : <span class="muted">…</span>}
      </button>
    );
  }
  // Projects of every list (the yearly ones and the 2023 micro-projects) under one word.
  const kind = entry.kind === 'project' ? t('thisPageProject') : t('cardUnit');
  // The page's words, then the record's name where it says more ("23. 推动…" for "微车管所").
  const sameName = entry.label === entry.text || entry.label.endsWith(` ${entry.text}`);
  return (
    <button type="button" class={`entry entry-${entry.kind}`} data-entry-key={entry.key} data-text={entry.text} title={t('thisPageJump', { label: entry.label })} onClick={onJump}>
      <span class="entry-kind">{kind}</span>
      <span class="entry-text">{sameName ? entry.label : entry.text}</span>
      {!sameName && <span class="entry-label small muted">{entry.label}</span>}
      {entry.status && <StatusBadge status={entry.status as ItemStatus} />}
      {entry.round && <span class="small muted">{t('thisPageRound')}</span>}
    </button>
  );
}
