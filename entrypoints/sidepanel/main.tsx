import { render } from 'preact';
import { ExtensionPage } from '../../components/ExtensionPage';
import { Workspace } from '../../components/workspace/Workspace';
import '../../components/page.css';

render(<ExtensionPage titleKey="sidepanelTitle">{(db) => <Workspace db={db} />}</ExtensionPage>, document.getElementById('app')!);
