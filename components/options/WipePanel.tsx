/** Deleting all of one's notes, follows and sightings: two steps, and a nudge to back up first. */
import { useState } from 'preact/hooks';
import type { LensDb } from '../../lib/db/schema';
import { wipeUserData } from '../../lib/export/import';
import { useI18n } from '../i18n';

export function WipePanel({ db }: { db: LensDb }) {
  const { t } = useI18n();
  const [armed, setArmed] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <section class="setting-section" aria-labelledby="wipe-heading">
      <h2 id="wipe-heading">{t('sectionWipe')}</h2>
      {!armed ? (
        <button type="button" onClick={() => (setArmed(true), setDone(false))}>
          {t('wipeAll')}
        </button>
      ) : (
        <div class="row" role="group" aria-label={t('sectionWipe')}>
          <button type="button" class="danger" data-testid="wipe-confirm" onClick={() => void wipeUserData(db).then(() => (setArmed(false), setDone(true)))}>
            {t('wipeConfirm')}
          </button>
          <button type="button" onClick={() => setArmed(false)}>
            {t('noteCancel')}
          </button>
        </div>
      )}
      {done && <p role="status">{t('wipeDone')}</p>}
    </section>
  );
}
