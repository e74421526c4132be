/**
 * Search as you type over every item and unit, with filters. Results are a list of buttons:
 * ↓ from the search box moves into the list, ↑/↓ move within it, Enter opens the detail.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { UNIT_KIND_KEYS, unitKindKey } from '../../lib/i18n/unit-kinds';
import type { ItemStatus, ProgrammeId, UnitKind } from '../../lib/data/types';
import { ITEM_STATUSES, PROGRAMME_IDS, UNIT_KINDS } from '../../lib/data/validate';
import { listLabel, programmeName } from '../../lib/i18n/programme';
import type { TargetRef } from '../../lib/types/records';
import type { LensDb } from '../../lib/db/schema';
import type { SearchFilters } from '../../lib/search/search-index';
import { useI18n } from '../i18n';
import { StatusBadge, STATUS_KEYS } from '../StatusBadge';
import { useSearchIndex } from './useSearchIndex';

const RESULT_LIMIT = 50;

export function SearchView({ db, onOpen, query, onQuery }: { db: LensDb; onOpen: (t: TargetRef) => void; query: string; onQuery: (q: string) => void }) {
  const { t } = useI18n();
  const { index, marks } = useSearchIndex(db);
  const [filters, setFilters] = useState<SearchFilters>({});
  const list = useRef<HTMLUListElement>(null);
  const hits = useMemo(() => (index ? index.search(query, filters, marks, RESULT_LIMIT) : []), [index, query, filters, marks]);
  const units = useMemo(() => (index ? index.docs.filter((d) => d.kind === 'unit') : []), [index]);
  const towns = useMemo(() => [...new Set(units.filter((u) => u.town).map((u) => u.town!))], [units]);
  const years = useMemo(() => (index ? [...new Set(index.docs.flatMap((d) => (d.year === undefined ? [] : [d.year])))].sort((a, b) => a - b) : []), [index]);
  const set = (patch: Partial<SearchFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const focusResult = (i: number) => {
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button.result');
    if (buttons?.length) buttons[Math.max(0, Math.min(buttons.length - 1, i))]?.focus();
  };

  return (
    <section class="search" aria-labelledby="search-heading">
      <h2 id="search-heading" class="visually-hidden">
        {t('tabSearch')}
      </h2>
      <label for="search-input">{t('searchLabel')}</label>
      <input
        id="search-input"
        type="search"
        value={query}
        placeholder={t('searchPlaceholder')}
        autoComplete="off"
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            focusResult(0);
          }
        }}
      />
      <details class="filters">
        <summary>{t('filters')}</summary>
        <div class="filter-grid">
          <label>
            {t('filterKind')}
            <select value={filters.kind ?? ''} onChange={(e) => set({ kind: (e.currentTarget.value || undefined) as SearchFilters['kind'] })}>
              <option value="">{t('filterAll')}</option>
              <option value="item">{t('kindItem')}</option>
              <option value="unit">{t('kindUnit')}</option>
            </select>
          </label>
          <label>
            {t('filterYear')}
            <select value={filters.year ?? ''} onChange={(e) => set({ year: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })}>
              <option value="">{t('filterAll')}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterProgramme')}
            <select value={filters.programme ?? ''} onChange={(e) => set({ programme: (e.currentTarget.value || undefined) as ProgrammeId | undefined })}>
              <option value="">{t('filterAll')}</option>
              {PROGRAMME_IDS.map((p) => (
                <option key={p} value={p}>
                  {programmeName(t, p)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('cardLeadUnit')}
            <select value={filters.unitId ?? ''} onChange={(e) => set({ unitId: e.currentTarget.value || undefined })}>
              <option value="">{t('filterAll')}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterUnitKind')}
            <select value={filters.unitKind ?? ''} onChange={(e) => set({ unitKind: (e.currentTarget.value || undefined) as UnitKind | undefined })}>
              <option value="">{t('filterAll')}</option>
              {UNIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(UNIT_KIND_KEYS[k])}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterTown')}
            <select value={filters.town ?? ''} onChange={(e) => set({ town: e.currentTarget.value || undefined })}>
              <option value="">{t('filterAll')}</option>
              {towns.map((town) => (
                <option key={town} value={town}>
                  {town}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('cardStatus')}
            <select value={filters.status ?? ''} onChange={(e) => set({ status: (e.currentTarget.value || undefined) as ItemStatus | undefined })}>
              <option value="">{t('filterAll')}</option>
              {ITEM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(STATUS_KEYS[s])}
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={!!filters.followed} onChange={(e) => set({ followed: e.currentTarget.checked || undefined })} /> {t('filterFollowed')}
          </label>
          <label class="check">
            <input type="checkbox" checked={!!filters.hasNotes} onChange={(e) => set({ hasNotes: e.currentTarget.checked || undefined })} /> {t('filterHasNotes')}
          </label>
        </div>
      </details>
      <p class="muted" role="status" aria-live="polite">
        {index ? (hits.length ? t('searchResults', { n: hits.length }) : t('searchNoResults')) : t('loading')}
      </p>
      <ul
        class="results"
        ref={list}
        aria-label={t('searchResultsLabel')}
        onKeyDown={(e) => {
          const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button.result') ?? [])];
          const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
          if (i < 0) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            focusResult(i + 1);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            if (i === 0) document.getElementById('search-input')?.focus();
            else focusResult(i - 1);
          }
        }}
      >
        {hits.map(({ doc }) => (
          <li key={`${doc.kind}:${doc.id}`}>
            <button type="button" class="result" data-testid={`result-${doc.id}`} onClick={() => onOpen({ kind: doc.kind, id: doc.id })}>
              <span class="result-kind" data-testid={doc.kind === 'item' ? `result-list-${doc.id}` : undefined}>
                {doc.kind === 'item' && doc.programme && doc.year !== undefined
                  ? `${listLabel(t, doc.programme, doc.year)}${doc.seq > 0 ? ' · ' + t('cardSeq', { n: doc.seq }) : ''}`
                  : t('kindUnitOne')}
              </span>
              <span class="result-name">{doc.name}</span>
              <span class="result-meta">
                {doc.kind === 'item' ? (doc.unitNames[0] ?? '') : doc.unitKind && unitKindKey(doc.unitKind) ? t(unitKindKey(doc.unitKind)!) : doc.unitKind}
                {doc.status && (
                  <>
                    {' '}
                    <StatusBadge status={doc.status} />
                  </>
                )}
                {marks.followed.has(doc.id) && <span class="mark"> ★ {t('following')}</span>}
                {marks.noted.has(doc.id) && <span class="mark"> ✎ {t('hasNotes')}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
