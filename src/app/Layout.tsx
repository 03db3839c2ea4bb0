import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { openSelfReportCount } from '../db/queries/selfReports';
import { BrandIcon } from './BrandIcon';
import { DemoBanner } from '../features/settings/DemoBanner';
import { useDeps } from './DepsContext';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { hrefOf, type Route } from './routes';
import { StatusBar } from './status/StatusBar';
import { useRoute } from './useRoute';

const NAV: { route: Route; key: string; match: Route['name'][]; testId?: string }[] = [
  {
    route: { name: 'organisations' },
    key: 'nav.organisations',
    match: ['organisations', 'organisation', 'organisationEdit', 'organisationNew', 'needsHistory'],
  },
  {
    route: { name: 'visitNew', organisationId: null, draftId: null },
    key: 'nav.newVisit',
    match: ['visitNew'],
  },
  { route: { name: 'followUps' }, key: 'nav.followUps', match: ['followUps'] },
  { route: { name: 'drafts' }, key: 'nav.drafts', match: ['drafts'] },
  {
    route: { name: 'selfReports' },
    key: 'review:nav',
    match: ['selfReports', 'selfReportReview'],
    testId: 'nav-self-reports',
  },
  { route: { name: 'settings' }, key: 'nav.settings', match: ['settings'] },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const route = useRoute();
  const { db } = useDeps();
  const drafts = useLiveQuery(() => db.drafts.count(), [db]) ?? 0;
  const selfReports = useLiveQuery(() => openSelfReportCount(db), [db]) ?? 0;
  const badges: Record<string, number> = { 'nav.drafts': drafts, 'review:nav': selfReports };
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The location hash is the app's route: "#main" would open the "not found" screen.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <BrandIcon size={32} />
          <span>{t('appName')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {NAV.map((item) => (
              <li key={item.key}>
                <a
                  href={hrefOf(item.route)}
                  className="nav-link"
                  data-testid={item.testId}
                  aria-current={item.match.includes(route.name) ? 'page' : undefined}
                >
                  {t(item.key)}
                  {badges[item.key] ? <span className="badge">{badges[item.key]}</span> : null}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <StatusBar />
      </header>
      <DemoBanner />
      <UpdatePrompt />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
