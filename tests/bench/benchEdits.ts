import { prefill, withNote, withState } from '../../src/domain/checklist';
import { needsCatalogue } from '../../src/domain/needsCatalogue';
import type { Organisation } from '../../src/domain/organisation';
import type { RepoDeps } from '../../src/db/deps';
import { updateOrganisation } from '../../src/db/repositories/organisations';
import { saveVisit, setFollowUpDone } from '../../src/db/repositories/visits';

/**
 * The offline edits of the push measurement, made through the real repositories (each one a
 * `commitWrites` transaction: record + outbox entry). Together they leave exactly
 * {@link EDIT_MUTATIONS} outbox entries.
 */
export const editMix = [
  {
    kind: 'profile',
    operations: 400,
    mutationsEach: 1,
    what: 'updateOrganisation: a profile field (members, goals, district)',
  },
  {
    kind: 'checklist',
    operations: 200,
    mutationsEach: 1,
    what: 'updateOrganisation: one checklist entry of `needs` (state or note)',
  },
  {
    kind: 'visit',
    operations: 100,
    mutationsEach: 3,
    what: 'saveVisit: visit with checklistUpdates + organisation + 1 follow-up',
  },
  {
    kind: 'followUp',
    operations: 100,
    mutationsEach: 1,
    what: 'setFollowUpDone: toggle a follow-up',
  },
] as const;

export const EDIT_OPERATIONS = editMix.reduce((n, e) => n + e.operations, 0);
export const EDIT_MUTATIONS = editMix.reduce((n, e) => n + e.operations * e.mutationsEach, 0);

const DISTRICTS = ['Biebrich', 'Mitte', 'Dotzheim', 'Westend', 'Kastel'];

function profileEdit(org: Organisation, i: number): Organisation {
  switch (i % 3) {
    case 0:
      return { ...org, members: { ...org.members, memberCount: 10 + (i % 500) } };
    case 1:
      return { ...org, goals: `${org.goals.split(' [')[0] ?? ''} [Stand ${i}]` };
    default:
      return {
        ...org,
        district:
          DISTRICTS[i % DISTRICTS.length] === org.district
            ? 'Nordost'
            : (DISTRICTS[i % DISTRICTS.length] ?? null),
      };
  }
}

function checklistEdit(org: Organisation, i: number): Organisation {
  const item = needsCatalogue[i % needsCatalogue.length]?.id ?? 'findingRooms';
  const needs =
    i % 2 === 0
      ? withNote(org.needs, item, `Notiz ${i}`)
      : withState(org.needs, item, org.needs[item]?.state === 'needed' ? 'resolved' : 'needed');
  return { ...org, needs };
}

/**
 * Makes the edit mix on a client that has pulled everything, spreading the edits over the
 * organisations and follow-ups it holds. Returns the number of outbox entries written.
 */
export async function makeOfflineEdits(deps: RepoDeps, offset: number): Promise<number> {
  const { db } = deps;
  const orgIds = (await db.organisations.toArray()).filter((o) => !o.deleted).map((o) => o.id);
  const followUpIds = (await db.followUps.toArray()).map((f) => f.id);
  if (orgIds.length === 0 || followUpIds.length === 0) throw new Error('nothing to edit');
  const orgAt = async (i: number): Promise<Organisation> => {
    const id = orgIds[(i * 7 + offset) % orgIds.length];
    const org = id === undefined ? undefined : await db.organisations.get(id);
    if (!org) throw new Error(`organisation ${String(id)} missing`);
    return org;
  };

  let op = 0;
  for (const { kind, operations } of editMix) {
    for (let k = 0; k < operations; k += 1, op += 1) {
      switch (kind) {
        case 'profile': {
          const org = await orgAt(op);
          await updateOrganisation(deps, org, profileEdit(org, op + offset));
          break;
        }
        case 'checklist': {
          const org = await orgAt(op);
          await updateOrganisation(deps, org, checklistEdit(org, op + offset));
          break;
        }
        case 'visit': {
          const org = await orgAt(op);
          const before = prefill(org.needs);
          const item = needsCatalogue[op % needsCatalogue.length]?.id ?? 'findingRooms';
          await saveVisit(deps, {
            visit: {
              organisationId: org.id,
              date: '2026-03-10',
              place: 'moRooms',
              placeNote: '',
              participants: 'Vorstand',
              purpose: 'followUp',
              language: 'de',
              interpreter: false,
              notes: `Besuch ${op}: Bedarfe besprochen, nächste Schritte vereinbart.`,
              handedOver: 'Flyer',
            },
            checklistBefore: before,
            checklist: withState(
              before,
              item,
              before[item]?.state === 'needed' ? 'resolved' : 'needed',
            ),
            referrals: [],
            followUps: [
              { what: `Nachfassen ${op}`, who: 'Koordinierungsstelle', dueDate: '2026-04-01' },
            ],
          });
          break;
        }
        case 'followUp': {
          const id = followUpIds[(op * 13 + offset) % followUpIds.length];
          const f = id === undefined ? undefined : await db.followUps.get(id);
          if (!f) throw new Error(`follow-up ${String(id)} missing`);
          await setFollowUpDone(deps, f, !f.done, '2026-03-10');
          break;
        }
      }
    }
  }
  return db.outbox.count();
}
