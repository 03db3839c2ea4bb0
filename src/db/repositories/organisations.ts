import type { ContactPerson } from '../../domain/contactPerson';
import { erasedContact } from '../../domain/contactPerson';
import { newOrganisation, type Organisation } from '../../domain/organisation';
import { commitWrites } from '../commitWrites';
import type { RepoDeps } from '../deps';

export async function createOrganisation(
  deps: RepoDeps,
  fields: Partial<Omit<Organisation, 'id' | 'createdAt' | 'updatedAt' | 'deleted'>>,
  draftId?: string,
): Promise<Organisation> {
  const nowIso = deps.now().toISOString();
  const org: Organisation = { ...newOrganisation(deps.newId(), nowIso), ...fields };
  await commitWrites(deps, [{ table: 'organisations', before: null, after: org }], {
    deleteDrafts: draftId ? [draftId] : [],
  });
  return org;
}

/** Saves an edited profile; only the fields that changed go into the outbox entry. */
export async function updateOrganisation(
  deps: RepoDeps,
  before: Organisation,
  after: Organisation,
  draftId?: string,
): Promise<Organisation> {
  const record = { ...after, updatedAt: deps.now().toISOString() };
  await commitWrites(deps, [{ table: 'organisations', before, after: record }], {
    deleteDrafts: draftId ? [draftId] : [],
  });
  return record;
}

export async function saveContact(
  deps: RepoDeps,
  before: ContactPerson | null,
  fields: Omit<ContactPerson, 'id' | 'createdAt' | 'updatedAt' | 'deleted'>,
): Promise<ContactPerson> {
  const nowIso = deps.now().toISOString();
  const record: ContactPerson = before
    ? { ...before, ...fields, updatedAt: nowIso }
    : { ...fields, id: deps.newId(), createdAt: nowIso, updatedAt: nowIso, deleted: false };
  await commitWrites(deps, [{ table: 'contacts', before, after: record }]);
  return record;
}

/** Erasure on request: personal fields are cleared everywhere, a tombstone remains. */
export async function eraseContact(deps: RepoDeps, contact: ContactPerson): Promise<void> {
  const erased = erasedContact(contact, deps.now().toISOString());
  await commitWrites(deps, [{ table: 'contacts', before: contact, after: erased }]);
}
