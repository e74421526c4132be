/** Writing or editing a note: text and tags, saved with Ctrl/⌘+Enter or the button, Esc cancels. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';

export interface NoteDraft {
  body: string;
  tags: string[];
}

let editorSeq = 0;

export function NoteEditor(props: { initial?: NoteDraft; onSave: (draft: NoteDraft) => Promise<unknown>; onCancel?: () => void; autoFocus?: boolean }) {
  const { t } = useI18n();
  const [body, setBody] = useState(props.initial?.body ?? '');
  const [tags, setTags] = useState((props.initial?.tags ?? []).join(', '));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [uid] = useState(() => `note-editor-${++editorSeq}`);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (props.autoFocus) area.current?.focus();
  }, []);

  const save = async () => {
    if (!body.trim() || busy) return;
    setBusy(true);
    try {
      await props.onSave({ body, tags: tags.split(/[,，、;；]/) });
      setError('');
      if (!props.initial) {
        setBody('');
        setTags('');
      }
    } catch (e) {
      setError(t('saveFailed') + String((e as Error)?.message ?? e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        } else if (e.key === 'Escape' && props.onCancel) {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <label for={`${uid}-body`}>{t('noteBody')}</label>
      <textarea id={`${uid}-body`} ref={area} rows={3} value={body} placeholder={t('notePlaceholder')} onInput={(e) => setBody(e.currentTarget.value)} />
      <label for={`${uid}-tags`}>{t('tagsLabel')}</label>
      <input id={`${uid}-tags`} type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      <div class="row">
        <button type="submit" disabled={!body.trim() || busy}>
          {t('noteSave')}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t('noteCancel')}
          </button>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
