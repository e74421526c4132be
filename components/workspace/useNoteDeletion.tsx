/** Delete a note at once and offer "Undo" that puts back exactly the same row. */
import { useState } from 'preact/hooks';
import type { Note } from '../../lib/types/records';
import type { LensDb } from '../../lib/db/schema';
import { deleteNote, restoreNote } from '../../lib/db/user-data';
import { useI18n } from '../i18n';
import { UndoBar } from './UndoBar';

export function useNoteDeletion(db: LensDb) {
  const { t } = useI18n();
  const [deleted, setDeleted] = useState<Note | null>(null);
  const remove = async (note: Note) => {
    const row = await deleteNote(db, note.id);
    if (row) setDeleted(row);
  };
  const bar = deleted && (
    <UndoBar
      message={t('noteDeleted')}
      onUndo={() => {
        void restoreNote(db, deleted);
        setDeleted(null);
      }}
      onDismiss={() => setDeleted(null)}
    />
  );
  return { remove, bar };
}
