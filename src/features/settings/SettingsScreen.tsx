import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/ui/PageHeader';
import { version } from '../../../package.json';
import { DemoDataSection } from './DemoDataSection';
import { LanguagePicker } from './LanguagePicker';
import { ReferenceDataEditor } from './ReferenceDataEditor';
import { StorageSection } from './StorageSection';
import './settings.css';

/** Language, storage, demo data and the editable selection lists. */
export default function SettingsScreen() {
  const { t } = useTranslation(['settings']);
  return (
    <section className="settings" aria-labelledby="settings-title">
      <PageHeader title={<span id="settings-title">{t('settings:title')}</span>} />
      <LanguagePicker />
      <StorageSection />
      <DemoDataSection />
      <ReferenceDataEditor />
      <p className="muted settings-about" data-testid="app-version">
        {t('settings:about.version', { version })}
      </p>
    </section>
  );
}
