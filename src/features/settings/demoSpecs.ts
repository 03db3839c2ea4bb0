import type { ChecklistValue, Priority } from '../../domain/checklist';
import type { Organisation } from '../../domain/organisation';
import type { Referral, Visit } from '../../domain/visit';

/**
 * The shape in which the fictional demo organisations are written down: only what differs from
 * an empty profile, dates as "days before today" so the set always looks current.
 */
export interface FollowUpSpec {
  what: string;
  who: string;
  /** Due this many days after the visit. */
  dueAfter: number;
  /** Done this many days after the visit; absent while still open. */
  doneAfter?: number;
}

export interface VisitSpec {
  daysAgo: number;
  place: Visit['place'];
  placeNote?: string;
  purpose: Visit['purpose'];
  language: string;
  interpreter?: boolean;
  participants: string;
  notes: string;
  handedOver?: string;
  updates?: Record<string, ChecklistValue>;
  referrals?: [targetId: string, note: string, outcome: Referral['outcome']][];
  followUps?: FollowUpSpec[];
}

export interface ContactSpec {
  name: string;
  role: string;
  /** Languages, phone and e-mail are only kept with recorded consent. */
  consent?: { languages: string[]; phone: string; email: string };
}

type Members = Organisation['members'];
type Professionalisation = Organisation['professionalisation'];

export interface OrganisationSpec {
  name: string;
  originalName?: string;
  shortName?: string;
  legalForm: Organisation['legalForm'];
  registerNumber?: string;
  goals: string;
  fieldsOfActivity: string[];
  members: Partial<Members>;
  professionalisation?: Partial<Professionalisation>;
  relationsAbroad?: string;
  district: string;
  foundingYear: number | null;
  ownRooms: boolean | null;
  lendsRooms: boolean | null;
  networks?: string[];
  cooperations?: Organisation['cooperations'];
  /** Funding with the year given as "years before this year". */
  funding?: Record<
    string,
    {
      programme: string;
      status: 'applied' | 'received' | 'rejected';
      yearsAgo: number;
      amountEur: number | null;
    }
  >;
  status: Organisation['status'];
  statusReason?: string;
  contacts?: ContactSpec[];
  visits: VisitSpec[];
}

export const need = (priority: Priority, note = ''): ChecklistValue => ({
  state: 'needed',
  priority,
  note,
});
export const noNeed = (note = ''): ChecklistValue => ({ state: 'notNeeded', priority: null, note });
export const resolved = (note = ''): ChecklistValue => ({
  state: 'resolved',
  priority: null,
  note,
});
/** Readiness items: "yes" is stored as the state `needed`. */
export const yes = (note = ''): ChecklistValue => ({ state: 'needed', priority: 'medium', note });
export const no = noNeed;
