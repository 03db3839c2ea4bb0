/**
 * The value lists of an organisation's profile (legal forms, cooperation statuses, …). No zod
 * here, so screens that only need a list (the start page's filters) do not load the schemas;
 * organisation.ts builds the schemas from these and re-exports them.
 */
export const legalForms = [
  'registeredAssociation',
  'initiative',
  'religiousCommunity',
  'other',
] as const;
export const cooperationStatuses = [
  'notContacted',
  'contacted',
  'cooperating',
  'paused',
  'declined',
  'excluded',
] as const;
export type CooperationStatus = (typeof cooperationStatuses)[number];
export const ageGroups = ['children', 'youth', 'adults', 'seniors'] as const;
export const arrivalPeriods = [
  'before1990',
  'from1990to2004',
  'from2005to2014',
  'since2015',
] as const;
export const umbrellaKinds = ['none', 'origin', 'thematic', 'religious', 'multinational'] as const;
export const skillLevels = ['unknown', 'low', 'medium', 'high'] as const;
export const provenanceSources = ['visit', 'selfReport', 'register', 'survey'] as const;
export const fundingStatuses = ['applied', 'received', 'rejected'] as const;

/** Profile sections: each has its own provenance and "last verified" date. */
export const profileSections = [
  'names',
  'form',
  'activities',
  'members',
  'professionalisation',
  'abroad',
  'establishment',
  'networks',
  'cooperations',
  'funding',
  'status',
] as const;
export type ProfileSection = (typeof profileSections)[number];
/** Provenance is kept per profile section and for the needs checklist as a whole. */
export const provenanceSections = [...profileSections, 'needs'] as const;
export type ProvenanceSection = (typeof provenanceSections)[number];
