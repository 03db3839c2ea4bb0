import type { Mutation, SyncTable } from '../../domain/sync/mutation';
import { shadowKey, type BrueckeDb, type QuarantinedMutation } from '../database';

export interface QuarantineItem extends QuarantinedMutation {
  /** The organisation the record is or belongs to, so the coordinator recognises it. */
  organisationName: string | null;
  /** The edit created the record (then it carries every field). */
  created: boolean;
  /** The changed fields, as dotted paths (`needs.school.state`). */
  fields: string[];
}

/**
 * Whether an outbox entry is a record's first one: it carries every field, `createdAt` among
 * them, which later edits never change.
 */
export function isCreation(mutation: Mutation): boolean {
  return (
    mutation.baseVersion === null &&
    mutation.changes.some((c) => c.path.length === 1 && c.path[0] === 'createdAt')
  );
}

const tablesWithOrganisation: ReadonlySet<SyncTable> = new Set([
  'contacts',
  'visits',
  'referrals',
  'followUps',
]);

const stringField = (data: unknown, field: string): string | null => {
  if (typeof data !== 'object' || data === null) return null;
  const value = (data as Record<string, unknown>)[field];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
};

/** The value a mutation itself sets for a top-level field, if any. */
const changedValue = (entry: QuarantinedMutation, field: string): string | null => {
  const change = entry.mutation.changes.find((c) => c.path.length === 1 && c.path[0] === field);
  return typeof change?.value === 'string' && change.value.trim() !== '' ? change.value : null;
};

async function organisationName(db: BrueckeDb, id: string): Promise<string | null> {
  const local = await db.organisations.get(id);
  if (local?.name) return local.name;
  const shadow = await db.shadows.get(shadowKey('organisations', id));
  return stringField(shadow?.data, 'name');
}

async function organisationOf(db: BrueckeDb, entry: QuarantinedMutation): Promise<string | null> {
  const { table, recordId } = entry.mutation;
  if (table === 'organisations') {
    return (await organisationName(db, recordId)) ?? changedValue(entry, 'name');
  }
  if (!tablesWithOrganisation.has(table)) return null;
  const record: unknown = await db.table(table).get(recordId);
  const shadow = await db.shadows.get(shadowKey(table, recordId));
  const orgId =
    stringField(record, 'organisationId') ??
    stringField(shadow?.data, 'organisationId') ??
    changedValue(entry, 'organisationId');
  return orgId ? organisationName(db, orgId) : null;
}

/** The refused edits, oldest first, with what the coordinator needs to recognise them. */
export async function listQuarantine(db: BrueckeDb): Promise<QuarantineItem[]> {
  return db.transaction(
    'r',
    [
      db.quarantine,
      db.organisations,
      db.shadows,
      db.contacts,
      db.visits,
      db.referrals,
      db.followUps,
    ],
    async () => {
      const entries = await db.quarantine.orderBy('seq').toArray();
      const items: QuarantineItem[] = [];
      for (const entry of entries) {
        items.push({
          ...entry,
          organisationName: await organisationOf(db, entry),
          created: isCreation(entry.mutation),
          fields: [...new Set(entry.mutation.changes.map((c) => c.path.join('.')))],
        });
      }
      return items;
    },
  );
}
