import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationListScreen } from '../features/organisations/OrganisationListScreen';
import { Layout } from './Layout';
import { NamespacesReady } from './NamespacesReady';
import { useRoute } from './useRoute';

const OrganisationProfileScreen = lazy(
  () => import('../features/organisations/OrganisationProfileScreen'),
);
const OrganisationEditScreen = lazy(
  () => import('../features/organisations/OrganisationEditScreen'),
);
const NeedsHistoryScreen = lazy(() => import('../features/needs/NeedsHistoryScreen'));
const VisitScreen = lazy(() => import('../features/visits/VisitScreen'));
const FollowUpsScreen = lazy(() => import('../features/followUps/FollowUpsScreen'));
const DraftsScreen = lazy(() => import('../features/drafts/DraftsScreen'));
const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen'));
const LoginScreen = lazy(() => import('../features/account/LoginScreen'));
const SyncScreen = lazy(() => import('../features/sync/SyncScreen'));
const ConflictsScreen = lazy(() => import('../features/conflicts/ConflictsScreen'));
const SelfReportQueueScreen = lazy(() => import('../features/review/SelfReportQueueScreen'));
const SelfReportReviewScreen = lazy(() => import('../features/review/SelfReportReviewScreen'));
const SelfReportScreen = lazy(() => import('../features/selfReport/SelfReportScreen'));

function Screen() {
  const route = useRoute();
  const { t } = useTranslation();
  switch (route.name) {
    case 'organisations':
      return <OrganisationListScreen />;
    case 'organisationNew':
      return <OrganisationEditScreen organisationId={null} />;
    case 'organisation':
      return <OrganisationProfileScreen organisationId={route.id} />;
    case 'organisationEdit':
      return <OrganisationEditScreen organisationId={route.id} />;
    case 'needsHistory':
      return <NeedsHistoryScreen organisationId={route.id} />;
    case 'visitNew':
      return <VisitScreen organisationId={route.organisationId} draftId={route.draftId} />;
    case 'followUps':
      return <FollowUpsScreen />;
    case 'drafts':
      return <DraftsScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'login':
      return <LoginScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'conflicts':
      return <ConflictsScreen />;
    case 'selfReports':
      return <SelfReportQueueScreen />;
    case 'selfReportReview':
      return <SelfReportReviewScreen selfReportId={route.id} />;
    case 'selfReport':
      // Rendered by SelfReportApp, outside the coordinator's layout; see below.
      return null;
    case 'notFound':
      return <p>{t('notFound')}</p>;
  }
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  if (route.name === 'selfReport') {
    // The representative's page (e.g. the coordinator opened the link on this tablet):
    // its own plain layout, no coordinator navigation.
    return (
      <Suspense fallback={<p className="loading">{t('loading')}</p>}>
        <NamespacesReady>
          <SelfReportScreen token={route.token} />
        </NamespacesReady>
      </Suspense>
    );
  }
  return (
    <Layout>
      <Suspense fallback={<p className="loading">{t('loading')}</p>}>
        <NamespacesReady>
          <Screen />
        </NamespacesReady>
      </Suspense>
    </Layout>
  );
}
