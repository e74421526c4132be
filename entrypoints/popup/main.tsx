import { render } from 'preact';
import { DatasetFold } from '../../components/DatasetFold';
import { ExtensionPage } from '../../components/ExtensionPage';
import { TabPanel } from '../../components/popup/TabPanel';
import '../../components/page.css';

render(
  <ExtensionPage titleKey="appName">
    {(db) => (
      <>
        <TabPanel />
        <DatasetFold db={db} view="popup" openByDefault={false} />
      </>
    )}
  </ExtensionPage>,
  document.getElementById('app')!,
);
