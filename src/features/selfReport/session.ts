import {
  loadSelfReportDraft,
  type OpenSelfReportDraft,
  type SelfReportDraftData,
} from '../../db/repositories/selfReportDrafts';
import type { SelfReportFieldKey } from '../../domain/selfReport';
import type { FieldError } from '../../domain/validation';
import { selfReportDraftId } from './draftId';
import { createDraftWriter } from './draftWriter';
import { storeFreshDraft } from './freshDraft';
import type { SelfReportApi } from './selfReportApi';
import {
  allErrors,
  buildSubmission,
  edited,
  firstErrorStep,
  fromServerErrors,
  sentMarker,
  stepErrors,
} from './selfReportDraft';
import {
  initialState,
  type SelfReportSession,
  type SessionEnv,
  type SessionState,
} from './sessionTypes';
import { nextStep, previousStep, stepFields, type SelfReportStep } from './steps';

export type {
  SaveState,
  SelfReportSession,
  SessionEnv,
  SessionPhase,
  SessionState,
} from './sessionTypes';

/**
 * The representative's self-report as a small state machine without React: loads the draft or
 * the view, autosaves every change, sends (and keeps a failed send queued), and says what to
 * show. The screen subscribes to it; tests drive it with a fake API and fake-indexeddb.
 */
export function createSelfReportSession(env: SessionEnv): SelfReportSession {
  const saveDelay = env.saveDelayMs ?? 300;
  const retryDelay = env.retryDelayMs ?? 30_000;
  let state = initialState;
  const listeners = new Set<() => void>();
  let draftId: string | null = null;
  let started: Promise<void> | null = null;
  let retryTimer: unknown = null;
  let fetching = false;
  /** Not stored: after a reload the field shows the last readable number again. */
  const unreadable = new Set<SelfReportFieldKey>();
  const unreadableErrors = (step: SelfReportStep | null): FieldError[] =>
    [...unreadable]
      .filter((key) => step === null || stepFields[step].includes(key))
      .map((key) => ({ path: key, key: 'errors.numberInvalid' }));

  function set(patch: Partial<SessionState>): void {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  }

  const openDraft = (): OpenSelfReportDraft | null =>
    state.draft && state.draft.status !== 'sent' ? state.draft : null;

  const writer = createDraftWriter({
    deps: env.deps,
    delayMs: saveDelay,
    setTimer: env.setTimer,
    clearTimer: env.clearTimer,
    current: () => (draftId && state.draft ? { id: draftId, data: state.draft } : null),
    onSaveState: (save) => {
      if (save !== state.save) set({ save });
    },
  });
  const write = writer.writeNow;
  const flush = writer.flush;

  function change(draft: SelfReportDraftData, extra: Partial<SessionState> = {}): void {
    set({ draft, ...extra });
    writer.schedule();
  }

  async function fetchFresh(): Promise<void> {
    if (fetching) return;
    fetching = true;
    set({ phase: 'loading' });
    try {
      const outcome = await env.api.load(env.token);
      const id = draftId;
      if (!id) return;
      if (outcome.kind === 'link') {
        set({ phase: 'linkInvalid', linkProblem: outcome.code });
        return;
      }
      if (outcome.kind !== 'ok') {
        set({ phase: outcome.kind === 'network' ? 'needsNetwork' : 'failed' });
        return;
      }
      const fresh = await storeFreshDraft(env.deps, id, env.token, outcome.view, env.language());
      set({
        phase: 'ready',
        ...fresh,
        linkProblem: null,
        errors: [],
        sendFailed: false,
        save: 'saved',
      });
    } catch {
      set({ phase: 'failed' });
    } finally {
      fetching = false;
    }
  }

  /** With a draft already on the phone: only find out whether the link still works. */
  async function checkLink(): Promise<void> {
    const outcome = await env.api.load(env.token);
    if (outcome.kind === 'link') set({ linkProblem: outcome.code });
    else if (outcome.kind === 'ok') set({ linkProblem: null });
  }

  function scheduleRetry(): void {
    if (retryTimer !== null) return;
    retryTimer = env.setTimer(() => {
      retryTimer = null;
      void attemptSend();
    }, retryDelay);
  }

  async function attemptSend(conflicts = 0): Promise<void> {
    const draft = openDraft();
    if (!draft || draft.status !== 'queued' || !draft.submissionId || state.sending) return;
    if (!env.isOnline()) {
      scheduleRetry();
      return;
    }
    const submissionId = draft.submissionId;
    const built = buildSubmission(draft, submissionId);
    if (!built.ok) {
      change(edited(draft, { step: firstErrorStep(built.errors) ?? draft.step }), {
        errors: built.errors,
      });
      return;
    }
    set({ sending: true, sendFailed: false });
    let outcome: Awaited<ReturnType<SelfReportApi['submit']>>;
    try {
      outcome = await env.api.submit(draft.token, built.value);
    } catch {
      outcome = { kind: 'network' };
    } finally {
      set({ sending: false });
    }
    const now = openDraft();
    // Changed while the request was under way: the changes make their own submission.
    if (now?.submissionId !== submissionId) return;
    switch (outcome.kind) {
      case 'ok':
        state = { ...state, draft: sentMarker(now, submissionId, outcome.submittedAt) };
        set({ errors: [], linkProblem: null });
        await write();
        return;
      case 'network':
        scheduleRetry();
        return;
      case 'conflict':
        // The id is taken by another link: the same answers under a new id.
        if (conflicts > 0) {
          set({ sendFailed: true });
          return;
        }
        state = { ...state, draft: { ...now, submissionId: env.deps.newId() } };
        await write();
        return attemptSend(conflicts + 1);
      case 'link':
        change({ ...now, status: 'editing', queuedAt: null }, { linkProblem: outcome.code });
        return;
      case 'invalid': {
        const errors = fromServerErrors(outcome.errors);
        const step = firstErrorStep(errors) ?? now.step;
        const sendFailed = errors.length === 0;
        change({ ...now, status: 'editing', queuedAt: null, step }, { errors, sendFailed });
        return;
      }
      case 'unexpected':
        change({ ...now, status: 'editing', queuedAt: null }, { sendFailed: true });
        return;
    }
  }

  async function load(): Promise<void> {
    try {
      draftId = await selfReportDraftId(env.token);
      const existing = await loadSelfReportDraft(env.deps, draftId);
      if (!existing) {
        await fetchFresh();
        return;
      }
      set({ phase: 'ready', draft: existing, save: 'saved' });
      // A queued send is resumed by start(); an open draft only checks that the link still works.
      if (existing.status === 'editing' && env.isOnline()) await checkLink();
    } catch {
      if (!state.draft) set({ phase: 'failed' });
    }
  }

  function goTo(step: SelfReportStep): void {
    const draft = openDraft();
    if (!draft || draft.step === step) return;
    // Leaving a screen drops its unreadable text: coming back shows the last readable number.
    for (const key of stepFields[draft.step]) unreadable.delete(key);
    change({ ...draft, step }, { errors: [], sendFailed: false });
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      started ??= load();
      return started.then(() => {
        if (openDraft()?.status === 'queued') return attemptSend();
      });
    },
    edit(patch) {
      const draft = openDraft();
      if (!draft || state.sending) return;
      const next = edited(draft, patch(draft));
      // Errors on screen follow the typing; new ones only appear on "next" or "send".
      const errors = state.errors.length
        ? [...unreadableErrors(next.step), ...stepErrors(next.step, next)]
        : [];
      change(next, { errors, sendFailed: false });
    },
    next() {
      const draft = openDraft();
      if (!draft) return;
      const errors = [...unreadableErrors(draft.step), ...stepErrors(draft.step, draft)];
      if (errors.length) set({ errors });
      else goTo(nextStep(draft.step));
    },
    back() {
      const draft = openDraft();
      if (draft && !state.sending) goTo(previousStep(draft.step));
    },
    goTo,
    setUnreadable(key, on) {
      const had = unreadable.has(key);
      if (on) unreadable.add(key);
      else unreadable.delete(key);
      const draft = openDraft();
      if (had !== on && draft && state.errors.length)
        set({ errors: [...unreadableErrors(draft.step), ...stepErrors(draft.step, draft)] });
    },
    setLanguage(code) {
      const draft = openDraft();
      if (draft && draft.language !== code) change({ ...draft, language: code });
    },
    async send() {
      const draft = openDraft();
      if (!draft || state.sending) return;
      const errors = [...unreadableErrors(null), ...allErrors(draft)];
      if (errors.length) {
        goTo(firstErrorStep(errors) ?? draft.step);
        set({ errors });
        return;
      }
      const queued: OpenSelfReportDraft = {
        ...draft,
        status: 'queued',
        submissionId: draft.submissionId ?? env.deps.newId(),
        queuedAt: env.deps.now().toISOString(),
      };
      // The id is on the phone before anything goes out: a retry can only repeat this send.
      state = { ...state, draft: queued, sendFailed: false, errors: [] };
      await write();
      await attemptSend();
    },
    async retry() {
      if (!started) return;
      await started;
      if (state.phase === 'needsNetwork' || state.phase === 'failed') await fetchFresh();
      else if (openDraft()?.status === 'queued') {
        if (retryTimer !== null) env.clearTimer(retryTimer);
        retryTimer = null;
        await attemptSend();
      }
    },
    async restart() {
      if (state.draft?.status !== 'sent') return;
      await fetchFresh();
    },
    flush,
    dispose() {
      if (retryTimer !== null) env.clearTimer(retryTimer);
      retryTimer = null;
      void flush();
    },
  };
}
