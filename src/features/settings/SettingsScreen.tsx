import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/ui/PageHeader';
import { version } from '../../../package.json';
import { AccountSection } from '../account/AccountSection';
import { ResetDeviceSection } from '../account/ResetDeviceSection';
import { DemoDataSection } from './DemoDataSection';
import { DeviceTransferSection } from './DeviceTransferSection';
import { LanguagePicker } from './LanguagePicker';
import { ReferenceDataEditor } from './ReferenceDataEditor';
import { StorageSection } from './StorageSection';
import './settings.css';

/** Account, language, storage, demo data, the editable selection lists and device reset. */
export default function SettingsScreen() {
  const { t } = useTranslation(['settings']);
  return (
    <section className="settings" aria-labelledby="settings-title">
      <PageHeader title={<span id="settings-title">{t('settings:title')}</span>} />
      <AccountSection />
      <LanguagePicker />
      <StorageSection />
      <DeviceTransferSection />
      <DemoDataSection />
      <ReferenceDataEditor />
      <ResetDeviceSection />
      <p className="muted settings-about" data-testid="app-version">
        {t('settings:about.version', { version })}
      </p>
    </section>
  );
}
