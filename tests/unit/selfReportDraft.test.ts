import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  answerErrors,
  buildSubmission,
  carryOver,
  changesOf,
  edited,
  fromServerErrors,
  linkProblemKey,
  newDraft,
  stepErrors,
  withAgeGroup,
  withNeedNote,
  withNeedState,
} from '../../src/features/selfReport/selfReportDraft';
import { nextStep, previousStep, stepOfPath } from '../../src/features/selfReport/steps';
import { sampleView, TOKEN } from './selfReportFixtures';

const SUBMISSION_ID = '22222222-2222-4222-8222-222222222222';

describe('self-report draft logic', () => {
  it('starts from the current answers and sends only what changed', () => {
    const view = sampleView();
    const draft = newDraft(TOKEN, view, 'ar');
    expect(changesOf(draft)).toEqual({ answers: {}, needs: {} });

    const changed = edited(draft, {
      answers: {
        ...draft.answers,
        memberCount: 55,
        goals: 'ثقافة ولغة',
        name: ` ${view.answers.name} `,
      },
      needs: withNeedState(view.needs, draft.needs, 'youthWork', 'needed'),
    });
    const result = buildSubmission(changed, SUBMISSION_ID);
    expect(result).toEqual({
      ok: true,
      value: {
        id: SUBMISSION_ID,
        language: 'ar',
        // The name only gained spaces: after trimming it is no change.
        answers: { memberCount: 55, goals: 'ثقافة ولغة' },
        needs: { youthWork: { state: 'needed', priority: null, note: '' } },
      },
    });
  });

  it('leaves the priority to the coordinator and restores it when the state goes back', () => {
    const view = sampleView();
    const draft = newDraft(TOKEN, view, 'de');
    const off = withNeedState(view.needs, draft.needs, 'findingRooms', 'notNeeded');
    expect(off.findingRooms).toEqual({
      state: 'notNeeded',
      priority: null,
      note: 'Saal für Feste',
    });
    const back = withNeedState(view.needs, off, 'findingRooms', 'needed');
    expect(changesOf({ ...draft, needs: back }).needs).toEqual({});
    const noted = withNeedNote(draft.needs, 'school', 'Hausaufgabenhilfe');
    expect(changesOf({ ...draft, needs: noted }).needs).toEqual({
      school: { state: 'unknown', priority: null, note: 'Hausaufgabenhilfe' },
    });
  });

  it('keeps age groups in catalogue order, so ticking and unticking is no change', () => {
    const draft = newDraft(TOKEN, sampleView(), 'de');
    const ticked = withAgeGroup(draft.answers.ageGroups, 'youth', true);
    expect(ticked).toEqual(['children', 'youth', 'adults']);
    const again = withAgeGroup(ticked, 'youth', false);
    expect(changesOf({ ...draft, answers: { ...draft.answers, ageGroups: again } })).toEqual({
      answers: {},
      needs: {},
    });
  });

  it('validates each screen with the domain schema (errors are translation keys)', () => {
    const draft = newDraft(TOKEN, sampleView(), 'de');
    const bad = edited(draft, {
      answers: { ...draft.answers, name: '', memberCount: -3, foundingYear: 1500 },
    });
    expect(stepErrors('names', bad)).toEqual([{ path: 'name', key: 'errors.nameRequired' }]);
    expect(stepErrors('members', bad)).toEqual([
      { path: 'memberCount', key: 'errors.numberNegative' },
    ]);
    expect(stepErrors('rooms', bad)).toEqual([{ path: 'foundingYear', key: 'errors.yearInvalid' }]);
    expect(stepErrors('goals', bad)).toEqual([]);
    expect(answerErrors(bad.answers)).toHaveLength(3);
    const longNote = withNeedNote(draft.needs, 'school', 'x'.repeat(2001));
    expect(stepErrors('needs', { ...draft, needs: longNote })).toEqual([
      { path: 'needs.school.note', key: 'errors.textTooLong' },
    ]);
    expect(buildSubmission(bad, SUBMISSION_ID).ok).toBe(false);
  });

  it('maps errors to the screen that shows them', () => {
    expect(stepOfPath('name')).toBe('names');
    expect(stepOfPath('ageGroups.0')).toBe('members');
    expect(stepOfPath('ownRooms')).toBe('rooms');
    expect(stepOfPath('needs.school.note')).toBe('needs');
    expect(stepOfPath('language')).toBe('check');
    expect(
      fromServerErrors([
        { path: 'answers.goals', message: 'errors.textTooLong' },
        { path: 'needs.x', message: 'Invalid input' },
      ]),
    ).toEqual([
      { path: 'goals', key: 'errors.textTooLong' },
      { path: 'needs.x', key: 'errors.invalidValue' },
    ]);
    expect(nextStep('welcome')).toBe('names');
    expect(nextStep('check')).toBe('check');
    expect(previousStep('welcome')).toBe('welcome');
    expect(previousStep('check')).toBe('needs');
  });

  it('carries what was typed under an old link over to a new one', () => {
    const oldView = sampleView();
    const old = edited(newDraft('inv_old', oldView, 'tr'), {
      answers: { ...oldView.answers, memberCount: 60 },
      needs: withNeedState(oldView.needs, oldView.needs, 'school', 'needed'),
      step: 'needs',
    });
    // Meanwhile the coordinator changed the goals: that stays, the representative's edits win.
    const freshView = sampleView({
      answers: { ...oldView.answers, goals: 'Neu vom Büro' },
    });
    const moved = carryOver(old, newDraft('inv_new', freshView, 'tr'));
    expect(moved.token).toBe('inv_new');
    expect(moved.step).toBe('needs');
    expect(moved.answers.goals).toBe('Neu vom Büro');
    expect(changesOf(moved)).toEqual({
      answers: { memberCount: 60 },
      needs: { school: { state: 'needed', priority: null, note: '' } },
    });
  });

  it('names each link problem with a translation key', () => {
    expect(linkProblemKey('invitation_expired')).toBe('selfReport:link.expired');
    expect(linkProblemKey('invitation_revoked')).toBe('selfReport:link.revoked');
    expect(linkProblemKey('unauthenticated')).toBe('selfReport:link.unknown');
  });
});

describe('self-report texts', () => {
  it('have every link problem message in German and English', () => {
    for (const lang of ['de', 'en']) {
      const file = join(import.meta.dirname, '../../locales', lang, 'selfReport.json');
      const texts = JSON.parse(readFileSync(file, 'utf8')) as { link: Record<string, string> };
      for (const code of ['invitation_expired', 'invitation_revoked', 'unauthenticated'] as const) {
        const key = linkProblemKey(code).replace('selfReport:link.', '');
        expect(texts.link[key]).toMatch(/\S/);
      }
    }
  });
});
