/** One note: its passage (linked to the page), text, tags and what it is about; edit and delete. */
import { useState } from 'preact/hooks';
import type { Note, TargetRef } from '../../lib/types/records';
import type { LensDb } from '../../lib/db/schema';
import { updateNote } from '../../lib/db/user-data';
import { useI18n } from '../i18n';
import { formatDateTime, isWebUrl } from './format';
import { NoteEditor } from './NoteEditor';

export interface NoteCardProps {
  db: LensDb;
  note: Note;
  /** Display name of the note's item or unit, when it has one. */
  targetName?: string;
  /** Hide the "about" line where the context already says it (the item's own page). */
  hideTarget?: boolean;
  onOpen?: (t: TargetRef) => void;
  onDelete: (note: Note) => void;
}

export function NoteCard({ db, note, targetName, hideTarget, onOpen, onDelete }: NoteCardProps) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const a = note.anchor;
  return (
    <article class="note" data-note-id={note.id} aria-label={t('noteAria', { date: formatDateTime(note.updatedAt, locale) })}>
      {a && (
        <blockquote>
          {a.quote.exact}
          {isWebUrl(a.url || a.canonicalUrl) && (
            <>
              {' '}
              <a href={a.url || a.canonicalUrl} target="_blank" rel="noreferrer noopener" title={a.title || a.canonicalUrl}>
                {t('openPage')}
              </a>
            </>
          )}
        </blockquote>
      )}
      {editing ? (
        <NoteEditor
          autoFocus
          initial={{ body: note.body, tags: note.tags }}
          onCancel={() => setEditing(false)}
          onSave={async (d) => {
            await updateNote(db, note.id, d);
            setEditing(false);
          }}
        />
      ) : (
        <>
          {note.body ? <p class="note-body">{note.body}</p> : <p class="muted small" data-testid="highlight-only"><span class="hl-swatch" aria-hidden="true" /> {t('highlightNoBody')}</p>}
          {note.tags.length > 0 && (
            <ul class="tags" aria-label={t('tags')}>
              {note.tags.map((tag) => (
                <li key={tag}>#{tag}</li>
              ))}
            </ul>
          )}
          <p class="meta">
            {formatDateTime(note.updatedAt, locale)}
            {!hideTarget && note.target && (
              <>
                {' · '}
                {onOpen && targetName ? (
                  <button type="button" class="link" onClick={() => onOpen(note.target!)}>
                    {targetName}
                  </button>
                ) : (
                  <span>
                    {targetName ?? note.targetId} {!targetName && <em class="flag">{t('orphanFlag')}</em>}
                  </span>
                )}
              </>
            )}
          </p>
          <div class="row">
            <button type="button" onClick={() => setEditing(true)}>
              {t('edit')}
            </button>
            <button type="button" onClick={() => onDelete(note)}>
              {t('delete')}
            </button>
          </div>
        </>
      )}
    </article>
  );
}
