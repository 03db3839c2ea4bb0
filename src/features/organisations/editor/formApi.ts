import { useMemo } from 'react';
import type { Organisation } from '../../../domain/organisation';
import { errorFor, type FieldError } from '../../../domain/validation';
import type { OrganisationFormState } from '../organisationForm';

type Members = Organisation['members'];
type Professionalisation = Organisation['professionalisation'];

/** What every editor section gets: the form, typed setters and the error for a path. */
export interface OrgFormApi {
  form: OrganisationFormState;
  fields: Organisation;
  change: (update: (form: OrganisationFormState) => OrganisationFormState) => void;
  setField: <K extends keyof Organisation>(key: K, value: Organisation[K]) => void;
  setMember: <K extends keyof Members>(key: K, value: Members[K]) => void;
  setProfessionalisation: <K extends keyof Professionalisation>(
    key: K,
    value: Professionalisation[K],
  ) => void;
  error: (path: string) => string | undefined;
  newId: () => string;
}

export function useOrgFormApi(
  form: OrganisationFormState,
  change: OrgFormApi['change'],
  errors: readonly FieldError[],
  newId: () => string,
): OrgFormApi {
  return useMemo(() => {
    const setFields = (update: (o: Organisation) => Organisation) =>
      change((f) => ({ ...f, fields: update(f.fields) }));
    return {
      form,
      fields: form.fields,
      change,
      setField: (key, value) => setFields((o) => ({ ...o, [key]: value })),
      setMember: (key, value) =>
        setFields((o) => ({ ...o, members: { ...o.members, [key]: value } })),
      setProfessionalisation: (key, value) =>
        setFields((o) => ({
          ...o,
          professionalisation: { ...o.professionalisation, [key]: value },
        })),
      error: (path) => errorFor(errors, path),
      newId,
    };
  }, [form, change, errors, newId]);
}
