/**
 * Highlight colours, checked against WCAG: a background/text pair under 4.5:1 is shown with a
 * warning and not saved, so a page's text never becomes hard to read under our marks.
 */
import { useState } from 'preact/hooks';
import { contrastRatio, MIN_CONTRAST } from '../../lib/settings/contrast';
import { DEFAULT_HIGHLIGHT_COLOURS, type HighlightColour, type HighlightColours, type Settings } from '../../lib/settings/settings';
import { saveSettings } from '../../lib/settings/store';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../i18n';

const KINDS: readonly [keyof HighlightColours, MessageKey, string][] = [
  ['project', 'colourProject', '微车管所'],
  ['unit', 'colourUnit', '公安局'],
];

export function ColoursSetting({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<HighlightColours>(settings.highlightColours);
  const change = (kind: keyof HighlightColours, patch: Partial<HighlightColour>) => {
    const next = { ...draft, [kind]: { ...draft[kind], ...patch } };
    setDraft(next);
    const c = next[kind];
    if (contrastRatio(c.text, c.background) >= MIN_CONTRAST) void saveSettings({ highlightColours: { ...settings.highlightColours, [kind]: c } });
  };
  return (
    <section class="setting-section" aria-labelledby="colours-heading">
      <h2 id="colours-heading">{t('sectionColours')}</h2>
      {KINDS.map(([kind, label, sample]) => {
        const c = draft[kind];
        const ratio = contrastRatio(c.text, c.background);
        const ok = ratio >= MIN_CONTRAST;
        return (
          <fieldset key={kind} class="colour">
            <legend>{t(label)}</legend>
            <label>
              {t('colourBackground')} <input type="color" value={c.background} onInput={(e) => change(kind, { background: e.currentTarget.value })} />
            </label>
            <label>
              {t('colourText')} <input type="color" value={c.text} onInput={(e) => change(kind, { text: e.currentTarget.value })} />
            </label>
            <span class="swatch" style={{ background: c.background, color: c.text }}>
              {sample}
            </span>
            <span class={ok ? 'muted small' : 'warn small'} data-testid={`contrast-${kind}`}>
              {t('contrastRatio', { ratio: ratio.toFixed(1) })}
            </span>
            {!ok && <p role="alert">{t('contrastTooLow')}</p>}
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() => {
          setDraft(DEFAULT_HIGHLIGHT_COLOURS);
          void saveSettings({ highlightColours: DEFAULT_HIGHLIGHT_COLOURS });
        }}
      >
        {t('resetColours')}
      </button>
    </section>
  );
}
