/** The options page: language, the dataset, where it runs, how it looks, what it records, and the user's data in and out. */
import type { LensDb } from '../../lib/db/schema';
import type { Settings } from '../../lib/settings/settings';
import { DatasetPanel } from '../DatasetPanel';
import { LanguageSetting } from '../LanguageSetting';
import { ColoursSetting } from './options/ColoursSetting';
import { DatasetImportPanel } from './options/DatasetImportPanel';
import { ExportPanel } from './options/ExportPanel';
import { ImportPanel } from './options/ImportPanel';
import { RecordingSetting } from './options/RecordingSetting';
import { SitesSetting } from './options/SitesSetting';
import { WipePanel } from './options/WipePanel';
import './workspace.css';

export function OptionsView({ db, settings }: { db: LensDb; settings: Settings }) {
  return (
    <div class="options">
      <LanguageSetting locale={settings.locale} />
      <DatasetPanel db={db} />
      <SitesSetting settings={settings} />
      <ColoursSetting settings={settings} />
      <RecordingSetting settings={settings} />
      <ExportPanel db={db} />
      <ImportPanel db={db} />
      <DatasetImportPanel db={db} />
      <WipePanel db={db} />
    </div>
  );
}
