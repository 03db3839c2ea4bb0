import { z } from 'zod';
import { baseRecordSchema, isoDateSchema, languageTagSchema, shortTextSchema } from './record';

export const consentScopes = ['contact', 'storeDetails', 'shareWithOffices'] as const;

export const consentSchema = z.object({
  date: isoDateSchema,
  scopes: z.array(z.enum(consentScopes)).min(1, { error: 'errors.consentScopeRequired' }),
});

const emailSchema = z.union([
  z.literal(''),
  z.email({ error: 'errors.emailInvalid' }).max(254, { error: 'errors.emailInvalid' }),
]);
const phoneSchema = z
  .string()
  .trim()
  .regex(/^$|^\+?[0-9 ()/-]{5,30}$/, { error: 'errors.phoneInvalid' });

/**
 * A contact person is personal data: without recorded consent (date and scope) only name and
 * role may be kept. Erasing on request clears every field and leaves a tombstone.
 */
export const contactPersonSchema = baseRecordSchema
  .extend({
    organisationId: z.uuid({ error: 'errors.organisationRequired' }),
    name: shortTextSchema.min(1, { error: 'errors.nameRequired' }),
    role: shortTextSchema,
    languages: z.array(languageTagSchema),
    phone: phoneSchema,
    email: emailSchema,
    consent: consentSchema.nullable(),
  })
  .superRefine((c, ctx) => {
    if (c.consent) return;
    const details: ['languages' | 'phone' | 'email', boolean][] = [
      ['phone', c.phone !== ''],
      ['email', c.email !== ''],
      ['languages', c.languages.length > 0],
    ];
    for (const [field, present] of details) {
      if (present) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'errors.contactDetailsWithoutConsent',
        });
      }
    }
  });
export type ContactPerson = z.infer<typeof contactPersonSchema>;

/** What is kept of a contact after an erasure request: nothing personal. */
export function erasedContact(c: ContactPerson, nowIso: string): ContactPerson {
  return {
    ...c,
    name: '—',
    role: '',
    languages: [],
    phone: '',
    email: '',
    consent: null,
    deleted: true,
    updatedAt: nowIso,
  };
}
