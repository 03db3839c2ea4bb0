import type { RepoDeps } from '../../db/deps';
import type {
  OpenSelfReportDraft,
  SelfReportDraftData,
} from '../../db/repositories/selfReportDrafts';
import type { SelfReportFieldKey } from '../../domain/selfReport';
import type { FieldError } from '../../domain/validation';
import type { SaveState } from './draftWriter';
import type { LinkProblem, SelfReportApi } from './selfReportApi';
import type { SelfReportStep } from './steps';

/** What a self-report session needs from the outside world (injected, so tests control it). */
export interface SessionEnv {
  deps: RepoDeps;
  api: SelfReportApi;
  token: string;
  isOnline: () => boolean;
  /** The language the page is shown in now (a new draft records it). */
  language: () => string;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  saveDelayMs?: number;
  retryDelayMs?: number;
}

export type SessionPhase =
  /** Looking for a draft or asking the server. */
  | 'loading'
  | 'ready'
  /** No draft on this phone yet and no connection to fetch the form. */
  | 'needsNetwork'
  /** No draft and the link does not work (see `linkProblem`). */
  | 'linkInvalid'
  | 'failed';

export type { SaveState };

export interface SessionState {
  phase: SessionPhase;
  draft: SelfReportDraftData | null;
  linkProblem: LinkProblem | null;
  sending: boolean;
  /** The server refused the send for a reason the representative cannot fix. */
  sendFailed: boolean;
  errors: FieldError[];
  save: SaveState;
  /** Answers typed under an older link of the same organisation were taken over. */
  carriedOver: boolean;
}

export interface SelfReportSession {
  getState: () => SessionState;
  subscribe: (listener: () => void) => () => void;
  /** Loads once (further calls return the same promise) and resumes a queued send. */
  start: () => Promise<void>;
  edit: (patch: (draft: OpenSelfReportDraft) => Partial<OpenSelfReportDraft>) => void;
  next: () => void;
  back: () => void;
  goTo: (step: SelfReportStep) => void;
  /** A number field whose text cannot be read: the screen cannot be left until it is fixed. */
  setUnreadable: (key: SelfReportFieldKey, unreadable: boolean) => void;
  setLanguage: (code: string) => void;
  send: () => Promise<void>;
  /** Online again / page visible: fetch what is missing, send what is queued. */
  retry: () => Promise<void>;
  /** After "sent": begin a new self-report with the same link. */
  restart: () => Promise<void>;
  /** Writes a pending change now (page hidden or left). */
  flush: () => Promise<void>;
  dispose: () => void;
}

export const initialState: SessionState = {
  phase: 'loading',
  draft: null,
  linkProblem: null,
  sending: false,
  sendFailed: false,
  errors: [],
  save: 'idle',
  carriedOver: false,
};
