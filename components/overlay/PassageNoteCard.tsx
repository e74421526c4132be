/**
 * A passage note opened from its yellow highlight on the page: the quote, the note (or "only
 * highlighted"), its tags and what it is about; edit text and tags, link it to a project or
 * unit mentioned in or near the passage, delete with undo. Rendered inside our shadow root only.
 * Buttons that write act on trusted input only (isTrusted).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NoteCardView } from '../../lib/overlay/view-model';
import { useI18n } from '../i18n';

/** How long "deleted — undo" stays, ms (as in the side panel). */
export const UNDO_MS = 10_000;

const splitTags = (s: string) => s.split(/[,，、;；]+/).map((t) => t.trim()).filter(Boolean);

export function PassageNoteCard({ view }: { view: NoteCardView }) {
  const { t } = useI18n();
  const { note, actions } = view;
  const highlight = !note.body;
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [error, setError] = useState('');
  const first = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (view.focus) first.current?.focus();
  }, [note.id, view.focus, view.deleted]);
  useEffect(() => {
    setBody(note.body);
    setTags(note.tags.join(', '));
  }, [note.id, note.updatedAt]);
  useEffect(() => {
    if (editing) bodyRef.current?.focus();
  }, [editing]);
  useEffect(() => {
    if (!view.deleted) return;
    const id = setTimeout(actions.onClose, UNDO_MS);
    return () => clearTimeout(id);
  }, [view.deleted, note.id]);

  /** Runs a write for a trusted event only; a failure is shown in the card. */
  const write = (e: Event, work: () => Promise<void>) => {
    if (!e.isTrusted) return;
    work().then(
      () => setError(''),
      (err: unknown) => setError(t('saveFailed') + String((err as Error)?.message ?? err)),
    );
  };
  const save = (e: Event) =>
    write(e, async () => {
      await actions.onSave(body.trim(), splitTags(tags));
      setEditing(false);
    });
  const title = highlight ? t('highlightCardTitle') : t('noteCardTitle');

  return (
    <div class="card note-card" role="dialog" aria-modal="false" aria-label={title} data-testid="note-card" data-note-kind={highlight ? 'highlight' : 'note'}>
      <div class="card-head">
        <span class="card-kind">{title}</span>
        <button type="button" class="icon" aria-label={t('cardClose')} onClick={actions.onClose} ref={view.deleted || editing ? undefined : first}>
          ×
        </button>
      </div>
      {note.anchor && <blockquote data-testid="note-quote">{note.anchor.quote.exact}</blockquote>}

      {view.deleted ? (
        <div class="undo-bar" role="status" data-testid="note-deleted">
          <span>{t('noteDeleted')}</span>{' '}
          <button type="button" ref={first} data-testid="note-undo" onClick={(e) => write(e, actions.onUndo)}>
            {t('undo')}
          </button>
        </div>
      ) : editing ? (
        <form
          class="note-editor"
          onSubmit={(e) => {
            e.preventDefault();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(e);
            if (e.key === 'Escape') {
              e.stopPropagation();
              setEditing(false);
            }
          }}
        >
          <textarea
            ref={bodyRef}
            aria-label={t('noteBody')}
            placeholder={t('notePlaceholder')}
            value={body}
            rows={3}
            data-testid="note-edit-body"
            onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <label class="small field">
            {t('tagsLabel')}
            <input type="text" value={tags} data-testid="note-edit-tags" onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <div class="actions">
            <button type="button" data-testid="note-edit-save" onClick={save}>
              {t('noteSave')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('noteCancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {highlight ? <p class="muted small">{t('highlightNoBody')}</p> : <p class="note-text" data-testid="note-text">{note.body}</p>}
          {note.tags.length > 0 && (
            <ul class="tag-list" aria-label={t('tags')} data-testid="note-tags">
              {note.tags.map((tag) => (
                <li key={tag}>#{tag}</li>
              ))}
            </ul>
          )}
          <p class="small about" data-testid="note-about">
            <span class="muted">{t('noteAboutLabel')}</span>
            {view.targetLabel ?? <span class="muted">{t('noteAboutNone')}</span>}
            {note.target && (
              <>
                {' '}
                <button type="button" class="link" data-testid="note-unlink" onClick={(e) => write(e, () => actions.onLink(null))}>
                  {t('noteUnlink')}
                </button>
              </>
            )}
          </p>
          {view.choices.some((c) => c.target.id !== note.targetId) && (
            <div class="choices">
              <p class="small muted">{t('noteLinkHint')}</p>
              <ul class="choice-list">
                {view.choices
                  .filter((c) => c.target.id !== note.targetId)
                  .map((c) => (
                    <li key={`${c.target.kind}:${c.target.id}`}>
                      <button type="button" class="chip" title={t('noteLinkTo', { name: c.label })} data-testid="note-link-choice" onClick={(e) => write(e, () => actions.onLink(c.target))}>
                        {c.label} <span class="muted small">· {c.inside ? t('noteLinkInside') : t('noteLinkNear')}</span>
                      </button>
                    </li>
                  ))}
              </ul>
            </div>
          )}
          <div class="actions">
            <button type="button" data-testid="note-edit" onClick={() => setEditing(true)}>
              ✎ {highlight ? t('noteWriteBody') : t('edit')}
            </button>
            <button type="button" data-testid="note-delete" onClick={(e) => write(e, actions.onDelete)}>
              {t('delete')}
            </button>
          </div>
        </>
      )}
      {error && (
        <p role="alert" class="error small">
          {error}
        </p>
      )}
    </div>
  );
}
