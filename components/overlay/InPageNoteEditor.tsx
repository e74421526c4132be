import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';

/**
 * The note form on a page (in a mention card, or for a selected passage): a body only, no tags;
 * Ctrl/⌘+Enter saves, Esc cancels. The side panel's editor with tags is workspace/NoteEditor.
 * It lives on a web page, so only the user's own input saves (`isTrusted`: events made up by
 * page script do not).
 */
export function InPageNoteEditor(props: { quote?: string; onSave(body: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const save = () => body.trim() && props.onSave(body.trim());
  return (
    <form
      class="note-editor"
      onSubmit={(e) => e.preventDefault()}
    >
      {props.quote && <blockquote class="small">{props.quote}</blockquote>}
      <textarea
        ref={ref}
        aria-label={t('notePlaceholder')}
        placeholder={t('notePlaceholder')}
        value={body}
        rows={3}
        data-testid="note-body"
        onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.isTrusted) save();
          if (e.key === 'Escape') {
            e.stopPropagation();
            props.onCancel();
          }
        }}
      />
      <div class="actions">
        <button type="button" data-testid="note-save" disabled={!body.trim()} onClick={(e) => e.isTrusted && save()}>
          {t('noteSave')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('noteCancel')}
        </button>
      </div>
    </form>
  );
}
