import { render } from 'preact';
import { DatasetPanel } from '../../components/DatasetPanel';
import { ExtensionPage } from '../../components/ExtensionPage';
import '../../components/page.css';

render(<ExtensionPage titleKey="appName">{(db) => <DatasetPanel db={db} />}</ExtensionPage>, document.getElementById('app')!);
