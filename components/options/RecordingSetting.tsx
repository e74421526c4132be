/** Which mentions leave a sighting, and how highlights are drawn. */
import { SIGHTINGS_MODES, type Settings, type SightingsMode } from '../../lib/settings/settings';
import { saveSettings } from '../../lib/settings/store';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../i18n';

const LABELS: Record<SightingsMode, MessageKey> = { all: 'sightingsAll', followed: 'sightingsFollowed', off: 'sightingsOff' };

export function RecordingSetting({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  return (
    <section class="setting-section" aria-labelledby="recording-heading">
      <h2 id="recording-heading">{t('sectionSightings')}</h2>
      <fieldset>
        <legend>{t('sightingsLegend')}</legend>
        {SIGHTINGS_MODES.map((m) => (
          <label key={m} class="check">
            <input type="radio" name="sightings-mode" value={m} checked={settings.sightingsMode === m} onChange={() => void saveSettings({ sightingsMode: m })} /> {t(LABELS[m])}
          </label>
        ))}
      </fieldset>
      <p class="muted small">{t('sightingsHelp')}</p>
      <label class="check">
        <input type="checkbox" checked={settings.wrapHighlights} onChange={(e) => void saveSettings({ wrapHighlights: e.currentTarget.checked })} /> {t('wrapHighlights')}
      </label>
    </section>
  );
}
