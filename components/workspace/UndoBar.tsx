/** "Deleted — Undo": a polite live region with one button; it goes away by itself. */
import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n';

export function UndoBar(props: { message: string; onUndo: () => void; onDismiss: () => void; timeoutMs?: number }) {
  const { t } = useI18n();
  useEffect(() => {
    const id = setTimeout(props.onDismiss, props.timeoutMs ?? 10_000);
    return () => clearTimeout(id);
  }, [props.message]);
  return (
    <div class="undo-bar" role="status">
      <span>{props.message}</span>{' '}
      <button type="button" onClick={props.onUndo}>
        {t('undo')}
      </button>
    </div>
  );
}
