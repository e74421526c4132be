import { render } from 'preact';
import { DatasetPanel } from '../../components/DatasetPanel';
import { ExtensionPage } from '../../components/ExtensionPage';
import { TabPanel } from '../../components/popup/TabPanel';
import '../../components/page.css';

render(
  <ExtensionPage titleKey="appName">
    {(db) => (
      <>
        <TabPanel />
        <DatasetPanel db={db} />
      </>
    )}
  </ExtensionPage>,
  document.getElementById('app')!,
);
