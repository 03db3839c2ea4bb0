import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsCatalogue } from '../../src/domain/needsCatalogue';
import { newOrganisation, profileSections } from '../../src/domain/organisation';
import type { DataTable } from '../../src/domain/sync/mutation';
import { describeValue } from '../../src/features/conflicts/describeValue';
import { fieldSpec } from '../../src/features/conflicts/fieldSpec';

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

const leaves = (value: unknown, path: string[] = []): string[][] =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))
    : [path];

const paths: [DataTable, string][] = [
  ...leaves(newOrganisation('x', '2026-01-01T00:00:00.000Z'))
    .filter((p) => !['id', 'createdAt', 'updatedAt'].includes(p[0] ?? ''))
    .map((p) => ['organisations', p.join('.')] as [DataTable, string]),
  ...needsCatalogue.flatMap((i) =>
    ['', '.state', '.priority', '.note'].map(
      (part) => ['organisations', `needs.${i.id}${part}`] as [DataTable, string],
    ),
  ),
  ...profileSections.flatMap((s) =>
    ['', '.source', '.verifiedAt', '.language'].map(
      (part) => ['organisations', `provenance.${s}${part}`] as [DataTable, string],
    ),
  ),
  ['organisations', 'cooperations.c1'],
  ['organisations', 'cooperations.c1.institution'],
  ['organisations', 'funding.f1.amountEur'],
  ['contacts', 'name'],
  ['contacts', 'consent.scopes'],
  ['visits', 'purpose'],
  ['visits', 'checklistUpdates.school.state'],
  ['referrals', 'outcome'],
  ['followUps', 'dueDate'],
  ['followUps', 'done'],
  ['referenceData', 'archived'],
];

describe('conflict field labels', () => {
  it('know every field of an organisation; labels and values exist in German and English', () => {
    for (const [table, path] of paths) {
      const spec = fieldSpec(table, path.split('.'));
      expect(spec, `${table} ${path}`).not.toBeNull();
      const values = spec?.format.type === 'enum' ? spec.format : null;
      const valueKeys = values ? values.values.map((v) => `${values.prefix}.${v}`) : [];
      for (const key of [...(spec?.label ?? []), ...valueKeys]) {
        expect(hasKey('de', key), `de ${key}`).toBe(true);
        expect(hasKey('en', key), `en ${key}`).toBe(true);
      }
    }
  });

  it('name a checklist part by its item and the part', () => {
    expect(fieldSpec('organisations', ['needs', 'findingRooms', 'state'])?.label).toEqual([
      'needs:items.findingRooms.label',
      'conflicts:fields.needState',
    ]);
  });

  it('give up on paths they do not know (the screen shows the raw path)', () => {
    expect(fieldSpec('organisations', ['needs', 'noSuchItem', 'state'])).toBeNull();
    expect(fieldSpec('organisations', ['whatever'])).toBeNull();
    expect(fieldSpec('visits', ['members', 'memberCount'])).toBeNull();
  });
});

describe('conflict values', () => {
  it('translate checklist states, readiness states and priorities', () => {
    expect(describeValue('organisations', 'needs.findingRooms.state', 'needed')).toEqual({
      kind: 'key',
      key: 'needs:states.needed',
    });
    expect(describeValue('organisations', 'needs.offersRooms.state', 'needed')).toEqual({
      kind: 'key',
      key: 'needs:readinessStates.needed',
    });
    expect(describeValue('visits', 'checklistUpdates.school.priority', 'high')).toEqual({
      kind: 'key',
      key: 'needs:priorities.high',
    });
  });

  it('show null, empty text and empty lists as empty; booleans and numbers by type', () => {
    expect(describeValue('organisations', 'members.memberCount', null)).toEqual({ kind: 'empty' });
    expect(describeValue('organisations', 'goals', '')).toEqual({ kind: 'empty' });
    expect(describeValue('organisations', 'networks', [])).toEqual({ kind: 'empty' });
    expect(describeValue('organisations', 'ownRooms', false)).toEqual({
      kind: 'bool',
      value: false,
    });
    expect(describeValue('organisations', 'foundingYear', 1998)).toEqual({
      kind: 'number',
      value: 1998,
      style: 'year',
    });
  });

  it('keep typed text as text, codes as reference lookups, lists item by item', () => {
    expect(describeValue('organisations', 'name', 'جمعية')).toEqual({
      kind: 'text',
      text: 'جمعية',
    });
    expect(describeValue('organisations', 'members.languages', ['ar', 'tr'])).toEqual({
      kind: 'list',
      items: [
        { kind: 'language', code: 'ar' },
        { kind: 'language', code: 'tr' },
      ],
    });
    expect(describeValue('organisations', 'district', 'Biebrich')).toEqual({
      kind: 'ref',
      refKind: 'district',
      code: 'Biebrich',
    });
    // A value outside the known set is shown as it is, not as a missing translation.
    expect(describeValue('organisations', 'status', 'unheard')).toEqual({
      kind: 'raw',
      text: 'unheard',
    });
  });

  it('break a whole checklist item into its labelled parts, leaving out empty ones', () => {
    expect(
      describeValue('organisations', 'needs.school', { state: 'needed', priority: null, note: '' }),
    ).toEqual({
      kind: 'fields',
      entries: [
        {
          key: 'state',
          label: 'conflicts:fields.needState',
          value: { kind: 'key', key: 'needs:states.needed' },
        },
      ],
    });
  });
});
