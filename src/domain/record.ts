import { z } from 'zod';

/** Fields every synced record carries. Deletes are tombstones (`deleted: true`), never removals. */
export const baseRecordSchema = z.object({
  id: z.uuid({ error: 'errors.idInvalid' }),
  createdAt: z.iso.datetime({ error: 'errors.timestampInvalid' }),
  updatedAt: z.iso.datetime({ error: 'errors.timestampInvalid' }),
  deleted: z.boolean(),
});
export type BaseRecord = z.infer<typeof baseRecordSchema>;

/** A calendar day as the user picked it (YYYY-MM-DD), without a time zone. */
export const isoDateSchema = z.iso.date({ error: 'errors.dateInvalid' });

export const optionalCountSchema = z
  .number({ error: 'errors.numberInvalid' })
  .int({ error: 'errors.numberInvalid' })
  .min(0, { error: 'errors.numberNegative' })
  .max(1_000_000, { error: 'errors.numberTooLarge' })
  .nullable();

export const shortTextSchema = z.string().trim().max(300, { error: 'errors.textTooLong' });
export const longTextSchema = z.string().max(20_000, { error: 'errors.textTooLong' });

/** BCP 47 language tag as typed by people: "ar", "tr", "pt-BR". */
export const languageTagSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'errors.languageInvalid' });

/** ISO 3166-1 alpha-2 country code. */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, { error: 'errors.countryInvalid' });

/** Ids of reference data entries and catalogue items: no dots, so they can be path segments. */
export const refIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'errors.refInvalid' });
