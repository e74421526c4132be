/**
 * The dataset summary, foldable, its folded state remembered per view (side panel, popup) in
 * the extension origin's localStorage: it takes ~230 px, and a reader who folded it once should
 * not have to fold it on every visit (issue 13, 12).
 */
import { useState } from 'preact/hooks';
import type { LensDb } from '../lib/db/schema';
import { DatasetPanel } from './DatasetPanel';
import { useI18n } from './i18n';

const keyOf = (view: string) => `minsheng-lens:dataset-open:${view}`;

function remembered(view: string, fallback: boolean): boolean {
  try {
    const v = localStorage.getItem(keyOf(view));
    return v === null ? fallback : v === '1';
  } catch {
    return fallback;
  }
}

export function DatasetFold({ db, view, openByDefault }: { db: LensDb; view: 'sidepanel' | 'popup'; openByDefault: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(() => remembered(view, openByDefault));
  return (
    <details
      class="dataset-fold"
      open={open}
      onToggle={(e) => {
        const now = (e.currentTarget as HTMLDetailsElement).open;
        setOpen(now);
        try {
          localStorage.setItem(keyOf(view), now ? '1' : '0');
        } catch {
          /* storage refused: the fold still works for this visit */
        }
      }}
    >
      <summary>{t('datasetTitle')}</summary>
      {open && <DatasetPanel db={db} />}
    </details>
  );
}
