import { render } from 'preact';
import { DatasetPanel } from '../../components/DatasetPanel';
import { ExtensionPage } from '../../components/ExtensionPage';
import { LanguageSetting } from '../../components/LanguageSetting';
import '../../components/page.css';

render(
  <ExtensionPage titleKey="optionsTitle">
    {(db, settings) => (
      <>
        <LanguageSetting locale={settings.locale} />
        <DatasetPanel db={db} />
      </>
    )}
  </ExtensionPage>,
  document.getElementById('app')!,
);
