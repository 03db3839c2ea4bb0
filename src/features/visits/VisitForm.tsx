import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { changedItems } from '../../domain/checklist';
import type { Organisation } from '../../domain/organisation';
import type { FieldError } from '../../domain/validation';
import { validateVisitInput } from '../../domain/visitInput';
import { saveVisit } from '../../db/repositories/visits';
import { ValidationError } from '../../db/validationError';
import { useDeps } from '../../app/DepsContext';
import { hrefOf } from '../../app/routes';
import { ErrorSummary } from '../../app/ui/ErrorSummary';
import { PageHeader } from '../../app/ui/PageHeader';
import { useFormatters } from '../../app/ui/useFormatters';
import { navigate } from '../../app/useRoute';
import { checklistOf, onePerPath, problemsOf, toVisitInput, visitFormErrors } from './toVisitInput';
import { useDraftAutosave } from './useDraftAutosave';
import { useVisitOrganisations } from './useVisitOrganisations';
import { VISIT_FIELD_ID, VisitFormFields } from './VisitFormFields';
import { visitFormReducer, type VisitFormAction, type VisitFormState } from './visitFormState';
import './visits.css';

const NAVIGATE_AFTER_SAVE_MS = 700;
/** A save that takes longer than this says "saving …" (a quicker one would only flash it). */
const SHOW_SAVING_AFTER_MS = 100;

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

type Phase = 'editing' | 'saved';

const samePaths = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((p, i) => p === b[i]);

function storageMessage(e: unknown): string | null {
  if (e instanceof Error && /quota/i.test(`${e.name} ${e.message}`))
    return 'common:errors.storageFailed';
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
  /** A save is under way: the form stays as it was when "save" was clicked. */
  const saving = useRef(false);
  const [slowSave, setSlowSave] = useState(false);
  /** Fields that had a problem at the last "save": shown until corrected. */
  const [flaggedPaths, setFlaggedPaths] = useState<readonly string[]>([]);
  const [repoErrors, setRepoErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [savedOrgId, setSavedOrgId] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const {
    org: storedOrg,
    orgMissing,
    organisations,
  } = useVisitOrganisations(db, state.organisationId);
  /**
   * The organisation as it was when "save" was clicked: the save itself changes it, and the form
   * (done) shows what was saved instead of rendering every field again for that.
   */
  const [orgAtSave, setOrgAtSave] = useState<Organisation | null>(null);
  const org = phase === 'editing' ? storedOrg : orgAtSave;

  const update = useCallback((action: VisitFormAction): void => {
    // What is being saved is the form as it was at the click: a change now would be neither in
    // the saved visit nor in a draft.
    if (saving.current) return;
    dispatch(action);
    setDirty(true);
  }, []);

  // After "save", each flagged field's message follows the form and disappears once corrected;
  // problems in fields added later wait for the next "save".
  const errors = useMemo((): FieldError[] => {
    if (flaggedPaths.length === 0) return repoErrors;
    const current = visitFormErrors(state, org, orgMissing);
    return onePerPath([...current.filter((e) => flaggedPaths.includes(e.path)), ...repoErrors]);
  }, [flaggedPaths, state, org, orgMissing, repoErrors]);

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

  const save = async (): Promise<void> => {
    if (phase !== 'editing' || saving.current) return;
    // State that stays as it was is not set anew: the fields then need no new render.
    setRepoErrors((prev) => (prev.length === 0 ? prev : []));
    setFailure(null);
    const checked = validateVisitInput(toVisitInput(state, org));
    const problems = problemsOf(checked, orgMissing);
    const paths = problems.map((e) => e.path);
    setFlaggedPaths((prev) => (samePaths(prev, paths) ? prev : paths));
    if (problems.length > 0 || !checked.ok) {
      focusSummary();
      return;
    }
    autosave.cancel();
    saving.current = true;
    const orgClicked = org;
    // Nothing on screen changes on the click itself: the save reaches IndexedDB without waiting
    // for a restyled form to be painted first. A slow save says so (and disables the form).
    const slow = setTimeout(() => setSlowSave(true), SHOW_SAVING_AFTER_MS);
    try {
      const saved = await saveVisit(deps, checked.value, draftId);
      // "Saved" is rendered at once, not after whatever else the page has queued.
      flushSync(() => {
        setOrgAtSave(orgClicked);
        setSavedOrgId(saved.visit.organisationId);
        setPhase('saved');
      });
    } catch (e) {
      saving.current = false;
      // The draft keeps what the click's `cancel` dropped: the form is still being edited.
      autosave.resume();
      if (e instanceof ValidationError) {
        setRepoErrors(e.errors);
        focusSummary();
      } else {
        const key = storageMessage(e);
        setFailure(key ? t(key) : e instanceof Error ? e.message : String(e));
      }
    } finally {
      clearTimeout(slow);
      setSlowSave(false);
    }
  };
  const locked = phase === 'saved' || slowSave;

  const { before, value } = checklistOf(state, org);
  const changedCount = org ? Object.keys(changedItems(before, value)).length : 0;
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
        <ErrorSummary errors={errors} idPrefix={VISIT_FIELD_ID} />
      </div>

      <form noValidate onSubmit={(e) => e.preventDefault()}>
        <fieldset className="visit-fieldset" disabled={locked}>
          <VisitFormFields
            state={state}
            organisations={organisations}
            org={org}
            errors={errors}
            update={update}
          />
        </fieldset>

        <div className="form-actions visit-actions">
          <button
            type="button"
            className="button primary"
            data-testid="visit-save"
            disabled={locked}
            onClick={() => void save()}
          >
            {slowSave ? t('visits:saving') : t('visits:save')}
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
