/**
 * Everything we draw on a page, in one Preact tree inside the shadow root: the mention card,
 * the "add note" pill for a selection, the passage note editor and the orphan-notes panel, and
 * what a keyboard step reached (StepStatus.tsx); focus returns to the page when a card closes.
 * It renders the overlay's view model (`lib/overlay/view-model.ts`); the overlay's parts set it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Note } from '../../lib/types/records';
import { I18nProvider, useI18n } from '../i18n';
import type { HighlightColours } from '../../lib/settings/settings';
import { InPageNoteEditor } from './InPageNoteEditor';
import { MentionCard } from './MentionCard';
import { PassageNoteCard } from './PassageNoteCard';
import { ReachedLine, StepAnnouncer } from './StepStatus';
import { useFocusReturn } from './useFocusReturn';
import type { OverlayStore, OverlayView, Rect } from '../../lib/overlay/view-model';

/** Places a box below (or above) the anchor rect, inside the viewport. */
function usePlacement(at: Rect) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: at.left, top: at.bottom + 6 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const left = Math.max(8, Math.min(at.left, vw - w - 8));
    const below = at.bottom + 6;
    const top = below + h <= vh - 8 ? below : Math.max(8, at.top - h - 6);
    setPos({ left, top });
  }, [at.left, at.top, at.bottom]);
  return { ref, style: { left: `${pos.left}px`, top: `${pos.top}px` } };
}

function Positioned(props: { at: Rect; class: string; children: preact.ComponentChildren }) {
  const { ref, style } = usePlacement(props.at);
  return (
    <div ref={ref} class="floating" style={style}>
      <div class={props.class}>{props.children}</div>
    </div>
  );
}

function OrphanPanel({ notes }: { notes: Note[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(true);
  if (!open || !notes.length) return null;
  return (
    <aside class="panel" aria-label={t('orphanNotes', { n: notes.length })} data-testid="orphan-notes">
      <div class="card-head">
        <span class="small">{t('orphanNotes', { n: notes.length })}</span>
        <button type="button" class="icon" aria-label={t('cardClose')} onClick={() => setOpen(false)}>
          ×
        </button>
      </div>
      <ul class="small">
        {notes.map((n) => (
          <li key={n.id}>
            {n.anchor && <q>{n.anchor.quote.exact}</q>}
            {n.body && ` — ${n.body}`}
          </li>
        ))}
      </ul>
    </aside>
  );
}

function Views({ view, orphans, colours }: { view: OverlayView; orphans: Note[]; colours?: HighlightColours }) {
  const { t } = useI18n();
  const layer = useRef<HTMLDivElement>(null);
  useFocusReturn(view, layer);
  return (
    <div class="layer" ref={layer}>
      <StepAnnouncer view={view} />
      {view.kind === 'card' && (
        <Positioned at={view.at} class="card-slot">
          {view.reached && <ReachedLine reached={view.reached} />}
          <MentionCard model={view.model} actions={view.actions} autoFocus={view.focus} colours={colours} />
          {view.notesHere && (
            <div class="note-here small" data-testid="card-note-here">
              <span>{t('cardNoteHere')}</span>
              <button type="button" data-testid="card-open-note" onClick={view.notesHere.onOpen}>
                {t('cardOpenNote')}
              </button>
            </div>
          )}
        </Positioned>
      )}
      {view.kind === 'note' && (
        <Positioned at={view.at} class="card-slot">
          {view.reached && <ReachedLine reached={view.reached} />}
          <PassageNoteCard key={view.note.id} view={view} />
        </Positioned>
      )}
      {view.kind === 'pill' && (
        <Positioned at={view.at} class="pill">
          <button type="button" data-testid="selection-add-note" onMouseDown={(e) => e.preventDefault()} onClick={view.onClick}>
            ✎ {t('addNote')}
          </button>
          <button
            type="button"
            data-testid="selection-highlight"
            title={t('highlightPassageHint')}
            onMouseDown={(e) => e.preventDefault()}
            onClick={(e) => e.isTrusted && view.onHighlight()}
          >
            <span class="hl-swatch" aria-hidden="true" /> {t('highlightPassage')}
          </button>
        </Positioned>
      )}
      {view.kind === 'passage-note' && (
        <Positioned at={view.at} class="card">
          <InPageNoteEditor quote={view.quote} onSave={(body) => void view.onSave(body)} onCancel={view.onCancel} />
        </Positioned>
      )}
      <OrphanPanel notes={orphans} />
    </div>
  );
}

export function OverlayRoot({ store }: { store: OverlayStore }) {
  const [state, setState] = useState(store.get());
  useEffect(() => store.subscribe(() => setState(store.get())), [store]);
  return (
    <I18nProvider locale={state.locale}>
      <Views view={state.view} orphans={state.orphans} colours={state.colours} />
    </I18nProvider>
  );
}
