import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../app/DepsContext';
import { hrefOf } from '../../app/routes';
import type { Draft } from '../../db/database';
import {
  latestNewOrganisationDraft,
  organisationEditorData,
  type OrganisationEditorData,
} from '../../db/queries/organisationProfile';
import { newOrganisation } from '../../domain/organisation';
import { OrganisationEditor } from './editor/OrganisationEditor';
import { ORGANISATION_DRAFT_PREFIX, organisationDraftId } from './organisationForm';
import './organisations.css';

/** Creates (organisationId null) or edits an organisation profile. */
export default function OrganisationEditScreen({
  organisationId,
}: {
  organisationId: string | null;
}) {
  return organisationId ? (
    <ExistingEditor key={organisationId} organisationId={organisationId} />
  ) : (
    <NewEditor />
  );
}

function NewEditor() {
  const { t } = useTranslation('common');
  const deps = useDeps();
  const loaded = useLiveQuery(() => latestNewOrganisationDraft(deps.db), [deps.db]);
  // A new profile left unfinished is picked up again; otherwise a fresh draft key.
  const [start, setStart] = useState<{ draft: Draft | null } | null>(null);
  if (loaded !== undefined && !start) setStart({ draft: loaded });
  const [fresh] = useState(() => ({
    template: newOrganisation(deps.newId(), deps.now().toISOString()),
    key: `new-${deps.newId()}`,
  }));
  if (!start) return <p className="loading">{t('loading')}</p>;
  const draftKey = start.draft ? start.draft.id.slice(ORGANISATION_DRAFT_PREFIX.length) : fresh.key;
  return (
    <OrganisationEditor start={fresh.template} isNew draftKey={draftKey} restored={start.draft} />
  );
}

function ExistingEditor({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation(['organisations', 'common']);
  const deps = useDeps();
  const loaded = useLiveQuery(
    () => organisationEditorData(deps.db, organisationId, organisationDraftId(organisationId)),
    [deps.db, organisationId],
  );
  // The editor starts from what was stored when it opened; later changes are merged on save.
  const [data, setData] = useState<OrganisationEditorData | null>(null);
  if (loaded && !data) setData(loaded);
  const [template] = useState(() => newOrganisation(deps.newId(), deps.now().toISOString()));

  if (!data) return <p className="loading">{t('common:loading')}</p>;
  const { organisation, draft } = data;
  if (organisation?.deleted) {
    return <Gone message={t('organisations:profile.deleted')} />;
  }
  if (organisation) {
    return (
      <OrganisationEditor
        start={organisation}
        isNew={false}
        draftKey={organisation.id}
        restored={draft?.kind === 'organisation' ? draft : null}
      />
    );
  }
  // No record yet: the id may name the draft of a new organisation (opened from the drafts list).
  if (draft?.kind === 'organisation') {
    return <OrganisationEditor start={template} isNew draftKey={organisationId} restored={draft} />;
  }
  return <Gone message={t('organisations:profile.notFound')} />;
}

function Gone({ message }: { message: string }) {
  const { t } = useTranslation('organisations');
  return (
    <div className="card" role="alert">
      <p>{message}</p>
      <a className="button" href={hrefOf({ name: 'organisations' })}>
        {t('profile.backToList')}
      </a>
    </div>
  );
}
