import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../../app/DepsContext';
import { hrefOf, type Route } from '../../../app/routes';
import { ErrorSummary } from '../../../app/ui/ErrorSummary';
import { PageHeader } from '../../../app/ui/PageHeader';
import { useFormatters } from '../../../app/ui/useFormatters';
import { navigate } from '../../../app/useRoute';
import type { Draft } from '../../../db/database';
import { discardDraft } from '../../../db/repositories/drafts';
import type { Organisation } from '../../../domain/organisation';
import { todayIso } from '../../../domain/organisationStatus';
import type { FieldError } from '../../../domain/validation';
import {
  ORGANISATION_ID_PREFIX,
  buildOrganisation,
  formFromOrganisation,
  organisationDraftId,
  parseDraftData,
  validateOrganisation,
  type OrganisationDraftData,
  type OrganisationFormState,
} from '../organisationForm';
import { useSavedNotice } from '../savedNotice';
import { useDraftAutosave } from '../useDraftAutosave';
import { useOrgFormApi } from './formApi';
import { OrganisationFormSections } from './OrganisationFormSections';
import { saveOrganisationForm } from './saveOrganisationForm';

interface Props {
  /** The stored record when editing began, or a blank template for a new organisation. */
  start: Organisation;
  isNew: boolean;
  /** Organisation id, or a fresh id naming the draft of a new organisation. */
  draftKey: string;
  restored: Draft | null;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'failed'; message: string };

export function OrganisationEditor({ start, isNew, draftKey, restored }: Props) {
  const { t } = useTranslation(['organisations', 'common']);
  const deps = useDeps();
  const fmt = useFormatters();
  const draftId = organisationDraftId(draftKey);
  const [initial] = useState(() => {
    const parsed = restored ? parseDraftData(restored.data) : null;
    return {
      base: parsed?.base ?? start,
      form: parsed?.form ? { ...parsed.form, fields: { ...start, ...parsed.form.fields } } : null,
    };
  });
  const pristine = useMemo(() => formFromOrganisation(initial.base), [initial.base]);
  const [form, setForm] = useState<OrganisationFormState>(initial.form ?? pristine);
  const [attempted, setAttempted] = useState(false);
  const [repoErrors, setRepoErrors] = useState<FieldError[]>([]);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [focusToken, setFocusToken] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  const change = useCallback((update: (f: OrganisationFormState) => OrganisationFormState) => {
    setForm(update);
    setRepoErrors([]);
  }, []);
  const dirty = useMemo(() => JSON.stringify(form) !== JSON.stringify(pristine), [form, pristine]);
  const draftData: OrganisationDraftData = useMemo(
    () => ({ version: 1, base: isNew ? null : initial.base, form }),
    [isNew, initial.base, form],
  );
  const autosave = useDraftAutosave({
    deps,
    draftId,
    kind: 'organisation',
    title: form.fields.name.trim() || initial.base.name,
    data: draftData,
    dirty,
  });

  const clientErrors = useMemo(() => {
    if (!attempted) return [];
    const record = buildOrganisation(initial.base, initial.base, form, todayIso(deps.now()));
    const checked = validateOrganisation(record);
    return checked.ok ? [] : checked.errors;
  }, [attempted, initial.base, form, deps]);
  const errors = clientErrors.length > 0 ? clientErrors : repoErrors;
  const api = useOrgFormApi(form, change, errors, deps.newId);

  useEffect(() => {
    if (focusToken > 0) summaryRef.current?.focus();
  }, [focusToken]);

  const backRoute: Route = isNew
    ? { name: 'organisations' }
    : { name: 'organisation', id: initial.base.id };

  const onSubmit = async () => {
    setAttempted(true);
    setSave({ kind: 'saving' });
    await autosave.pause();
    const result = await saveOrganisationForm(deps, {
      isNew,
      base: initial.base,
      form,
      draftId,
    });
    if (result.ok) {
      useSavedNotice.getState().announce(result.organisation.id);
      navigate({ name: 'organisation', id: result.organisation.id });
      return;
    }
    autosave.resume();
    if (result.kind === 'invalid') {
      setRepoErrors(result.errors);
      setSave({ kind: 'idle' });
      setFocusToken((n) => n + 1);
    } else {
      setSave(
        result.kind === 'gone'
          ? { kind: 'failed', message: t('organisations:edit.goneWhileEditing') }
          : { kind: 'failed', message: result.message },
      );
      autosave.saveNow();
    }
  };

  const onDiscard = async () => {
    await autosave.pause();
    await discardDraft(deps, draftId);
    navigate(backRoute);
  };

  const title = isNew
    ? t('organisations:edit.titleNew')
    : t('organisations:edit.title', { name: initial.base.name });

  return (
    <section aria-labelledby="org-edit-title" className="org-editor">
      <PageHeader title={<span id="org-edit-title">{title}</span>} />
      {restored ? (
        <p className="notice" role="status">
          {t('common:form.draftRestored', { date: fmt.dateTime(restored.updatedAt) })}
        </p>
      ) : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
          <ErrorSummary errors={errors} idPrefix={ORGANISATION_ID_PREFIX} />
        </div>
        <OrganisationFormSections api={api} />
        <div className="form-actions">
          <button
            type="submit"
            className="button primary"
            data-testid="org-save"
            disabled={save.kind === 'saving'}
          >
            {save.kind === 'saving' ? t('common:form.saving') : t('common:form.save')}
          </button>
          <a className="button" href={hrefOf(backRoute)}>
            {t('common:form.cancel')}
          </a>
          {restored || autosave.savedAt ? (
            <button type="button" className="button danger" onClick={() => void onDiscard()}>
              {t('organisations:edit.discardDraft')}
            </button>
          ) : null}
          <p className="form-status" role="status" aria-live="polite">
            {save.kind === 'failed'
              ? t('common:form.saveFailed', { message: save.message })
              : autosave.savedAt
                ? t('common:form.draftSaved')
                : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
