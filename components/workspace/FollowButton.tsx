/** Follow / unfollow a project or unit; a toggle button so screen readers announce its state. */
import { follow, unfollow } from '../../lib/db/user-data';
import { followKey } from '../../lib/db/keys';
import type { TargetRef } from '../../lib/types/records';
import type { LensDb } from '../../lib/db/schema';
import { useI18n } from '../i18n';
import { useLiveQuery } from '../useLiveQuery';

export function FollowButton({ db, target }: { db: LensDb; target: TargetRef }) {
  const { t } = useI18n();
  const state = useLiveQuery(() => db.follows.get(followKey(target)), [db, target.kind, target.id]);
  const followed = state.status === 'ready' && state.value !== undefined;
  return (
    <button
      type="button"
      class={followed ? 'follow on' : 'follow'}
      aria-pressed={followed}
      disabled={state.status !== 'ready'}
      onClick={() => void (followed ? unfollow(db, target) : follow(db, target))}
    >
      {followed ? `★ ${t('following')}` : `☆ ${t('follow')}`}
    </button>
  );
}
