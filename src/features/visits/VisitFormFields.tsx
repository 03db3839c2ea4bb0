import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../domain/organisation';
import { todayIso } from '../../domain/organisationStatus';
import type { FieldError } from '../../domain/validation';
import { useDeps } from '../../app/DepsContext';
import { TextField } from '../../app/ui/TextField';
import { ChecklistEditor } from '../needs/ChecklistEditor';
import { FollowUpsEditor } from './FollowUpsEditor';
import { OrganisationPicker } from './OrganisationPicker';
import { ReferralsEditor } from './ReferralsEditor';
import { checklistOf } from './toVisitInput';
import { VisitDetailsFields } from './VisitDetailsFields';
import { addDays, type VisitFormAction, type VisitFormState } from './visitFormState';

/** Every field id starts with this; the rest is the error path with dots replaced by dashes. */
export const VISIT_FIELD_ID = 'vf-';
const ID = VISIT_FIELD_ID;
const FOLLOW_UP_DAYS = 14;

interface Props {
  state: VisitFormState;
  /** Undefined while they are loading. */
  organisations: readonly Organisation[] | undefined;
  org: Organisation | null;
  errors: readonly FieldError[];
  /** Must keep its identity: the fields render again only when what they show changes. */
  update: (action: VisitFormAction) => void;
}

const focusLater = (id: string): void => {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
};

/**
 * Every section of the visit form. Memoised: "save" (saving, then saved) changes only the form's
 * button and status line, so these sections, with their hundreds of inputs, are not rendered
 * again for it.
 */
export const VisitFormFields = memo(function VisitFormFields({
  state,
  organisations,
  org,
  errors,
  update,
}: Props) {
  const { t } = useTranslation(['visits', 'needs', 'common']);
  const deps = useDeps();
  const errorOf = (path: string): string | undefined => errors.find((e) => e.path === path)?.key;
  const { before, value } = useMemo(() => checklistOf(state, org), [state, org]);
  const checklistErrors = useMemo(
    () =>
      errors
        .filter((e) => e.path.startsWith('checklist.'))
        .map((e) => ({ ...e, path: e.path.slice('checklist.'.length) })),
    [errors],
  );

  return (
    <>
      <section className="card" aria-labelledby="visit-sec-org">
        <h2 id="visit-sec-org">{t('visits:sections.organisation')}</h2>
        <OrganisationPicker
          organisations={organisations}
          selected={org}
          selectedId={state.organisationId}
          onSelect={(id) => update({ type: 'organisation', id })}
          newOrgName={state.newOrgName}
          newOrgDistrict={state.newOrgDistrict}
          onNewOrgChange={(field, v) => update({ type: 'text', field, value: v })}
          error={errorOf('visit.organisationId')}
          inputId={`${ID}visit-organisationId`}
          idPrefix={ID}
        />
      </section>

      <section className="card" aria-labelledby="visit-sec-details">
        <h2 id="visit-sec-details">{t('visits:sections.details')}</h2>
        <VisitDetailsFields state={state} update={update} errors={errors} idPrefix={ID} />
      </section>

      <section className="card" aria-labelledby="visit-sec-needs" id={`${ID}checklist`}>
        <h2 id="visit-sec-needs">{t('visits:sections.needs')}</h2>
        {org ? (
          <>
            <p className="field-hint">{t('visits:needs.intro')}</p>
            <ChecklistEditor
              value={value}
              before={before}
              onChange={(next) => update({ type: 'checklist', before, value: next })}
              idPrefix={`${ID}checklist-`}
              errors={checklistErrors}
            />
          </>
        ) : (
          <p className="muted">{t('visits:needs.chooseOrgFirst')}</p>
        )}
      </section>

      <section className="card" aria-labelledby="visit-sec-referrals">
        <h2 id="visit-sec-referrals">{t('visits:sections.referrals')}</h2>
        <ReferralsEditor
          rows={state.referrals}
          errors={errors}
          idPrefix={ID}
          onAdd={() => {
            update({ type: 'addReferral', key: deps.newId() });
            focusLater(`${ID}referrals-${state.referrals.length}-targetId`);
          }}
          onChange={(key, patch) => update({ type: 'updateReferral', key, patch })}
          onRemove={(key) => update({ type: 'removeReferral', key })}
        />
      </section>

      <section className="card" aria-labelledby="visit-sec-follow-ups">
        <h2 id="visit-sec-follow-ups">{t('visits:sections.followUps')}</h2>
        <FollowUpsEditor
          rows={state.followUps}
          errors={errors}
          idPrefix={ID}
          onAdd={() => {
            update({
              type: 'addFollowUp',
              key: deps.newId(),
              dueDate: addDays(todayIso(deps.now()), FOLLOW_UP_DAYS),
            });
            focusLater(`${ID}followUps-${state.followUps.length}-what`);
          }}
          onChange={(key, patch) => update({ type: 'updateFollowUp', key, patch })}
          onRemove={(key) => update({ type: 'removeFollowUp', key })}
        />
      </section>

      <section className="card" aria-labelledby="visit-sec-notes">
        <h2 id="visit-sec-notes">{t('visits:sections.notes')}</h2>
        <TextField
          id={`${ID}visit-notes`}
          label={t('visits:fields.notes')}
          value={state.notes}
          multiline
          error={errorOf('visit.notes')}
          onChange={(v) => update({ type: 'text', field: 'notes', value: v })}
        />
        <TextField
          id={`${ID}visit-handedOver`}
          label={t('visits:fields.handedOver')}
          hint={t('visits:fields.handedOverHint')}
          value={state.handedOver}
          multiline
          error={errorOf('visit.handedOver')}
          onChange={(v) => update({ type: 'text', field: 'handedOver', value: v })}
        />
      </section>
    </>
  );
});
