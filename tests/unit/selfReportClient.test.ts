import { describe, expect, it } from 'vitest';
import { continueRoute } from '../../src/features/drafts/continueRoute';
import { createSelfReportApi } from '../../src/features/selfReport/selfReportApi';
import { newDraft } from '../../src/features/selfReport/selfReportDraft';
import { sampleView, TOKEN } from './selfReportFixtures';

type Call = { url: string; init: RequestInit | undefined };

function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchImpl = (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(respond());
  };
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const submission = {
  id: '22222222-2222-4222-8222-222222222222',
  language: 'tr',
  answers: { memberCount: 12 },
  needs: {},
};

describe('self-report HTTP client', () => {
  it('reads the view with the token as bearer and without cookies', async () => {
    const { calls, fetchImpl } = fakeFetch(() => json(200, sampleView()));
    const api = createSelfReportApi('', fetchImpl);
    expect(await api.load(TOKEN)).toEqual({ kind: 'ok', view: sampleView() });
    expect(calls[0]?.url).toBe('/api/self-report');
    expect(calls[0]?.init?.credentials).toBe('omit');
    expect(calls[0]?.init?.headers).toMatchObject({ authorization: `Bearer ${TOKEN}` });
  });

  it('maps 401 codes to link problems', async () => {
    for (const code of ['invitation_expired', 'invitation_revoked', 'unauthenticated'] as const) {
      const api = createSelfReportApi('', fakeFetch(() => json(401, { code })).fetchImpl);
      expect(await api.load(TOKEN)).toEqual({ kind: 'link', code });
      expect(await api.submit(TOKEN, submission)).toEqual({ kind: 'link', code });
    }
    const odd = createSelfReportApi('', fakeFetch(() => json(401, { code: 'x' })).fetchImpl);
    expect(await odd.load(TOKEN)).toEqual({ kind: 'link', code: 'unauthenticated' });
  });

  it('treats no answer and server trouble as "try again later"', async () => {
    const down = createSelfReportApi('', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await down.load(TOKEN)).toEqual({ kind: 'network' });
    expect(await down.submit(TOKEN, submission)).toEqual({ kind: 'network' });
    const busy = createSelfReportApi('', fakeFetch(() => json(503, {})).fetchImpl);
    expect(await busy.submit(TOKEN, submission)).toEqual({ kind: 'network' });
  });

  it('gives up on a request that hangs (weak signal) and keeps it for later', async () => {
    const hanging = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          reject(new DOMException('timed out', 'TimeoutError'));
        });
      });
    const api = createSelfReportApi('', hanging, 20);
    expect(await api.submit(TOKEN, submission)).toEqual({ kind: 'network' });
  });

  it('posts the submission and reads the answer, errors and conflicts', async () => {
    const ok = fakeFetch(() =>
      json(201, { id: submission.id, submittedAt: '2026-03-10T10:00:00.000Z' }),
    );
    expect(await createSelfReportApi('', ok.fetchImpl).submit(TOKEN, submission)).toEqual({
      kind: 'ok',
      id: submission.id,
      submittedAt: '2026-03-10T10:00:00.000Z',
    });
    expect(ok.calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(ok.calls[0]?.init?.body as string)).toEqual(submission);
    expect(ok.calls[0]?.init?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
    });

    const invalid = fakeFetch(() =>
      json(400, {
        code: 'invalid_submission',
        errors: [
          { path: 'answers.goals', message: 'errors.textTooLong' },
          { path: ['needs', 'school', 'note'], message: 'errors.textTooLong' },
        ],
      }),
    );
    expect(await createSelfReportApi('', invalid.fetchImpl).submit(TOKEN, submission)).toEqual({
      kind: 'invalid',
      errors: [
        { path: 'answers.goals', message: 'errors.textTooLong' },
        { path: 'needs.school.note', message: 'errors.textTooLong' },
      ],
    });
    const taken = fakeFetch(() => json(409, { code: 'conflict' }));
    expect(await createSelfReportApi('', taken.fetchImpl).submit(TOKEN, submission)).toEqual({
      kind: 'conflict',
    });
  });

  it('refuses a view that does not match the schema', async () => {
    const api = createSelfReportApi('', fakeFetch(() => json(200, { hello: 1 })).fetchImpl);
    expect(await api.load(TOKEN)).toEqual({ kind: 'unexpected', status: 200 });
  });
});

describe('self-report drafts in the drafts list', () => {
  it('reopen their link while unsent', () => {
    const data = newDraft(TOKEN, sampleView(), 'de');
    expect(continueRoute({ id: 'selfReport:abc', kind: 'selfReport', data })).toEqual({
      name: 'selfReport',
      token: TOKEN,
    });
    const sent = {
      status: 'sent',
      organisationName: 'X',
      language: 'de',
      submissionId: 'a',
      sentAt: 'b',
    };
    expect(continueRoute({ id: 'selfReport:abc', kind: 'selfReport', data: sent })).toBeNull();
  });
});
