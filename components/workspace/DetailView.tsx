/**
 * An item or unit in full: every fact the dataset has with its source and date, then the
 * user's notes on it (add, edit, delete) and the pages it was seen on.
 */
import type { Item, Source, Unit } from '../../lib/data/types';
import { useState } from 'preact/hooks';
import { ChineseText } from '../ChineseText';
import { unitKindKey } from '../../lib/i18n/unit-kinds';
import type { Sighting, TargetRef } from '../../lib/types/records';
import type { LensDb } from '../../lib/db/schema';
import { sightingsTimeline } from '../../lib/db/sightings';
import { notesFor, saveNote } from '../../lib/db/user-data';
import { itemLabel } from '../../lib/i18n/programme';
import { useI18n } from '../i18n';
import { StatusBadge } from '../StatusBadge';
import { useLiveQuery } from '../useLiveQuery';
import { FollowButton } from './FollowButton';
import { ItemFacts, loadItemContext, type ItemContext } from './ItemFacts';
import { formatDate, isWebUrl } from './format';
import { NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';
import { useNoteDeletion } from './useNoteDeletion';

interface Loaded {
  item?: Item;
  unit?: Unit;
  /** For an item: its lead unit; for a unit: its items. */
  leadUnit?: Unit;
  unitItems: Item[];
  source?: Source;
  itemContext?: ItemContext;
}

async function load(db: LensDb, target: TargetRef): Promise<Loaded> {
  return db.transaction('r', [db.items, db.units, db.sources, db.programmes], async () => {
    if (target.kind === 'item') {
      const item = await db.items.get(target.id);
      const out: Loaded = { unitItems: [] };
      if (!item) return out;
      out.item = item;
      const [leadUnit, source] = await Promise.all([item.unitId === undefined ? undefined : db.units.get(item.unitId), db.sources.get(item.source)]);
      if (leadUnit) out.leadUnit = leadUnit;
      if (source) out.source = source;
      out.itemContext = await loadItemContext(db, item);
      return out;
    }
    const unit = await db.units.get(target.id);
    const out: Loaded = { unitItems: [] };
    if (!unit) return out;
    out.unit = unit;
    out.unitItems = (await db.items.where('unitId').equals(unit.id).toArray()).sort((a, b) => a.year - b.year || (a.seq ?? 0) - (b.seq ?? 0));
    const source = await db.sources.get(unit.source);
    if (source) out.source = source;
    return out;
  });
}

export function DetailView({ db, target, onOpen, onBack }: { db: LensDb; target: TargetRef; onOpen: (t: TargetRef) => void; onBack: () => void }) {
  const { t } = useI18n();
  const state = useLiveQuery(() => load(db, target), [db, target.kind, target.id]);
  if (state.status !== 'ready') return <p>{t('loading')}</p>;
  const { item, unit, leadUnit, unitItems, source } = state.value;
  const title = item ? item.name : unit ? unit.name : target.id;
  return (
    <section class="detail" aria-labelledby="detail-title" data-testid="detail">
      <button type="button" class="back" onClick={onBack}>
        ← {t('back')}
      </button>
      <h2 id="detail-title" tabIndex={-1}>
        {title}
      </h2>
      {!item && !unit && <p class="flag">{t('orphanFlag')}</p>}
      <FollowButton db={db} target={target} />
      {item && <ItemFacts item={item} leadUnit={leadUnit} context={state.value.itemContext ?? { sources: new Map(), series: [] }} onOpen={onOpen} />}
      {unit && (
        <dl class="facts">
          {unit.fullName && (
            <>
              <dt>{t('cardFullName')}</dt>
              <dd>{unit.fullName}</dd>
            </>
          )}
          <dt>{t('cardKind')}</dt>
          <dd>{unitKindKey(unit.kind) ? t(unitKindKey(unit.kind)!) : unit.kind}</dd>
          {unit.aliases.length > 0 && (
            <>
              <dt>{t('unitAliases')}</dt>
              <dd>{unit.aliases.join('、')}</dd>
            </>
          )}
        </dl>
      )}
      {source && (
        <p class="source small" data-testid="detail-source">
          {t('cardSource', { source: `${source.originalPublisher ? `${source.originalPublisher} (${source.publisher})` : source.publisher} · ${source.date}` })}{' '}
          {isWebUrl(source.url) && (
            <a href={source.url} target="_blank" rel="noreferrer noopener" title={source.title}>
              {t('openSource')}
            </a>
          )}
        </p>
      )}
      {unit && (
        <section aria-labelledby="unit-items">
          <h3 id="unit-items">{t('cardUnitProjects', { n: unitItems.length })}</h3>
          <ul class="plain">
            {unitItems.map((i) => (
              <li key={i.id}>
                <button type="button" class="link" onClick={() => onOpen({ kind: 'item', id: i.id })}>
                  {itemLabel(t, i)}
                </button>{' '}
                <StatusBadge status={i.status} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <TargetNotes db={db} target={target} />
      <TargetSightings db={db} targetId={target.id} />
    </section>
  );
}

function TargetNotes({ db, target }: { db: LensDb; target: TargetRef }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  const notes = useLiveQuery(() => notesFor(db, target.id), [db, target.id]);
  const { remove, bar } = useNoteDeletion(db);
  return (
    <section aria-labelledby="detail-notes">
      <h3 id="detail-notes">{t('yourNotes')}</h3>
      {notes.status === 'ready' && notes.value.length === 0 && <p class="muted">{t('notesEmpty')}</p>}
      {notes.status === 'ready' && notes.value.map((n) => <NoteCard key={n.id} db={db} note={n} hideTarget onDelete={(x) => void remove(x)} />)}
      {bar}
      {/* Closed again once the note is saved (it is listed above): the form is not left open. */}
      <details class="add-note" open={adding} onToggle={(e) => setAdding((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t('addNote')}</summary>
        <NoteEditor
          onSave={async (d) => {
            await saveNote(db, { ...d, target });
            setAdding(false);
            setSaved(true);
          }}
        />
      </details>
      {saved && (
        <p role="status" class="small muted">
          {t('noteSaved')}
        </p>
      )}
    </section>
  );
}

function TargetSightings({ db, targetId }: { db: LensDb; targetId: string }) {
  const { t } = useI18n();
  const rows = useLiveQuery(() => sightingsTimeline(db, { targetId }), [db, targetId]);
  const list = rows.status === 'ready' ? rows.value : [];
  const sites = new Set(list.map((s) => s.site)).size;
  return (
    <section aria-labelledby="detail-sightings">
      <h3 id="detail-sightings">{t('sightingsOfItem')}</h3>
      {list.length === 0 ? <p class="muted">{t('noSightings')}</p> : <p class="muted">{t('seenOnSites', { n: sites })}</p>}
      <SightingList sightings={list} />
    </section>
  );
}

export function SightingList({ sightings, names }: { sightings: readonly Sighting[]; names?: ReadonlyMap<string, string> }) {
  const { t, locale } = useI18n();
  return (
    <ol class="sightings">
      {sightings.map((s) => (
        <li key={s.key}>
          {isWebUrl(s.url) ? (
            <a href={s.url} target="_blank" rel="noreferrer noopener">
              {s.title || s.canonicalUrl}
            </a>
          ) : (
            <span>{s.title || s.canonicalUrl}</span>
          )}
          <span class="muted small">
            {' '}
            · {s.site} · {t('lastSeen', { date: formatDate(s.lastSeen, locale) })} · {t('visits', { n: s.visits })}
          </span>
          {names && <div class="small">{names.get(s.targetId) ?? s.targetId}</div>}
          {s.sentence ? (
            <q class="small">{s.sentence}</q>
          ) : (
            s.quote && (
              <q class="small">
                {s.prefix.slice(-12)}
                <mark>{s.quote}</mark>
                {s.suffix.slice(0, 12)}
              </q>
            )
          )}
        </li>
      ))}
    </ol>
  );
}
