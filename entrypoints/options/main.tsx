import { render } from 'preact';
import { ExtensionPage } from '../../components/ExtensionPage';
import { OptionsView } from '../../components/options/OptionsView';
import '../../components/page.css';

render(<ExtensionPage titleKey="optionsTitle">{(db, settings) => <OptionsView db={db} settings={settings} />}</ExtensionPage>, document.getElementById('app')!);
