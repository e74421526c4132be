/** Where items were seen, newest first, across sites; filter by item and by site. */
import { useState } from 'preact/hooks';
import type { LensDb } from '../../lib/db/schema';
import { sightedTargets, sightingSites, sightingsTimeline } from '../../lib/db/sightings';
import { targetNames } from '../../lib/db/user-data';
import { itemLabel } from '../../lib/i18n/programme';
import { useI18n } from '../i18n';
import { useLiveQuery } from '../useLiveQuery';
import { SightingList } from './DetailView';

export function SightingsView({ db }: { db: LensDb }) {
  const { t, locale } = useI18n();
  const [targetId, setTargetId] = useState('');
  const [site, setSite] = useState('');
  const state = useLiveQuery(async () => {
    const [rows, sites, targets] = await Promise.all([sightingsTimeline(db, { targetId: targetId || undefined, site: site || undefined }), sightingSites(db), sightedTargets(db)]);
    // Ids are unique across items and units, so asking both tables is safe.
    const refs = targets.flatMap((id) => [{ kind: 'item' as const, id }, { kind: 'unit' as const, id }]);
    return { rows, sites, targets, names: await targetNames(db, refs, (i) => itemLabel(t, i)) };
  }, [db, targetId, site, locale]);
  return (
    <section aria-labelledby="sightings-heading">
      <h2 id="sightings-heading" class="visually-hidden">
        {t('tabSightings')}
      </h2>
      <div class="toolbar">
        <label>
          {t('filterItem')}{' '}
          <select value={targetId} onChange={(e) => setTargetId(e.currentTarget.value)}>
            <option value="">{t('allItems')}</option>
            {state.status === 'ready' &&
              state.value.targets.map((id) => (
                <option key={id} value={id}>
                  {state.value.names.get(id) ?? id}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('filterSite')}{' '}
          <select value={site} onChange={(e) => setSite(e.currentTarget.value)}>
            <option value="">{t('allSitesFilter')}</option>
            {state.status === 'ready' &&
              state.value.sites.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
          </select>
        </label>
      </div>
      {state.status === 'ready' && state.value.rows.length === 0 && <p class="muted">{t('sightingsEmpty')}</p>}
      {state.status === 'ready' && <SightingList sightings={state.value.rows} names={state.value.names} />}
    </section>
  );
}
