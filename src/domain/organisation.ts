import { z } from 'zod';
import { checklistMapSchema } from './checklistSchema';
import {
  baseRecordSchema,
  countryCodeSchema,
  isoDateSchema,
  languageTagSchema,
  longTextSchema,
  optionalCountSchema,
  refIdSchema,
  shortTextSchema,
} from './record';
import {
  legalForms,
  cooperationStatuses,
  ageGroups,
  arrivalPeriods,
  umbrellaKinds,
  skillLevels,
  provenanceSources,
  fundingStatuses,
  provenanceSections,
} from './organisationValues';

export {
  legalForms,
  cooperationStatuses,
  ageGroups,
  arrivalPeriods,
  umbrellaKinds,
  skillLevels,
  provenanceSources,
  fundingStatuses,
  profileSections,
  provenanceSections,
  type CooperationStatus,
  type ProfileSection,
  type ProvenanceSection,
} from './organisationValues';

export const provenanceSchema = z.object({
  source: z.enum(provenanceSources),
  verifiedAt: isoDateSchema,
  language: languageTagSchema.nullable(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export const cooperationSchema = z.object({
  institution: shortTextSchema.min(1, { error: 'errors.institutionRequired' }),
  educationProvider: z.boolean(),
  note: shortTextSchema,
});

export const fundingSchema = z.object({
  programme: shortTextSchema.min(1, { error: 'errors.programmeRequired' }),
  status: z.enum(fundingStatuses),
  year: z
    .number()
    .int({ error: 'errors.yearInvalid' })
    .min(1950, { error: 'errors.yearInvalid' })
    .max(2100, { error: 'errors.yearInvalid' })
    .nullable(),
  amountEur: z
    .number({ error: 'errors.numberInvalid' })
    .min(0, { error: 'errors.numberNegative' })
    .nullable(),
});

export const organisationSchema = baseRecordSchema
  .extend({
    // Names
    name: shortTextSchema.min(1, { error: 'errors.nameRequired' }),
    originalName: shortTextSchema,
    shortName: shortTextSchema,
    // Form
    legalForm: z.enum(legalForms),
    registerNumber: shortTextSchema,
    // Goals and fields of activity
    goals: longTextSchema,
    fieldsOfActivity: z.array(refIdSchema),
    // Member profile
    members: z.object({
      memberCount: optionalCountSchema,
      activeVolunteers: optionalCountSchema,
      ageGroups: z.array(z.enum(ageGroups)),
      arrivalPeriods: z.array(z.enum(arrivalPeriods)),
      shareBornInGermanyPercent: z
        .number({ error: 'errors.numberInvalid' })
        .min(0, { error: 'errors.percentInvalid' })
        .max(100, { error: 'errors.percentInvalid' })
        .nullable(),
      languages: z.array(languageTagSchema),
      originCountries: z.array(countryCodeSchema),
      peopleReached: optionalCountSchema,
    }),
    // Professionalisation
    professionalisation: z.object({
      paidStaff: optionalCountSchema,
      umbrellaKind: z.enum(umbrellaKinds),
      umbrellaName: shortTextSchema,
      welfareAssociation: refIdSchema.nullable(),
      boardGermanSkills: z.enum(skillLevels),
      boardSystemKnowledge: z.enum(skillLevels),
    }),
    // Relations abroad
    relationsAbroad: longTextSchema,
    // Degree of establishment
    district: refIdSchema.nullable(),
    foundingYear: z
      .number({ error: 'errors.yearInvalid' })
      .int({ error: 'errors.yearInvalid' })
      .min(1800, { error: 'errors.yearInvalid' })
      .max(2100, { error: 'errors.yearInvalid' })
      .nullable(),
    ownRooms: z.boolean().nullable(),
    lendsRooms: z.boolean().nullable(),
    // Networks, cooperations, funding (maps: concurrent additions never collide)
    networks: z.array(refIdSchema),
    // A removed entry syncs as null (a tombstone), so a removal on one device reaches the others.
    cooperations: z.record(refIdSchema, cooperationSchema.nullable()),
    funding: z.record(refIdSchema, fundingSchema.nullable()),
    // Cooperation status
    status: z.enum(cooperationStatuses),
    statusReason: shortTextSchema,
    statusChangedAt: isoDateSchema.nullable(),
    // Needs checklist: the last known state of every item
    needs: checklistMapSchema,
    provenance: z.partialRecord(z.enum(provenanceSections), provenanceSchema),
  })
  .superRefine((org, ctx) => {
    if (org.status === 'excluded' && org.statusReason.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['statusReason'],
        message: 'errors.exclusionReasonRequired',
      });
    }
    if (org.legalForm !== 'registeredAssociation' && org.registerNumber.trim() !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['registerNumber'],
        message: 'errors.registerNumberOnlyForRegistered',
      });
    }
  });
export type Organisation = z.infer<typeof organisationSchema>;

export function newOrganisation(id: string, nowIso: string): Organisation {
  return {
    id,
    createdAt: nowIso,
    updatedAt: nowIso,
    deleted: false,
    name: '',
    originalName: '',
    shortName: '',
    legalForm: 'registeredAssociation',
    registerNumber: '',
    goals: '',
    fieldsOfActivity: [],
    members: {
      memberCount: null,
      activeVolunteers: null,
      ageGroups: [],
      arrivalPeriods: [],
      shareBornInGermanyPercent: null,
      languages: [],
      originCountries: [],
      peopleReached: null,
    },
    professionalisation: {
      paidStaff: null,
      umbrellaKind: 'none',
      umbrellaName: '',
      welfareAssociation: null,
      boardGermanSkills: 'unknown',
      boardSystemKnowledge: 'unknown',
    },
    relationsAbroad: '',
    district: null,
    foundingYear: null,
    ownRooms: null,
    lendsRooms: null,
    networks: [],
    cooperations: {},
    funding: {},
    status: 'notContacted',
    statusReason: '',
    statusChangedAt: null,
    needs: {},
    provenance: {},
  };
}

/** The entries of a cooperation or funding map that were not removed (removed ones are null). */
export function presentEntries<T>(map: Record<string, T | null>): [string, T][] {
  return Object.entries(map).filter((entry): entry is [string, T] => entry[1] !== null);
}
