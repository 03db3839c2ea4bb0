import { currentOrganisation } from '../../../db/queries/organisationProfile';
import type { RepoDeps } from '../../../db/deps';
import { createOrganisation, updateOrganisation } from '../../../db/repositories/organisations';
import { ValidationError } from '../../../db/validationError';
import type { Organisation } from '../../../domain/organisation';
import { todayIso } from '../../../domain/organisationStatus';
import type { FieldError } from '../../../domain/validation';
import {
  buildOrganisation,
  formErrors,
  validateOrganisation,
  type OrganisationFormState,
} from '../organisationForm';

export type SaveResult =
  | { ok: true; organisation: Organisation }
  | { ok: false; kind: 'invalid'; errors: FieldError[] }
  /** The organisation was deleted (e.g. by a sync) while the form was open. */
  | { ok: false; kind: 'gone' }
  | { ok: false; kind: 'failed'; message: string };

type ProfileFields = Omit<Organisation, 'id' | 'createdAt' | 'updatedAt' | 'deleted'>;

function profileFields(org: Organisation): ProfileFields {
  const copy: Partial<Organisation> = { ...org };
  delete copy.id;
  delete copy.createdAt;
  delete copy.updatedAt;
  delete copy.deleted;
  return copy as ProfileFields;
}

/**
 * Validates the form and stores it through the repository (which removes the draft in the same
 * transaction). Nothing is written when the record is invalid.
 */
export async function saveOrganisationForm(
  deps: RepoDeps,
  input: { isNew: boolean; base: Organisation; form: OrganisationFormState; draftId: string },
): Promise<SaveResult> {
  const { isNew, base, form, draftId } = input;
  const today = todayIso(deps.now());
  try {
    const current = isNew ? base : await currentOrganisation(deps.db, base.id);
    if (!current || current.deleted) return { ok: false, kind: 'gone' };
    const record = buildOrganisation(current, base, form, today);
    const checked = validateOrganisation(record);
    if (!checked.ok) return { ok: false, kind: 'invalid', errors: checked.errors };
    const organisation = isNew
      ? await createOrganisation(deps, profileFields(record), draftId)
      : await updateOrganisation(deps, current, record, draftId);
    return { ok: true, organisation };
  } catch (err) {
    if (err instanceof ValidationError) {
      return { ok: false, kind: 'invalid', errors: formErrors(err.errors) };
    }
    return { ok: false, kind: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}
