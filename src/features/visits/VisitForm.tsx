import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changedItems } from '../../domain/checklist';
import { todayIso } from '../../domain/organisationStatus';
import type { FieldError } from '../../domain/validation';
import { validateVisitInput } from '../../domain/visitInput';
import { visitableOrganisations } from '../../db/queries/visitContext';
import { saveVisit } from '../../db/repositories/visits';
import { ValidationError } from '../../db/validationError';
import { useDeps } from '../../app/DepsContext';
import { hrefOf } from '../../app/routes';
import { ErrorSummary } from '../../app/ui/ErrorSummary';
import { PageHeader } from '../../app/ui/PageHeader';
import { TextField } from '../../app/ui/TextField';
import { useFormatters } from '../../app/ui/useFormatters';
import { navigate } from '../../app/useRoute';
import { ChecklistEditor } from '../needs/ChecklistEditor';
import { FollowUpsEditor } from './FollowUpsEditor';
import { OrganisationPicker } from './OrganisationPicker';
import { ReferralsEditor } from './ReferralsEditor';
import { checklistOf, onePerPath, toVisitInput, visitFormErrors } from './toVisitInput';
import { useDraftAutosave } from './useDraftAutosave';
import { VisitDetailsFields } from './VisitDetailsFields';
import {
  addDays,
  visitFormReducer,
  type VisitFormAction,
  type VisitFormState,
} from './visitFormState';
import './visits.css';

/** Every field id starts with this; the rest is the error path with dots replaced by dashes. */
const ID = 'vf-';
const FOLLOW_UP_DAYS = 14;
const NAVIGATE_AFTER_SAVE_MS = 700;

export interface VisitFormNotice {
  key: string;
  /** A timestamp to show in the message (ISO). */
  at?: string;
}

interface Props {
  draftId: string;
  initial: VisitFormState;
  notice: VisitFormNotice | null;
}

type Phase = 'editing' | 'saving' | 'saved';

function storageMessage(e: unknown): string | null {
  if (e instanceof Error && /quota/i.test(`${e.name} ${e.message}`)) return 'errors.storageFailed';
  return null;
}

export function VisitForm({ draftId, initial, notice }: Props) {
  const { t } = useTranslation(['visits', 'needs', 'common']);
  const fmt = useFormatters();
  const deps = useDeps();
  const { db } = deps;
  const [state, dispatch] = useReducer(visitFormReducer, initial);
  const [dirty, setDirty] = useState(false);
  const [phase, setPhase] = useState<Phase>('editing');
  /** Fields that had a problem at the last "save": shown until corrected. */
  const [flaggedPaths, setFlaggedPaths] = useState<readonly string[]>([]);
  const [repoErrors, setRepoErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [savedOrgId, setSavedOrgId] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const organisations = useLiveQuery(() => visitableOrganisations(db), [db]);
  const org = organisations?.find((o) => o.id === state.organisationId) ?? null;
  const orgMissing = organisations !== undefined && state.organisationId !== '' && org === null;

  const update = (action: VisitFormAction): void => {
    dispatch(action);
    setDirty(true);
  };

  // After "save", each flagged field's message follows the form and disappears once corrected;
  // problems in fields added later wait for the next "save".
  const errors = useMemo((): FieldError[] => {
    if (flaggedPaths.length === 0) return repoErrors;
    const current = visitFormErrors(state, org, orgMissing);
    return onePerPath([...current.filter((e) => flaggedPaths.includes(e.path)), ...repoErrors]);
  }, [flaggedPaths, state, org, orgMissing, repoErrors]);

  const checklistErrors = useMemo(
    () =>
      errors
        .filter((e) => e.path.startsWith('checklist.'))
        .map((e) => ({ ...e, path: e.path.slice('checklist.'.length) })),
    [errors],
  );

  const title = org ? org.name : t('visits:draftTitleNew');
  const snapshot = useMemo(
    () => (dirty && phase === 'editing' ? { title, data: state } : null),
    [dirty, phase, title, state],
  );
  const autosave = useDraftAutosave(deps, draftId, 'visit', snapshot);

  // Once the draft exists, the address points at it: a reload (e.g. an app update) restores it.
  useEffect(() => {
    if (autosave.status !== 'saved' || phase !== 'editing') return;
    const target = hrefOf({ name: 'visitNew', organisationId: null, draftId });
    if (window.location.hash !== target) window.location.replace(target);
  }, [autosave.status, draftId, phase]);

  useEffect(() => {
    if (savedOrgId === null) return;
    const timer = setTimeout(
      () => navigate({ name: 'organisation', id: savedOrgId }),
      NAVIGATE_AFTER_SAVE_MS,
    );
    return () => clearTimeout(timer);
  }, [savedOrgId]);

  const focusSummary = (): void => {
    requestAnimationFrame(() => {
      summaryRef.current?.focus({ preventScroll: true });
      // The summary sits at the top of the page; scrolling to it would hide it under the header.
      window.scrollTo({ top: 0 });
    });
  };

  const focusLater = (id: string): void => {
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  };

  const save = async (): Promise<void> => {
    if (phase !== 'editing') return;
    setRepoErrors([]);
    setFailure(null);
    const problems = visitFormErrors(state, org, orgMissing);
    setFlaggedPaths(problems.map((e) => e.path));
    const checked = validateVisitInput(toVisitInput(state, org));
    if (problems.length > 0 || !checked.ok) {
      focusSummary();
      return;
    }
    autosave.cancel();
    setPhase('saving');
    try {
      const saved = await saveVisit(deps, checked.value, draftId);
      setSavedOrgId(saved.visit.organisationId);
      setPhase('saved');
    } catch (e) {
      setPhase('editing');
      if (e instanceof ValidationError) {
        setRepoErrors(e.errors);
        focusSummary();
      } else {
        const key = storageMessage(e);
        setFailure(key ? t(key) : e instanceof Error ? e.message : String(e));
      }
    }
  };

  const { before, value } = checklistOf(state, org);
  const changedCount = org ? Object.keys(changedItems(before, value)).length : 0;
  const errorOf = (path: string): string | undefined => errors.find((e) => e.path === path)?.key;
  const summaryParts = [
    t('visits:summary.needs', { count: changedCount }),
    t('visits:summary.referrals', { count: state.referrals.length }),
    t('visits:summary.followUps', { count: state.followUps.length }),
  ];

  return (
    <section aria-labelledby="visit-title" className="visit-form">
      <PageHeader title={<span id="visit-title">{t('visits:title')}</span>} />

      {notice ? (
        <p className="notice" role="status">
          {t(notice.key, { date: notice.at ? fmt.dateTime(notice.at) : '' })}
        </p>
      ) : null}

      <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
        <ErrorSummary errors={errors} idPrefix={ID} />
      </div>

      <form noValidate onSubmit={(e) => e.preventDefault()}>
        <fieldset className="visit-fieldset" disabled={phase !== 'editing'}>
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
        </fieldset>

        <div className="form-actions visit-actions">
          <button
            type="button"
            className="button primary"
            data-testid="visit-save"
            disabled={phase !== 'editing'}
            onClick={() => void save()}
          >
            {phase === 'saving' ? t('visits:saving') : t('visits:save')}
          </button>
          <p className="visit-status" role="status" aria-live="polite">
            {phase === 'saved' ? <span className="saved-message">{t('visits:saved')}</span> : null}
          </p>
          {phase !== 'saved' ? (
            <p className="muted visit-summary">
              {summaryParts.join(' · ')}
              {autosave.status === 'saved' && dirty ? ` · ${t('common:form.draftSaved')}` : ''}
            </p>
          ) : null}
          {failure !== null ? (
            <p className="field-error visit-failure" role="alert">
              {t('common:form.saveFailed', { message: failure })}
            </p>
          ) : null}
          {autosave.status === 'failed' ? (
            <p className="field-error" role="alert">
              {t('visits:draftSaveFailed')}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
