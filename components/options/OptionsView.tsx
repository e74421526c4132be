/** The options page: language, the dataset, where it runs, how it looks, what it records, and the user's data in and out. */
import type { LensDb } from '../../lib/db/schema';
import type { Settings } from '../../lib/settings/settings';
import { DatasetPanel } from '../DatasetPanel';
import { LanguageSetting } from '../LanguageSetting';
import { ColoursSetting } from './ColoursSetting';
import { DatasetImportPanel } from './DatasetImportPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { RecordingSetting } from './RecordingSetting';
import { SitesSetting } from './SitesSetting';
import { WipePanel } from './WipePanel';
import '../workspace/workspace.css';

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
