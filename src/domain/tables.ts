import type { z } from 'zod';
import { conflictRecordSchema } from './conflict';
import { contactPersonSchema } from './contactPerson';
import { organisationSchema } from './organisation';
import { referenceEntrySchema } from './referenceData';
import { selfReportSchema } from './selfReport';
import type { SyncTable } from './sync/mutation';
import { followUpSchema, referralSchema, visitSchema } from './visit';

/** One schema per synced table: the client's repositories and the server validate against these. */
export const recordSchemas = {
  organisations: organisationSchema,
  contacts: contactPersonSchema,
  visits: visitSchema,
  referrals: referralSchema,
  followUps: followUpSchema,
  referenceData: referenceEntrySchema,
  conflicts: conflictRecordSchema,
  selfReports: selfReportSchema,
} as const satisfies Record<SyncTable, z.ZodType>;

export type RecordOf<T extends SyncTable> = z.infer<(typeof recordSchemas)[T]>;
