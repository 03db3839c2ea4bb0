import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conflictOverview } from '../../src/db/queries/conflicts';
import { openSelfReportCount, selfReportQueue } from '../../src/db/queries/selfReports';
import { decideItems, remainingItems } from '../../src/db/repositories/selfReviews';
import type { ConflictRecord } from '../../src/domain/conflict';
import { describeValue } from '../../src/features/conflicts/describeValue';
import { fieldSpec } from '../../src/features/conflicts/fieldSpec';
import { pulledSelfReport, syncedOrganisation } from './selfReportReviewFixtures';
import { testDeps } from './testDeps';

describe('the self-report queue', () => {
  it('lists reports waiting for a decision first (oldest first), reviewed ones below', async () => {
    const deps = testDeps();
    const org = await syncedOrganisation(deps);
    const older = await pulledSelfReport(deps, org.id, {}, '2026-03-01T10:00:00.000Z');
    const reviewed = await pulledSelfReport(deps, org.id, {}, '2026-03-05T10:00:00.000Z');
    const newer = await pulledSelfReport(deps, org.id, {}, '2026-03-08T10:00:00.000Z');
    const elsewhere = await pulledSelfReport(
      deps,
      '00000000-0000-4000-8000-0000000000ff',
      { answers: { name: 'Verein' }, needs: {} },
      '2026-03-02T10:00:00.000Z',
    );
    await decideItems(deps, reviewed.id, remainingItems(reviewed), 'rejected');

    const queue = await selfReportQueue(deps.db);

    expect(queue.open.map((i) => i.report.id)).toEqual([older.id, elsewhere.id, newer.id]);
    expect(queue.reviewed.map((i) => i.report.id)).toEqual([reviewed.id]);
    expect(queue.open[0]).toMatchObject({ organisationName: org.name, openCount: 4 });
    expect(queue.open[1]).toMatchObject({ organisationName: null, openCount: 1 });
    expect(queue.reviewed[0]?.openCount).toBe(0);
    expect(await openSelfReportCount(deps.db)).toBe(3);
  });

  it('counts a report as reviewed once every answer and need is decided', async () => {
    const deps = testDeps();
    const org = await syncedOrganisation(deps);
    const report = await pulledSelfReport(deps, org.id);
    expect(await openSelfReportCount(deps.db)).toBe(1);
    const [first, ...rest] = remainingItems(report);
    if (!first) throw new Error('nothing to decide');
    await decideItems(deps, report.id, [first], 'accepted');
    expect(await openSelfReportCount(deps.db)).toBe(1);
    await decideItems(deps, report.id, rest, 'rejected');
    expect(await openSelfReportCount(deps.db)).toBe(0);
  });
});

const locales = join(import.meta.dirname, '../../locales');
function hasKey(lang: string, key: string): boolean {
  const [ns, path] = key.split(':');
  if (!ns || !path) return false;
  let node: unknown = JSON.parse(readFileSync(join(locales, lang, `${ns}.json`), 'utf8'));
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

describe('conflicts on self-reports read well', () => {
  const paths = [
    'decisions.fields.goals.decision',
    'decisions.fields.goals.decidedAt',
    'decisions.fields.goals',
    'decisions.needs.findingRooms.decision',
    'decisions.needs.findingRooms',
    'answers.goals',
    'answers.ageGroups',
    'needs.findingRooms.state',
    'language',
    'submittedAt',
    'provenance.needs.language',
  ];

  it('name every field with labels that exist in German and English', () => {
    for (const path of paths) {
      const table = path.startsWith('provenance') ? 'organisations' : 'selfReports';
      const spec = fieldSpec(table, path.split('.'));
      expect(spec, path).not.toBeNull();
      const values = spec?.format.type === 'enum' ? spec.format : null;
      const valueKeys = values ? values.values.map((v) => `${values.prefix}.${v}`) : [];
      for (const key of [...(spec?.label ?? []), ...valueKeys]) {
        expect(hasKey('de', key), `de ${key}`).toBe(true);
        expect(hasKey('en', key), `en ${key}`).toBe(true);
      }
    }
    expect(fieldSpec('selfReports', ['decisions', 'fields', 'goals', 'decision'])?.label).toEqual([
      'organisations:fields.goals',
      'review:conflict.decision',
    ]);
    expect(fieldSpec('selfReports', ['decisions', 'needs', 'noSuchItem'])).toBeNull();
  });

  it('show decisions as words and decision times as timestamps', () => {
    expect(describeValue('selfReports', 'decisions.fields.goals.decision', 'accepted')).toEqual({
      kind: 'key',
      key: 'review:decisions.accepted',
    });
    expect(
      describeValue('selfReports', 'decisions.fields.goals.decidedAt', '2026-03-10T09:00:00.000Z'),
    ).toEqual({ kind: 'dateTime', value: '2026-03-10T09:00:00.000Z' });
  });

  it('describe the self-report a conflict is about, with its organisation', async () => {
    const deps = testDeps();
    const org = await syncedOrganisation(deps);
    const report = await pulledSelfReport(deps, org.id);
    const side = (value: string, stamp: string) => ({
      value,
      stamp,
      clientId: 'c1',
      author: 'Koordination',
    });
    const conflict: ConflictRecord = {
      id: deps.newId(),
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      deleted: false,
      recordTable: 'selfReports',
      recordId: report.id,
      path: 'decisions.fields.goals.decision',
      winner: side('accepted', '2'),
      loser: side('rejected', '1'),
      resolution: 'open',
      resolvedAt: null,
    };
    await deps.db.conflicts.put(conflict);

    const overview = await conflictOverview(deps.db);

    expect(overview.open[0]?.subject).toEqual({
      kind: 'selfReport',
      selfReportId: report.id,
      submittedAt: report.submittedAt,
      organisation: { id: org.id, name: org.name },
      deleted: false,
    });
  });
});
