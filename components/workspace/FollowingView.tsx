/** Followed items and units with where they were seen lately, status changes and orphans flagged. */
import type { TargetRef } from '../../lib/types/records';
import type { LensDb } from '../../lib/db/schema';
import { acknowledgeChange, followsOverview, unfollow } from '../../lib/db/user-data';
import type { ItemStatus } from '../../lib/data/types';
import { itemLabel } from '../../lib/i18n/programme';
import { useI18n } from '../i18n';
import { StatusBadge, STATUS_KEYS } from '../StatusBadge';
import { useLiveQuery } from '../useLiveQuery';
import { SightingList } from './DetailView';

const statusWord = (s: string): s is ItemStatus => s in STATUS_KEYS;

export function FollowingView({ db, onOpen }: { db: LensDb; onOpen: (t: TargetRef) => void }) {
  const { t } = useI18n();
  const state = useLiveQuery(() => followsOverview(db), [db]);
  if (state.status !== 'ready') return <p>{t('loading')}</p>;
  const rows = state.value;
  const label = (s: string) => (statusWord(s) ? t(STATUS_KEYS[s]) : s);
  return (
    <section aria-labelledby="following-heading">
      <h2 id="following-heading" class="visually-hidden">
        {t('tabFollowing')}
      </h2>
      {rows.length === 0 && <p class="muted">{t('followingEmpty')}</p>}
      <ul class="cards">
        {rows.map((r) => {
          const name = r.item ? itemLabel(t, r.item) : r.unit ? r.unit.name : r.follow.targetId;
          return (
            <li key={r.follow.key} class={r.changed ? 'card changed' : 'card'} data-testid={`follow-${r.follow.targetId}`}>
              <h3>
                {r.orphan ? (
                  <span>{name}</span>
                ) : (
                  <button type="button" class="link" onClick={() => onOpen(r.follow.target)}>
                    {name}
                  </button>
                )}
              </h3>
              {r.orphan && <p class="flag">{t('orphanFlag')}</p>}
              {r.item && (
                <p>
                  <StatusBadge status={r.item.status} /> <span class="muted small">{t('cardAsOf', { date: r.item.statusAsOf })}</span>
                </p>
              )}
              {r.changed && (
                <p class="changed-note" role="note">
                  <strong>{t('statusChanged', { from: label(r.changed.from), to: label(r.changed.to) })}</strong>{' '}
                  <button type="button" onClick={() => void acknowledgeChange(db, r.follow.target)}>
                    {t('acknowledge')}
                  </button>
                </p>
              )}
              <p class="muted small">
                {r.sightings === 0 ? t('noSightings') : t('seenOnSites', { n: r.sites }) + ' · ' + t('sightingsCount', { n: r.sightings })}
                {r.notes > 0 && ` · ${t('noteCount', { n: r.notes })}`}
              </p>
              <SightingList sightings={r.latest} />
              <button type="button" onClick={() => void unfollow(db, r.follow.target)}>
                {t('unfollow')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
