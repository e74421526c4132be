/**
 * The card a reader opens on a highlighted project or unit: what the dataset says, with
 * its source and date, why we linked it, and follow / note actions.
 */
import { programmeName } from '../../lib/i18n/programme';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Item } from '../../lib/data/types';
import type { CardModel, ProjectCardModel, UnitCardModel } from '../../lib/overlay/card-model';
import { listLabel } from '../../lib/i18n/programme';
import { RoundCard } from './RoundCard';
import type { CardActions } from '../../lib/overlay/view-model';
import { useI18n } from '../i18n';
import { STATUS_KEYS, StatusBadge } from '../StatusBadge';
import { InPageNoteEditor } from './InPageNoteEditor';
import { CardReasons } from './CardReasons';
import type { HighlightColours } from '../../lib/settings/settings';
import { Legend } from '../Legend';
import { ChineseText } from '../ChineseText';
import { unitKindKey } from '../../lib/i18n/unit-kinds';

/**
 * `autoFocus`: move keyboard focus into the card (opened by click or keyboard); a card opened
 * by hovering leaves focus where the reader had it.
 */
export function MentionCard({ model, actions, autoFocus = false, colours }: { model: CardModel; actions: CardActions; autoFocus?: boolean; colours?: HighlightColours }) {
  if (model.kind === 'round') return <RoundCard model={model} onClose={actions.onClose} autoFocus={autoFocus} />;
  return <ItemCard model={model} actions={actions} autoFocus={autoFocus} colours={colours} />;
}

function ItemCard({ model, actions, autoFocus, colours }: { model: ProjectCardModel | UnitCardModel; actions: CardActions; autoFocus: boolean; colours?: HighlightColours }) {
  const { t } = useI18n();
  const [noteOpen, setNoteOpen] = useState(false);
  const [error, setError] = useState('');
  const [savedFlash, setSavedFlash] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);
  const id = model.kind === 'project' ? model.item.id : model.unit.id;
  useEffect(() => {
    if (autoFocus) closeRef.current?.focus();
  }, [id, autoFocus]);

  const run = (work: Promise<void>) => work.then(() => setError(''), (e: unknown) => setError(t('saveFailed') + String((e as Error)?.message ?? e)));
  const title = model.kind === 'project' ? model.item.name : (model.unit.fullName ?? model.unit.name);
  const source = model.source;

  return (
    <div class="card" role="dialog" aria-modal="false" aria-label={title} data-card-kind={model.kind}>
      <div class="card-head">
        <span class="card-kind" data-testid="card-kind">{model.kind === 'project' ? programmeName(t, model.item.programme) : t('cardUnit')}</span>
        <button ref={closeRef} type="button" class="icon" aria-label={t('cardClose')} onClick={actions.onClose}>
          ×
        </button>
      </div>
      <h2 class="card-title">{title}</h2>

      {model.kind === 'project' ? (
        <dl>
          <dt>{t('cardList')}</dt>
          <dd data-testid="card-list">{listLabel(t, model.programme, model.year)}</dd>
          <dt>{t('cardLeadUnit')}</dt>
          <dd data-testid="card-lead-unit">{model.unit?.fullName || model.item.unit || <span class="muted">{t('noLeadUnit')}</span>}</dd>
          <dt>{t('cardStatus')}</dt>
          <dd data-testid="card-status">
            <StatusBadge status={model.item.status} /> <span class="muted">{t('cardAsOf', { date: model.item.statusAsOf })}</span>
            {model.item.seq !== undefined && <span class="muted"> · {t('cardSeq', { n: model.item.seq })}</span>}
          </dd>
        </dl>
      ) : (
        <dl>
          <dt>{t('cardKind')}</dt>
          <dd>{unitKindKey(model.unit.kind) ? t(unitKindKey(model.unit.kind)!) : model.unit.kind}</dd>
        </dl>
      )}

      {source && (
        <p class="source" data-testid="card-source">
          {t('cardSource', { source: `${source.publisher} ${source.date}` })}{' '}
          <a href={source.url} target="_blank" rel="noreferrer noopener" aria-label={t('cardOpenSource', { source: source.publisher })} title={t('cardOpenSource', { source: source.publisher })}>
            <span aria-hidden="true">↗</span>
          </a>
        </p>
      )}
      {model.kind === 'project' && model.disagreement && (
        <p class="disagreement small" role="note" data-testid="card-disagreement">
          {t(model.disagreement.status === 'completed' ? 'cardDisagreementDone' : 'cardDisagreement', {
            phrase: model.disagreement.phrase,
            status: t(STATUS_KEYS[model.item.status]),
            date: model.item.statusAsOf,
          })}
        </p>
      )}
      {model.kind === 'project' && model.claimCheck?.verdict === 'completed-later' && model.claimCheck.completion && (
        <p class="small" role="note" data-testid="card-completed-later">
          {t('cardCompletedLater', {
            phrase: model.claimCheck.claim.phrase,
            pageDate: model.claimCheck.pageDate ?? '',
            date: model.claimCheck.completion.asOf,
          })}
        </p>
      )}
      {model.kind === 'project' && model.item.statusNote && <ChineseText class="muted small" text={model.item.statusNote} />}

      <CardReasons evidence={model.evidence} />

      {model.kind === 'project' && model.siblings.length > 0 && (
        <details>
          <summary>{t('cardSiblings')}</summary>
          <ItemStatusList items={model.siblings} />
        </details>
      )}
      {model.kind === 'unit' && (
        <details open={model.items.length <= 4}>
          <summary>{t('cardUnitProjects', { n: model.items.length })}</summary>
          <ItemStatusList items={model.items} />
        </details>
      )}

      <details class="card-legend">
        <summary>{t('legendTitle')}</summary>
        <Legend colours={colours} />
      </details>

      <div class="actions">
        <button type="button" aria-pressed={actions.followed} data-testid="card-follow" onClick={(e) => e.isTrusted && void run(actions.onToggleFollow())}>
          {actions.followed ? `★ ${t('following')}` : `☆ ${t('follow')}`}
        </button>
        <button type="button" data-testid="card-add-note" onClick={() => setNoteOpen(true)}>
          ✎ {t('addNote')}
        </button>
        {actions.noteCount > 0 && <span class="muted small">{t('noteCount', { n: actions.noteCount })}</span>}
        {savedFlash && <span role="status" class="small">{t('noteSaved')}</span>}
      </div>
      {noteOpen && (
        <InPageNoteEditor
          onCancel={() => setNoteOpen(false)}
          onSave={(body) =>
            run(
              actions.onSaveNote(body).then(() => {
                setNoteOpen(false);
                setSavedFlash(true);
              }),
            )
          }
        />
      )}
      {error && (
        <p role="alert" class="error small">
          {error}
        </p>
      )}
    </div>
  );
}

/** Projects as "序号. name [status]" lines. */
function ItemStatusList({ items }: { items: readonly Item[] }) {
  return (
    <ul class="small">
      {items.map((i) => (
        <li key={i.id}>
          {i.seq}. {i.name} <StatusBadge status={i.status} />
        </li>
      ))}
    </ul>
  );
}
