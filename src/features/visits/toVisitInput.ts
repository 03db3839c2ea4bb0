import { applyUpdates, changedItems, prefill, type ChecklistMap } from '../../domain/checklist';
import type { Organisation } from '../../domain/organisation';
import type { FieldError, Validated } from '../../domain/validation';
import { validateVisitInput, type VisitInput } from '../../domain/visitInput';
import { OTHER_LANGUAGE, type VisitFormState } from './visitFormState';

/** What the form hands to validation: like a VisitInput, but place and purpose may still be empty. */
export type RawVisitInput = Omit<VisitInput, 'visit'> & {
  visit: Omit<VisitInput['visit'], 'place' | 'purpose'> & { place: string; purpose: string };
};

/** The checklist's starting point and current value; untouched, both are the stored needs. */
export function checklistOf(
  state: VisitFormState,
  org: Organisation | null,
): { before: ChecklistMap; value: ChecklistMap } {
  const stored = prefill(org?.needs ?? {});
  return { before: state.checklistBefore ?? stored, value: state.checklist ?? stored };
}

/** "UK", " fa " → "uk", "fa"; region and script subtags keep their case ("pt-BR"). */
export function normaliseLanguageTag(text: string): string {
  const [primary = '', ...rest] = text.trim().split('-');
  return [primary.toLowerCase(), ...rest].join('-');
}

export function languageOf(state: Pick<VisitFormState, 'languageChoice' | 'languageOther'>) {
  return state.languageChoice === OTHER_LANGUAGE
    ? normaliseLanguageTag(state.languageOther)
    : state.languageChoice;
}

/**
 * Builds what `saveVisit` receives. The user's checklist changes are laid over the organisation's
 * needs as stored now, so an update that arrived while the form was open is not reverted.
 */
export function toVisitInput(state: VisitFormState, org: Organisation | null): RawVisitInput {
  const { before, value } = checklistOf(state, org);
  const checklist = applyUpdates(prefill(org?.needs ?? {}), changedItems(before, value));
  return {
    visit: {
      organisationId: state.organisationId,
      date: state.date,
      place: state.place,
      placeNote: state.placeNote,
      participants: state.participants,
      purpose: state.purpose,
      language: languageOf(state),
      interpreter: state.interpreter,
      notes: state.notes,
      handedOver: state.handedOver,
    },
    checklistBefore: before,
    checklist,
    referrals: state.referrals.map(({ targetId, note, outcome }) => ({ targetId, note, outcome })),
    followUps: state.followUps.map(({ what, who, dueDate }) => ({ what, who, dueDate })),
  };
}

/**
 * One message per field: an empty required field fails several rules at once ("required" and
 * "format"); the "required" message says best what to do.
 */
export function onePerPath(errors: readonly FieldError[]): FieldError[] {
  const rank = (e: FieldError): number => (e.key.endsWith('Required') ? 0 : 1);
  const best = new Map<string, FieldError>();
  for (const e of errors) {
    const seen = best.get(e.path);
    if (!seen || rank(e) < rank(seen)) best.set(e.path, e);
  }
  return [...best.values()];
}

/**
 * Everything that stops the form from being saved, one message per field. `orgMissing`: the
 * form names an organisation that is not (or no longer) on this device.
 */
export function visitFormErrors(
  state: VisitFormState,
  org: Organisation | null,
  orgMissing: boolean,
): FieldError[] {
  return problemsOf(validateVisitInput(toVisitInput(state, org)), orgMissing);
}

/** The form's problems from a validation already done (see `visitFormErrors`). */
export function problemsOf(checked: Validated<VisitInput>, orgMissing: boolean): FieldError[] {
  const found = checked.ok ? [] : [...checked.errors];
  if (orgMissing) {
    found.unshift({ path: 'visit.organisationId', key: 'errors.visitOrganisationRequired' });
  }
  return onePerPath(found);
}
