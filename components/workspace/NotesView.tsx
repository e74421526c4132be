/** Every note, grouped by page or by item, filterable by tag; edit in place, delete with undo. */
import { useState } from 'preact/hooks';
import type { TargetRef } from '../../lib/types/records';
import type { LensDb } from '../../lib/db/schema';
import { allTags, notesByItem, notesByPage, targetNames } from '../../lib/db/user-data';
import type { Item } from '../../lib/data/types';
import { itemLabel } from '../../lib/i18n/programme';
import { useI18n } from '../i18n';
import { useLiveQuery } from '../useLiveQuery';
import { ExportButtons } from './ExportButtons';
import { isWebUrl } from './format';
import { NoteCard } from './NoteCard';
import { useNoteDeletion } from './useNoteDeletion';

export function NotesView({ db, onOpen }: { db: LensDb; onOpen: (t: TargetRef) => void }) {
  const { t, locale } = useI18n();
  const nameItem = (i: Item) => itemLabel(t, i);
  const [groupBy, setGroupBy] = useState<'page' | 'item'>('page');
  const [tag, setTag] = useState('');
  const state = useLiveQuery(async () => {
    const groups = await (groupBy === 'page' ? notesByPage(db, tag || undefined) : notesByItem(db, tag || undefined, nameItem));
    const names = await targetNames(db, groups.flatMap((g) => g.notes.filter((n) => n.target).map((n) => n.target!)), nameItem);
    return { groups, names, tags: await allTags(db) };
  }, [db, groupBy, tag, locale]);
  const { remove, bar } = useNoteDeletion(db);
  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading" class="visually-hidden">
        {t('tabNotes')}
      </h2>
      <div class="toolbar">
        <fieldset class="segmented">
          <legend>{t('notesGroupBy')}</legend>
          <label>
            <input type="radio" name="group-by" value="page" checked={groupBy === 'page'} onChange={() => setGroupBy('page')} /> {t('groupByPage')}
          </label>
          <label>
            <input type="radio" name="group-by" value="item" checked={groupBy === 'item'} onChange={() => setGroupBy('item')} /> {t('groupByItem')}
          </label>
        </fieldset>
        <label>
          {t('filterTag')}{' '}
          <select value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
            <option value="">{t('filterAll')}</option>
            {state.status === 'ready' &&
              state.value.tags.map((x) => (
                <option key={x} value={x}>
                  #{x}
                </option>
              ))}
          </select>
        </label>
      </div>
      <details class="export-here">
        <summary>{t('exportHere')}</summary>
        <ExportButtons db={db} kinds={['markdown', 'notesCsv', 'w3c', 'csl', 'ris', 'coverageCsv']} />
      </details>
      {bar}
      {state.status === 'ready' && state.value.groups.length === 0 && <p class="muted">{t('notesEmpty')}</p>}
      {state.status === 'ready' &&
        state.value.groups.map((g) => (
          <section key={g.key} class="note-group" aria-label={g.key ? g.label : groupBy === 'page' ? t('noPage') : t('noItem')}>
            <h3>
              {g.key === '' ? (
                groupBy === 'page' ? t('noPage') : t('noItem')
              ) : groupBy === 'page' ? (
                isWebUrl(g.key) ? (
                  <a href={g.key} target="_blank" rel="noreferrer noopener">
                    {g.label}
                  </a>
                ) : (
                  g.label
                )
              ) : state.value.names.has(g.key) && g.target ? (
                <button type="button" class="link" onClick={() => onOpen(g.target!)}>
                  {g.label}
                </button>
              ) : (
                <>
                  {g.label} <em class="flag">{t('orphanFlag')}</em>
                </>
              )}
            </h3>
            {g.notes.map((n) => (
              <NoteCard key={n.id} db={db} note={n} targetName={state.value.names.get(n.targetId)} hideTarget={groupBy === 'item'} onOpen={onOpen} onDelete={(x) => void remove(x)} />
            ))}
          </section>
        ))}
    </section>
  );
}
