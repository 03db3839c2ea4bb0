import type { Visit } from '../../src/domain/visit';

const stamp = '2026-03-10T09:00:00.000Z';

/** A stored visit with plain defaults, for tests that fill IndexedDB directly. */
export function visitRecord(
  fields: Pick<Visit, 'id' | 'organisationId' | 'date'> & Partial<Visit>,
): Visit {
  return {
    createdAt: stamp,
    updatedAt: stamp,
    deleted: false,
    place: 'moRooms',
    placeNote: '',
    participants: '',
    purpose: 'counselling',
    language: 'de',
    interpreter: false,
    notes: '',
    handedOver: '',
    checklistUpdates: {},
    ...fields,
  };
}
