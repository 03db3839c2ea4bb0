import { z } from 'zod';
import type { ChecklistMap } from '../../domain/checklist';
import { checklistValueSchema } from '../../domain/checklistSchema';
import { referralOutcomes, visitPlaces, visitPurposes } from '../../domain/visit';

/** Languages offered as one tap; anything else is typed as a language tag. */
export const commonVisitLanguages = ['de', 'tr', 'pl', 'ru', 'ar', 'it', 'en'] as const;
export const OTHER_LANGUAGE = 'other';

const referralRowSchema = z.object({
  key: z.string(),
  targetId: z.string(),
  note: z.string(),
  outcome: z.enum(referralOutcomes),
});
export type ReferralRow = z.infer<typeof referralRowSchema>;

const followUpRowSchema = z.object({
  key: z.string(),
  what: z.string(),
  who: z.string(),
  dueDate: z.string(),
});
export type FollowUpRow = z.infer<typeof followUpRowSchema>;

const checklistDraftSchema = z.record(z.string(), checklistValueSchema);

/**
 * The half-typed visit form exactly as it is kept in a draft (`draft.data`). Loose on purpose:
 * a draft may hold anything the user typed; validation happens when saving.
 */
export const visitFormStateSchema = z.object({
  version: z.literal(1),
  organisationId: z.string(),
  newOrgName: z.string(),
  newOrgDistrict: z.string(),
  date: z.string(),
  place: z.union([z.enum(visitPlaces), z.literal('')]),
  placeNote: z.string(),
  participants: z.string(),
  purpose: z.union([z.enum(visitPurposes), z.literal('')]),
  languageChoice: z.string(),
  languageOther: z.string(),
  interpreter: z.boolean(),
  notes: z.string(),
  handedOver: z.string(),
  /**
   * The checklist as the visit found it and as it is now. Null until the user touches it: until
   * then both follow the organisation's stored needs.
   */
  checklistBefore: checklistDraftSchema.nullable(),
  checklist: checklistDraftSchema.nullable(),
  referrals: z.array(referralRowSchema),
  followUps: z.array(followUpRowSchema),
});
export type VisitFormState = z.infer<typeof visitFormStateSchema>;

export type VisitTextField =
  | 'date'
  | 'placeNote'
  | 'participants'
  | 'languageChoice'
  | 'languageOther'
  | 'notes'
  | 'handedOver'
  | 'newOrgName'
  | 'newOrgDistrict';

export function initialVisitForm(organisationId: string | null, today: string): VisitFormState {
  return {
    version: 1,
    organisationId: organisationId ?? '',
    newOrgName: '',
    newOrgDistrict: '',
    date: today,
    place: 'moRooms',
    placeNote: '',
    participants: '',
    purpose: '',
    languageChoice: 'de',
    languageOther: '',
    interpreter: false,
    notes: '',
    handedOver: '',
    checklistBefore: null,
    checklist: null,
    referrals: [],
    followUps: [],
  };
}

/** Reads a stored draft; null when it is not a visit form this version understands. */
export function parseVisitDraft(data: unknown): VisitFormState | null {
  const parsed = visitFormStateSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

export type VisitFormAction =
  | { type: 'text'; field: VisitTextField; value: string }
  | { type: 'place'; value: VisitFormState['place'] }
  | { type: 'purpose'; value: VisitFormState['purpose'] }
  | { type: 'interpreter'; value: boolean }
  | { type: 'organisation'; id: string }
  | { type: 'checklist'; before: ChecklistMap; value: ChecklistMap }
  | { type: 'addReferral'; key: string }
  | { type: 'updateReferral'; key: string; patch: Partial<Omit<ReferralRow, 'key'>> }
  | { type: 'removeReferral'; key: string }
  | { type: 'addFollowUp'; key: string; dueDate: string }
  | { type: 'updateFollowUp'; key: string; patch: Partial<Omit<FollowUpRow, 'key'>> }
  | { type: 'removeFollowUp'; key: string };

export function visitFormReducer(state: VisitFormState, action: VisitFormAction): VisitFormState {
  switch (action.type) {
    case 'text':
      return { ...state, [action.field]: action.value };
    case 'place':
      return { ...state, place: action.value };
    case 'purpose':
      return { ...state, purpose: action.value };
    case 'interpreter':
      return { ...state, interpreter: action.value };
    case 'organisation':
      // Another organisation: its own last known needs are the new starting point.
      if (action.id === state.organisationId) return state;
      return {
        ...state,
        organisationId: action.id,
        newOrgName: action.id ? '' : state.newOrgName,
        newOrgDistrict: action.id ? '' : state.newOrgDistrict,
        checklistBefore: null,
        checklist: null,
      };
    case 'checklist':
      return {
        ...state,
        checklistBefore: state.checklistBefore ?? action.before,
        checklist: action.value,
      };
    case 'addReferral':
      return {
        ...state,
        referrals: [
          ...state.referrals,
          { key: action.key, targetId: '', note: '', outcome: 'open' },
        ],
      };
    case 'updateReferral':
      return {
        ...state,
        referrals: state.referrals.map((r) =>
          r.key === action.key ? { ...r, ...action.patch } : r,
        ),
      };
    case 'removeReferral':
      return { ...state, referrals: state.referrals.filter((r) => r.key !== action.key) };
    case 'addFollowUp':
      return {
        ...state,
        followUps: [
          ...state.followUps,
          { key: action.key, what: '', who: '', dueDate: action.dueDate },
        ],
      };
    case 'updateFollowUp':
      return {
        ...state,
        followUps: state.followUps.map((f) =>
          f.key === action.key ? { ...f, ...action.patch } : f,
        ),
      };
    case 'removeFollowUp':
      return { ...state, followUps: state.followUps.filter((f) => f.key !== action.key) };
  }
}

/** A calendar day some days after another (YYYY-MM-DD, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
