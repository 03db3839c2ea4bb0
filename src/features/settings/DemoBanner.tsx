import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { demoDataSetting } from '../../db/queries/settings';
import { useDeps } from '../../app/DepsContext';
import { hrefOf } from '../../app/routes';
import './demoBanner.css';

/** Shown on every screen while demo data is loaded, so made-up records are never taken for real. */
export function DemoBanner() {
  const { t } = useTranslation(['settings']);
  const { db } = useDeps();
  const demo = useLiveQuery(() => demoDataSetting(db), [db]);
  if (!demo) return null;
  return (
    // A landmark of its own (it sits between the header and the main content), named by its text.
    <aside className="demo-banner" aria-labelledby="demo-banner-text" data-testid="demo-banner">
      <span id="demo-banner-text">{t('settings:demo.banner')}</span>{' '}
      <a href={hrefOf({ name: 'settings' })}>{t('settings:demo.bannerLink')}</a>
    </aside>
  );
}
