/**
 * An item's facts in the detail view: its list (programme and year) and how much of that list the
 * dataset holds, status with its dated record (each entry with its source), 序号 and lead unit
 * where a source gives them, targets, places, and the same kind of project in other years.
 */
import type { Item, Programme, Source, Unit } from '../../lib/data/types';
import { ChineseText } from '../ChineseText';
import type { TargetRef } from '../../lib/types/records';
import type { LensDb } from '../../lib/db/schema';
import { coverageText, itemLabel, listLabel } from '../../lib/i18n/programme';
import { useI18n } from '../i18n';
import { StatusBadge } from '../StatusBadge';
import { isWebUrl } from './format';

export interface ItemContext {
  list?: Programme;
  /** Sources of the status record, by id. */
  sources: Map<string, Source>;
  /** Items of the same series in other lists, oldest year first. */
  series: Item[];
}

/** Reads what ItemFacts shows besides the item itself (inside the caller's transaction). */
export async function loadItemContext(db: LensDb, item: Item): Promise<ItemContext> {
  const ids = [...new Set(item.statusHistory.map((e) => e.source))];
  const [list, sources, series] = await Promise.all([
    db.programmes.get(`${item.programme}-${item.year}`),
    db.sources.bulkGet(ids),
    item.series === undefined ? Promise.resolve([]) : db.items.where('series').equals(item.series).toArray(),
  ]);
  return {
    ...(list && { list }),
    sources: new Map(sources.flatMap((s) => (s ? [[s.id, s] as const] : []))),
    series: series.filter((i) => i.id !== item.id).sort((a, b) => a.year - b.year || (a.seq ?? 0) - (b.seq ?? 0)),
  };
}

export function ItemFacts({ item, leadUnit, context, onOpen }: { item: Item; leadUnit?: Unit; context: ItemContext; onOpen: (t: TargetRef) => void }) {
  const { t } = useI18n();
  const { list } = context;
  const sourceText = (id: string) => {
    const s = context.sources.get(id);
    return s ? `${s.originalPublisher ?? s.publisher} · ${s.date}` : id;
  };
  return (
    <dl class="facts">
      <dt>{t('itemList')}</dt>
      <dd data-testid="detail-list">
        {listLabel(t, item.programme, item.year)}
        {list && !list.complete && (
          <p class="muted small" data-testid="detail-coverage">
            {coverageText(t, list)}
          </p>
        )}
      </dd>
      <dt>{t('cardStatus')}</dt>
      <dd data-testid="detail-status">
        <StatusBadge status={item.status} /> <span class="muted">{t('cardAsOf', { date: item.statusAsOf })}</span>
        {item.statusNote && <ChineseText class="muted small" text={item.statusNote} />}
      </dd>
      {item.statusHistory.length > 1 && (
        <>
          <dt>{t('itemHistory')}</dt>
          <dd>
            <ol class="history small" data-testid="detail-history">
              {item.statusHistory.map((e, k) => {
                const s = context.sources.get(e.source);
                return (
                  <li key={k}>
                    <StatusBadge status={e.status} /> {t('cardAsOf', { date: e.asOf })}
                    {e.note && (
                      <>
                        {' · '}
                        <span lang="zh-CN">{e.note}</span>
                      </>
                    )}{' '}
                    ·{' '}
                    {s && isWebUrl(s.url) ? (
                      <a href={s.url} target="_blank" rel="noreferrer noopener" title={s.title}>
                        {sourceText(e.source)}
                      </a>
                    ) : (
                      sourceText(e.source)
                    )}
                  </li>
                );
              })}
            </ol>
          </dd>
        </>
      )}
      {item.seq !== undefined && (
        <>
          <dt>{t('itemSeq')}</dt>
          <dd>{item.seq}</dd>
        </>
      )}
      <dt>{t('cardLeadUnit')}</dt>
      <dd>
        {item.unitId !== undefined ? (
          <button type="button" class="link" onClick={() => onOpen({ kind: 'unit', id: item.unitId! })}>
            {leadUnit?.fullName ?? item.unit}
          </button>
        ) : (
          <span class="muted">{t('noLeadUnit')}</span>
        )}
      </dd>
      {item.targets && item.targets.length > 0 && (
        <>
          <dt>{t('itemTargets')}</dt>
          <dd data-testid="detail-targets">{item.targets.map((g) => `${g.what} ${g.value.toLocaleString('en')}${g.unit}`).join('；')}</dd>
        </>
      )}
      {item.town && (
        <>
          <dt>{t('filterTown')}</dt>
          <dd>{item.town}</dd>
        </>
      )}
      {item.places.length > 0 && (
        <>
          <dt>{t('itemPlaces')}</dt>
          <dd>{item.places.join('、')}</dd>
        </>
      )}
      {item.keyphrases.length > 0 && (
        <>
          <dt>{t('itemKeyphrases')}</dt>
          <dd>{item.keyphrases.join('、')}</dd>
        </>
      )}
      {context.series.length > 0 && (
        <>
          <dt>{t('itemSeries')}</dt>
          <dd>
            <ul class="plain" data-testid="detail-series">
              {context.series.map((i) => (
                <li key={i.id}>
                  <button type="button" class="link" onClick={() => onOpen({ kind: 'item', id: i.id })}>
                    {itemLabel(t, i)}
                  </button>{' '}
                  <StatusBadge status={i.status} />
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {item.note && (
        <>
          <dt>{t('itemCuratorNote')}</dt>
          <dd class="small">
            <ChineseText text={item.note} />
          </dd>
        </>
      )}
    </dl>
  );
}
