import { describe, expect, it } from 'vitest';
import { BrueckeDb } from '../../src/db/database';
import type { RepoDeps } from '../../src/db/deps';
import { loadSelfReportDraft } from '../../src/db/repositories/selfReportDrafts';
import { selfReportDraftId } from '../../src/features/selfReport/draftId';
import { linkProblemKey } from '../../src/features/selfReport/selfReportDraft';
import type { SelfReportApi } from '../../src/features/selfReport/selfReportApi';
import { createSelfReportSession } from '../../src/features/selfReport/session';
import { fakeApi, manualTimers, sampleView, TOKEN } from './selfReportFixtures';
import { testDeps } from './testDeps';

/** The same phone after a reload: the same IndexedDB database, opened again. */
function reopen(deps: RepoDeps): RepoDeps {
  deps.db.close();
  return { ...deps, db: new BrueckeDb(deps.db.name) };
}

function session(
  deps: RepoDeps,
  api: SelfReportApi,
  options: { online?: () => boolean; language?: string; token?: string } = {},
) {
  const timers = manualTimers();
  const s = createSelfReportSession({
    deps,
    api,
    token: options.token ?? TOKEN,
    isOnline: options.online ?? (() => true),
    language: () => options.language ?? 'ar',
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  return { s, timers };
}

const offlineApi = () => fakeApi([{ kind: 'network' }], [{ kind: 'network' }]);

describe('self-report session', () => {
  it('keeps the draft on the phone and restores it offline after a reload', async () => {
    const deps = testDeps();
    const api = fakeApi();
    const { s, timers } = session(deps, api);
    await s.start();
    expect(api.loadCalls).toEqual([TOKEN]);
    expect(s.getState()).toMatchObject({ phase: 'ready', save: 'saved' });

    s.next();
    s.edit((d) => ({ answers: { ...d.answers, goals: 'ثقافة ولغة للأطفال' } }));
    expect(s.getState().save).toBe('saving');
    timers.runAll(); // the debounced write
    await s.flush();
    expect(s.getState().save).toBe('saved');

    const id = await selfReportDraftId(TOKEN);
    expect(id).toMatch(/^selfReport:[0-9a-f]{16}$/);
    const stored = await deps.db.drafts.get(id);
    expect(stored).toMatchObject({ kind: 'selfReport', title: 'Deutsch-Syrischer Kulturverein' });

    // Reload in the basement: no network at all.
    const phone = reopen(deps);
    const api2 = offlineApi();
    const { s: again } = session(phone, api2, { online: () => false });
    await again.start();
    expect(api2.loadCalls).toEqual([]);
    const state = again.getState();
    expect(state.phase).toBe('ready');
    expect(state.draft).toMatchObject({
      status: 'editing',
      token: TOKEN,
      step: 'names',
      language: 'ar',
      answers: { goals: 'ثقافة ولغة للأطفال' },
    });
  });

  it('asks for a connection when there is neither draft nor network, and loads once online', async () => {
    const deps = testDeps();
    const api = fakeApi([{ kind: 'network' }, { kind: 'ok', view: sampleView() }]);
    const { s } = session(deps, api);
    await s.start();
    expect(s.getState().phase).toBe('needsNetwork');
    await s.retry(); // the `online` event
    expect(s.getState().phase).toBe('ready');
  });

  it('keeps a failed send queued and sends it later with the same id', async () => {
    const deps = testDeps();
    const api = fakeApi(
      [{ kind: 'ok', view: sampleView() }],
      [{ kind: 'network' }, { kind: 'network' }],
    );
    const { s, timers } = session(deps, api);
    await s.start();
    s.edit((d) => ({ answers: { ...d.answers, memberCount: 55 }, step: 'check' }));
    await s.send();
    expect(api.submitCalls).toHaveLength(1);
    const first = api.submitCalls[0]?.submission;
    expect(first).toMatchObject({ language: 'ar', answers: { memberCount: 55 }, needs: {} });
    expect(s.getState().draft).toMatchObject({ status: 'queued', submissionId: first?.id });
    expect(timers.count()).toBeGreaterThan(0); // a retry is scheduled

    // Retry timer, still no luck.
    timers.runAll();
    await s.flush();
    await Promise.resolve();
    expect(api.submitCalls.length).toBeGreaterThanOrEqual(2);
    expect(s.getState().draft?.status).toBe('queued');
    s.dispose();

    // Reload; still offline: nothing is sent, the report stays queued.
    const offline = offlineApi();
    const phone = reopen(deps);
    const { s: closed } = session(phone, offline, { online: () => false });
    await closed.start();
    expect(offline.submitCalls).toEqual([]);
    expect(closed.getState().draft?.status).toBe('queued');

    // Next open, online: sent at once, under the same id.
    const server = fakeApi(
      [],
      [{ kind: 'ok', id: first?.id ?? '', submittedAt: '2026-03-10T10:00:00.000Z' }],
    );
    const phone2 = reopen(phone);
    const { s: online } = session(phone2, server);
    await online.start();
    expect(server.submitCalls.map((c) => c.submission.id)).toEqual([first?.id]);
    expect(server.submitCalls[0]?.submission).toEqual(first);
    await online.flush();
    const sent = online.getState().draft;
    expect(sent).toMatchObject({ status: 'sent', sentAt: '2026-03-10T10:00:00.000Z' });
    // Nothing secret stays: no token, no answers.
    const stored = await loadSelfReportDraft(phone2, await selfReportDraftId(TOKEN));
    expect(stored?.status).toBe('sent');
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
    expect(JSON.stringify(stored)).not.toContain('memberCount');
  });

  it('sends a queued report when the phone comes online', async () => {
    const deps = testDeps();
    let online = false;
    const api = fakeApi();
    const { s } = session(deps, api, { online: () => online });
    // The form was loaded once while online.
    online = true;
    await s.start();
    online = false;
    s.goTo('check');
    await s.send();
    expect(api.submitCalls).toEqual([]);
    expect(s.getState().draft?.status).toBe('queued');
    online = true;
    await s.retry();
    expect(api.submitCalls).toHaveLength(1);
    expect(s.getState().draft?.status).toBe('sent');
  });

  it('an edit after a failed send becomes a new submission', async () => {
    const deps = testDeps();
    const api = fakeApi(undefined, [
      { kind: 'network' },
      { kind: 'ok', id: 'x', submittedAt: '2026-03-10T10:00:00.000Z' },
    ]);
    const { s } = session(deps, api);
    await s.start();
    await s.send();
    const firstId = api.submitCalls[0]?.submission.id;
    s.edit((d) => ({ answers: { ...d.answers, foundingYear: 2015 } }));
    expect(s.getState().draft).toMatchObject({ status: 'editing', submissionId: null });
    await s.send();
    const secondId = api.submitCalls[1]?.submission.id;
    expect(secondId).toBeDefined();
    expect(secondId).not.toBe(firstId);
  });

  it('an expired link keeps the draft and says so in the representative’s language', async () => {
    const deps = testDeps();
    const api = fakeApi(undefined, [{ kind: 'link', code: 'invitation_expired' }]);
    const { s } = session(deps, api);
    await s.start();
    s.edit((d) => ({ answers: { ...d.answers, goals: 'Neue Ziele' } }));
    await s.send();
    const state = s.getState();
    expect(state.linkProblem).toBe('invitation_expired');
    expect(linkProblemKey(state.linkProblem ?? 'unauthenticated')).toBe('selfReport:link.expired');
    expect(state.draft).toMatchObject({ status: 'editing', answers: { goals: 'Neue Ziele' } });
    await s.flush();
    const stored = await loadSelfReportDraft(reopen(deps), await selfReportDraftId(TOKEN));
    expect(stored).toMatchObject({ status: 'editing', answers: { goals: 'Neue Ziele' } });
  });

  it('reopening an expired link with a draft shows the draft and the problem', async () => {
    const deps = testDeps();
    const { s } = session(deps, fakeApi());
    await s.start();
    s.edit((d) => ({ answers: { ...d.answers, memberCount: 70 } }));
    await s.flush();
    const api = fakeApi([{ kind: 'link', code: 'invitation_revoked' }]);
    const { s: again } = session(reopen(deps), api);
    await again.start();
    expect(again.getState()).toMatchObject({
      phase: 'ready',
      linkProblem: 'invitation_revoked',
      draft: { answers: { memberCount: 70 } },
    });
  });

  it('a link that never worked shows the problem and stores nothing', async () => {
    const deps = testDeps();
    const { s } = session(deps, fakeApi([{ kind: 'link', code: 'unauthenticated' }]));
    await s.start();
    expect(s.getState()).toMatchObject({ phase: 'linkInvalid', linkProblem: 'unauthenticated' });
    expect(await deps.db.drafts.count()).toBe(0);
  });

  it('shows the server’s field errors on their screen', async () => {
    const deps = testDeps();
    const api = fakeApi(undefined, [
      { kind: 'invalid', errors: [{ path: 'answers.goals', message: 'errors.textTooLong' }] },
    ]);
    const { s } = session(deps, api);
    await s.start();
    s.goTo('check');
    await s.send();
    expect(s.getState().errors).toEqual([{ path: 'goals', key: 'errors.textTooLong' }]);
    expect(s.getState().draft).toMatchObject({ status: 'editing', step: 'goals' });
  });

  it('does not leave a screen with an invalid answer', async () => {
    const deps = testDeps();
    const { s } = session(deps, fakeApi());
    await s.start();
    s.goTo('names');
    s.edit((d) => ({ answers: { ...d.answers, name: '  ' } }));
    s.next();
    expect(s.getState().errors).toEqual([{ path: 'name', key: 'errors.nameRequired' }]);
    expect(s.getState().draft).toMatchObject({ step: 'names' });
    s.edit((d) => ({ answers: { ...d.answers, name: 'Kulturverein' } }));
    expect(s.getState().errors).toEqual([]);
    s.next();
    expect(s.getState().draft).toMatchObject({ step: 'goals' });
  });

  it('does not go on while a number cannot be read', async () => {
    const deps = testDeps();
    const { s } = session(deps, fakeApi());
    await s.start();
    s.goTo('members');
    s.setUnreadable('memberCount', true); // "ca. 40"
    s.next();
    expect(s.getState().errors).toEqual([{ path: 'memberCount', key: 'errors.numberInvalid' }]);
    expect(s.getState().draft).toMatchObject({ step: 'members' });
    s.setUnreadable('memberCount', false);
    expect(s.getState().errors).toEqual([]);
    s.setUnreadable('memberCount', true);
    s.back(); // the text is gone when the screen is left
    s.goTo('members');
    s.next();
    expect(s.getState().draft).toMatchObject({ step: 'rooms' });
  });

  it('takes over what was typed under an older link of the same organisation', async () => {
    const deps = testDeps();
    const { s } = session(deps, fakeApi(), { token: 'inv_old' });
    await s.start();
    s.edit((d) => ({ answers: { ...d.answers, activeVolunteers: 12 } }));
    await s.flush();
    const { s: fresh } = session(deps, fakeApi(), { token: 'inv_new' });
    await fresh.start();
    expect(fresh.getState()).toMatchObject({
      carriedOver: true,
      draft: { token: 'inv_new', answers: { activeVolunteers: 12 } },
    });
    expect(await deps.db.drafts.count()).toBe(1);
  });

  it('starts again after sending, from the server’s current view', async () => {
    const deps = testDeps();
    const api = fakeApi();
    const { s } = session(deps, api);
    await s.start();
    await s.send();
    expect(s.getState().draft?.status).toBe('sent');
    await s.restart();
    expect(api.loadCalls).toHaveLength(2);
    expect(s.getState().draft).toMatchObject({ status: 'editing', step: 'welcome' });
  });
});
