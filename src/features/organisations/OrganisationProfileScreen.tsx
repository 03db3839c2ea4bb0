import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../app/DepsContext';
import { hrefOf } from '../../app/routes';
import { PageHeader } from '../../app/ui/PageHeader';
import { organisationProfilePage } from '../../db/queries/organisationProfilePage';
import { todayIso } from '../../domain/organisationStatus';
import { InvitationPanel } from '../invitations/InvitationPanel';
import { ContactList } from './contacts/ContactList';
import { AtAGlance } from './profile/AtAGlance';
import { ProfileSections } from './profile/ProfileSections';
import { selfReportLanguage } from './profile/ProvenanceLine';
import { VISIT_PAGE_SIZE, VisitList } from './profile/VisitList';
import { useSavedNotice } from './savedNotice';
import './organisations.css';
import './profile/profileCards.css';
import { OrganisationUnavailable } from './OrganisationUnavailable';

/** One organisation: at a glance on top, then every profile section, visits and contacts. */
export default function OrganisationProfileScreen({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation(['organisations', 'common']);
  const deps = useDeps();
  // Only the visits shown are read; "show older visits" raises the limit by a page.
  const [visitLimit, setVisitLimit] = useState(VISIT_PAGE_SIZE);
  const profile = useLiveQuery(
    () => organisationProfilePage(deps.db, organisationId, visitLimit),
    [deps.db, organisationId, visitLimit],
  );
  // "Saved" is confirmed here, once, after the editor's commit.
  const [justSaved] = useState(() => useSavedNotice.getState().organisationId === organisationId);
  useEffect(() => {
    if (justSaved) useSavedNotice.getState().clear();
  }, [justSaved]);

  if (!profile) return <p className="loading">{t('common:loading')}</p>;
  const org = profile.organisation;
  if (!org || org.deleted) {
    return <OrganisationUnavailable deleted={Boolean(org)} />;
  }

  return (
    <article className="org-profile" aria-labelledby="profile-name">
      <PageHeader
        title={
          <span id="profile-name" data-testid="profile-name">
            <bdi>{org.name}</bdi>
          </span>
        }
      >
        <a className="button" href={hrefOf({ name: 'organisationEdit', id: org.id })}>
          {t('organisations:profile.edit')}
        </a>
        <a className="button" href={hrefOf({ name: 'needsHistory', id: org.id })}>
          {t('organisations:profile.needsHistory')}
        </a>
        <a
          className="button primary"
          href={hrefOf({ name: 'visitNew', organisationId: org.id, draftId: null })}
        >
          {t('organisations:profile.recordVisit')}
        </a>
      </PageHeader>
      {org.originalName || org.shortName ? (
        <p className="profile-subtitle">
          {org.originalName ? (
            <span
              dir="auto"
              lang={selfReportLanguage(org.provenance.names)}
              className="original-name"
            >
              {org.originalName}
            </span>
          ) : null}
          {org.originalName && org.shortName ? ' · ' : null}
          {org.shortName ? <bdi>{org.shortName}</bdi> : null}
        </p>
      ) : null}
      <p role="status" className="saved-message">
        {justSaved ? t('common:form.saved') : ''}
      </p>
      <AtAGlance
        org={org}
        lastVisit={profile.visits[0]?.date ?? null}
        followUps={profile.followUps}
        today={todayIso(deps.now())}
      />
      <div className="profile-columns">
        <div>
          <ContactList organisationId={org.id} contacts={profile.contacts} />
          <InvitationPanel org={org} />
          <VisitList
            visits={profile.visits}
            total={profile.visitCount}
            referrals={profile.referrals}
            onShowOlder={() => setVisitLimit(profile.visits.length + VISIT_PAGE_SIZE)}
          />
        </div>
        <ProfileSections org={org} />
      </div>
    </article>
  );
}
