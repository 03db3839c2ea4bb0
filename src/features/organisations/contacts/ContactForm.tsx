import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../../app/DepsContext';
import { CheckboxGroup } from '../../../app/ui/CheckboxGroup';
import { ErrorSummary } from '../../../app/ui/ErrorSummary';
import { TextField } from '../../../app/ui/TextField';
import { saveContact } from '../../../db/repositories/organisations';
import { ValidationError } from '../../../db/validationError';
import { consentScopes, type ContactPerson } from '../../../domain/contactPerson';
import { todayIso } from '../../../domain/organisationStatus';
import { errorFor, type FieldError } from '../../../domain/validation';
import { formErrors } from '../organisationForm';
import {
  CONTACT_ID_PREFIX,
  contactFieldId,
  contactFields,
  contactFormFrom,
  validateContact,
  type ConsentScope,
  type ContactFormState,
} from './contactForm';

interface Props {
  organisationId: string;
  contact: ContactPerson | null;
  onDone: (saved: boolean) => void;
}

/** Adds or edits a contact person. Personal details need recorded consent (date and purpose). */
export function ContactForm({ organisationId, contact, onDone }: Props) {
  const { t } = useTranslation(['organisations', 'common']);
  const deps = useDeps();
  const [form, setForm] = useState<ContactFormState>(() => contactFormFrom(contact));
  const [attempted, setAttempted] = useState(false);
  const [repoErrors, setRepoErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [focusToken, setFocusToken] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [identity] = useState(() => {
    const nowIso = deps.now().toISOString();
    return contact ?? { id: deps.newId(), createdAt: nowIso, updatedAt: nowIso, deleted: false };
  });

  const clientErrors = useMemo(
    () => (attempted ? validateContact(contactFields(organisationId, form), identity) : []),
    [attempted, organisationId, form, identity],
  );
  const errors = clientErrors.length > 0 ? clientErrors : repoErrors;
  const err = (path: string) => errorFor(errors, path);
  const set = (patch: Partial<ContactFormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setRepoErrors([]);
  };

  useEffect(() => {
    if (focusToken > 0) summaryRef.current?.focus();
  }, [focusToken]);

  const submit = async () => {
    setAttempted(true);
    setFailure(null);
    const fields = contactFields(organisationId, form);
    if (validateContact(fields, identity).length > 0) {
      setFocusToken((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      await saveContact(deps, contact, fields);
      onDone(true);
    } catch (e) {
      if (e instanceof ValidationError) {
        setRepoErrors(formErrors(e.errors));
        setFocusToken((n) => n + 1);
      } else {
        setFailure(e instanceof Error ? e.message : String(e));
      }
      setSaving(false);
    }
  };

  const titleId = 'contact-form-title';
  return (
    <form
      className="card contact-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={titleId}>
        {contact
          ? t('organisations:contacts.formTitleEdit')
          : t('organisations:contacts.formTitleNew')}
      </h3>
      <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
        <ErrorSummary errors={errors} idPrefix={CONTACT_ID_PREFIX} />
      </div>
      <div className="grid-2">
        <TextField
          id={contactFieldId('name')}
          label={t('organisations:contacts.name')}
          required
          autoComplete="off"
          value={form.name}
          error={err('name')}
          onChange={(name) => set({ name })}
        />
        <TextField
          id={contactFieldId('role')}
          label={t('organisations:contacts.role')}
          hint={t('organisations:contacts.roleHint')}
          value={form.role}
          error={err('role')}
          onChange={(role) => set({ role })}
        />
      </div>
      <fieldset className="consent" id={contactFieldId('consent')}>
        <legend>{t('organisations:contacts.consentLegend')}</legend>
        <p className="field-hint">{t('organisations:contacts.consentHint')}</p>
        <label className="choice">
          <input
            type="checkbox"
            id={contactFieldId('consentGiven')}
            checked={form.consentGiven}
            onChange={(e) =>
              set({
                consentGiven: e.target.checked,
                consentDate: form.consentDate || todayIso(deps.now()),
              })
            }
          />
          <span>{t('organisations:contacts.consentRecorded')}</span>
        </label>
        {form.consentGiven ? (
          <div className="grid-2">
            <TextField
              id={contactFieldId('consent.date')}
              type="date"
              userText={false}
              label={t('organisations:contacts.consentDate')}
              required
              value={form.consentDate}
              error={err('consent.date')}
              onChange={(consentDate) => set({ consentDate })}
            />
            <CheckboxGroup
              id={contactFieldId('consent.scopes')}
              legend={t('organisations:contacts.consentScopes')}
              options={consentScopes.map((s) => ({
                value: s,
                label: t(`organisations:consentScopes.${s}`),
              }))}
              values={form.consentScopes}
              error={err('consent.scopes')}
              onChange={(v) => set({ consentScopes: v as ConsentScope[] })}
            />
          </div>
        ) : null}
      </fieldset>
      <div className="grid-2">
        <TextField
          id={contactFieldId('phone')}
          type="tel"
          inputMode="tel"
          userText={false}
          autoComplete="off"
          label={t('organisations:contacts.phone')}
          value={form.phone}
          error={err('phone')}
          onChange={(phone) => set({ phone })}
        />
        <TextField
          id={contactFieldId('email')}
          type="email"
          inputMode="email"
          userText={false}
          autoComplete="off"
          label={t('organisations:contacts.email')}
          value={form.email}
          error={err('email')}
          onChange={(email) => set({ email })}
        />
        <TextField
          id={contactFieldId('languages')}
          userText={false}
          autoComplete="off"
          label={t('organisations:contacts.languages')}
          hint={t('organisations:hints.languages')}
          value={form.languagesText}
          error={err('languages')}
          onChange={(languagesText) => set({ languagesText })}
        />
      </div>
      <div className="form-row-actions">
        <button
          type="submit"
          className="button primary"
          data-testid="contact-save"
          disabled={saving}
        >
          {saving ? t('common:form.saving') : t('organisations:contacts.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('common:form.cancel')}
        </button>
      </div>
      {failure ? (
        <p className="field-error" role="alert">
          {t('organisations:contacts.saveFailed', { message: failure })}
        </p>
      ) : null}
    </form>
  );
}
