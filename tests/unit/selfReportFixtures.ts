import type { SelfReportView } from '../../src/domain/selfReport';
import type {
  LoadOutcome,
  SelfReportApi,
  SubmitOutcome,
} from '../../src/features/selfReport/selfReportApi';
import type { SelfReportSubmission } from '../../src/domain/selfReport';

export const ORG_ID = '11111111-1111-4111-8111-111111111111';
export const TOKEN = 'inv_Q2VzdCBlc3QgdW4gdG9rZW4gZGUgdGVzdCAhISE';

export function sampleView(overrides: Partial<SelfReportView> = {}): SelfReportView {
  return {
    organisationId: ORG_ID,
    organisationName: 'Deutsch-Syrischer Kulturverein',
    answers: {
      name: 'Deutsch-Syrischer Kulturverein',
      originalName: 'الجمعية الثقافية',
      goals: 'Kultur und Sprache',
      memberCount: 40,
      activeVolunteers: 8,
      peopleReached: null,
      ageGroups: ['children', 'adults'],
      foundingYear: 2016,
      ownRooms: false,
    },
    needs: {
      findingRooms: { state: 'needed', priority: 'high', note: 'Saal für Feste' },
      youthWork: { state: 'notNeeded', priority: null, note: '' },
    },
    expiresAt: '2026-03-24T09:00:00.000Z',
    ...overrides,
  };
}

/** A scripted server: each call takes the next outcome (the last one repeats). */
export function fakeApi(
  loads: LoadOutcome[] = [{ kind: 'ok', view: sampleView() }],
  submits: SubmitOutcome[] = [{ kind: 'ok', id: 'x', submittedAt: '2026-03-10T09:05:00.000Z' }],
): SelfReportApi & {
  loadCalls: string[];
  submitCalls: { token: string; submission: SelfReportSubmission }[];
} {
  const loadCalls: string[] = [];
  const submitCalls: { token: string; submission: SelfReportSubmission }[] = [];
  const next = <T>(list: T[], i: number): T => {
    const value = list[Math.min(i, list.length - 1)];
    if (value === undefined) throw new Error('no scripted outcome');
    return value;
  };
  return {
    loadCalls,
    submitCalls,
    load(token) {
      loadCalls.push(token);
      return Promise.resolve(next(loads, loadCalls.length - 1));
    },
    submit(token, submission) {
      submitCalls.push({ token, submission: structuredClone(submission) });
      return Promise.resolve(next(submits, submitCalls.length - 1));
    },
  };
}

/** Timers that run only when the test says so. */
export function manualTimers() {
  let n = 0;
  const pending = new Map<number, () => void>();
  return {
    setTimer: (fn: () => void): unknown => {
      n += 1;
      pending.set(n, fn);
      return n;
    },
    clearTimer: (handle: unknown): void => {
      pending.delete(handle as number);
    },
    runAll: (): void => {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
    count: (): number => pending.size,
  };
}
