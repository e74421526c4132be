/**
 * The colour key: what each highlight on the page means. Shown in the popup and in the card;
 * the swatches use the reader's own colours for projects and units (options), the fixed ones
 * for open projects, follows and notes (components/overlay/highlights.css).
 */
import { DEFAULT_HIGHLIGHT_COLOURS, type HighlightColours } from '../lib/settings/settings';
import type { MessageKey } from '../lib/i18n';
import { useI18n } from './i18n';

/** The fixed colours of highlights.css (a test keeps them equal). */
export const FIXED_SWATCHES = {
  open: { background: '#ffe2a8', text: '#2e1c00' },
  note: { background: '#fff59d', text: '#1f1b00' },
  followed: '#b3261e',
} as const;

export function Legend({ colours = DEFAULT_HIGHLIGHT_COLOURS, compact = false }: { colours?: HighlightColours; compact?: boolean }) {
  const { t } = useI18n();
  const entries: [MessageKey, Record<string, string>][] = [
    ['legendUnit', { backgroundColor: colours.unit.background, color: colours.unit.text }],
    ['legendDone', { backgroundColor: colours.project.background, color: colours.project.text }],
    ['legendOpen', { backgroundColor: FIXED_SWATCHES.open.background, color: FIXED_SWATCHES.open.text }],
    ['legendFollowed', { textDecoration: `underline 2px solid ${FIXED_SWATCHES.followed}` }],
    ['legendNote', { backgroundColor: FIXED_SWATCHES.note.background, color: FIXED_SWATCHES.note.text, textDecoration: 'underline 2px dotted #8a6d00' }],
  ];
  return (
    <ul class={compact ? 'legend compact' : 'legend'} aria-label={t('legendTitle')} data-testid="legend">
      {entries.map(([key, style]) => (
        <li key={key}>
          <span class="swatch" style={style} aria-hidden="true">
            {t('legendSample')}
          </span>{' '}
          {t(key)}
        </li>
      ))}
    </ul>
  );
}
