/**
 * What a keyboard step reached (lib/overlay/stepper.ts), said twice: aloud, by a live region
 * that stays in our shadow root whatever opens and closes, and on screen, as a line above the
 * card. Only counts and kinds are said ("Note 2 of 3"), never what the reader wrote.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import type { Reached } from '../../lib/overlay/stepper';
import type { OverlayView } from '../../lib/overlay/view-model';
import { useI18n } from '../i18n';

/** How long the live region stays empty before it speaks, ms: a change, not a region's first content, is what screen readers announce. */
export const ANNOUNCE_DELAY_MS = 100;

const KEYS = { mention: 'stepReachedMention', note: 'stepReachedNote', highlight: 'stepReachedHighlight' } as const;

export function reachedText(t: Translate, reached: Reached): string {
  return t(KEYS[reached.kind], { n: reached.n, total: reached.total });
}

export const reachedOf = (view: OverlayView): Reached | undefined => (view.kind === 'card' || view.kind === 'note' ? view.reached : undefined);

/** The live region: empty, then the words of the step just made (each step anew, even with the same words). */
export function StepAnnouncer({ view }: { view: OverlayView }) {
  const { t } = useI18n();
  const reached = reachedOf(view);
  const message = reached ? reachedText(t, reached) : '';
  const [said, setSaid] = useState('');
  useEffect(() => {
    setSaid('');
    if (!message) return;
    const id = setTimeout(() => setSaid(message), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(id);
  }, [view, message]);
  return (
    <div role="status" class="sr-only" data-testid="step-announcement">
      {said}
    </div>
  );
}

/** The same words on screen, above the card (hidden from screen readers, which hear the live region). */
export function ReachedLine({ reached }: { reached: Reached }) {
  const { t } = useI18n();
  return (
    <p class="reached" aria-hidden="true" data-testid="step-reached">
      {reachedText(t, reached)}
    </p>
  );
}
