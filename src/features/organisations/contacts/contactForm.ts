import {
  contactPersonSchema,
  type ContactPerson,
  type consentScopes,
} from '../../../domain/contactPerson';
import { validate, type FieldError } from '../../../domain/validation';
import { formErrors, parseLanguages } from '../organisationForm';

export const CONTACT_ID_PREFIX = 'contact-';

export type ConsentScope = (typeof consentScopes)[number];

export interface ContactFormState {
  name: string;
  role: string;
  languagesText: string;
  phone: string;
  email: string;
  consentGiven: boolean;
  consentDate: string;
  consentScopes: ConsentScope[];
}

export type ContactFields = Omit<ContactPerson, 'id' | 'createdAt' | 'updatedAt' | 'deleted'>;

export function contactFormFrom(contact: ContactPerson | null): ContactFormState {
  return {
    name: contact?.name ?? '',
    role: contact?.role ?? '',
    languagesText: contact?.languages.join(', ') ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    consentGiven: Boolean(contact?.consent),
    consentDate: contact?.consent?.date ?? '',
    consentScopes: contact?.consent?.scopes ?? [],
  };
}

/** The record's fields from the form. Without consent, no consent is stored (details then fail). */
export function contactFields(organisationId: string, form: ContactFormState): ContactFields {
  return {
    organisationId,
    name: form.name.trim(),
    role: form.role.trim(),
    languages: parseLanguages(form.languagesText),
    phone: form.phone.trim(),
    email: form.email.trim(),
    consent: form.consentGiven ? { date: form.consentDate, scopes: form.consentScopes } : null,
  };
}

/** Checks the contact as the repository will, so the form can show errors before saving. */
export function validateContact(
  fields: ContactFields,
  identity: Pick<ContactPerson, 'id' | 'createdAt' | 'updatedAt' | 'deleted'>,
): FieldError[] {
  const result = validate(contactPersonSchema, { ...identity, ...fields });
  return result.ok ? [] : formErrors(result.errors);
}

export function contactFieldId(path: string): string {
  return `${CONTACT_ID_PREFIX}${path.replace(/\./g, '-')}`;
}
