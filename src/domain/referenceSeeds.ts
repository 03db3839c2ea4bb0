/**
 * Editable reference data: districts, fields of activity, referral targets, networks, umbrella
 * kinds. Built-in entries carry a `labelKey` translated by the locale files; entries the office
 * adds carry their own `label`. Entries are archived, never removed, so old records keep their meaning.
 *
 * This module holds the kinds and the built-in entries every device seeds on first start. It has
 * no zod, so the start page can seed without loading the schemas (`referenceEntrySchema` is in
 * referenceData.ts, which re-exports everything here).
 */
export const referenceKinds = [
  'district',
  'fieldOfActivity',
  'referralTarget',
  'network',
  'welfareAssociation',
] as const;
export type ReferenceKind = (typeof referenceKinds)[number];

export interface ReferenceSeed {
  kind: ReferenceKind;
  code: string;
  /** Proper names (districts, networks) are shown as they are in every language. */
  label?: string;
}

const districts = [
  'Auringen',
  'Biebrich',
  'Bierstadt',
  'Breckenheim',
  'Delkenheim',
  'Dotzheim',
  'Erbenheim',
  'Frauenstein',
  'Heßloch',
  'Igstadt',
  'Klarenthal',
  'Kloppenheim',
  'Mainz-Amöneburg',
  'Mainz-Kastel',
  'Mainz-Kostheim',
  'Medenbach',
  'Mitte',
  'Naurod',
  'Nordenstadt',
  'Nordost',
  'Rambach',
  'Rheingauviertel',
  'Schierstein',
  'Sonnenberg',
  'Südost',
  'Westend',
];

const codeOf = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]/g, '');

export const fieldsOfActivity = [
  'counselling',
  'religiousPractice',
  'parentFamilyEducation',
  'heritageLanguage',
  'germanLanguage',
  'adultEducation',
  'schoolSupport',
  'vocationalEducation',
  'cultureArts',
  'sport',
  'youthWork',
  'women',
  'seniors',
  'leisure',
  'interculturalDialogue',
  'arrivalHelp',
  'accompaniment',
  'interestRepresentation',
  'developmentCooperation',
];

export const referralTargets = [
  'integrationDepartment',
  'foreignersCouncil',
  'culturalOffice',
  'parksOffice',
  'jobCentre',
  'statisticsOffice',
  'volunteerCentre',
  'buergerkolleg',
  'kompetenzzentrumVielfalt',
  'houseOfResources',
  'cityFoundation',
  'educationProviders',
  'welfareAssociations',
];

const networks: [string, string][] = [
  ['islamicCommunities', 'Netzwerk Islamische Gemeinden'],
  ['ack', 'Arbeitsgemeinschaft Christlicher Kirchen (ACK)'],
  ['catholicOtherLanguages', 'Arbeitskreis katholischer Gemeinden anderer Muttersprachen'],
  ['amin', 'Arbeitskreis Migration und Integration (AMIN)'],
];

const welfareAssociations: [string, string][] = [
  ['awo', 'Arbeiterwohlfahrt (AWO)'],
  ['caritas', 'Deutscher Caritasverband'],
  ['paritaet', 'Der Paritätische'],
  ['drk', 'Deutsches Rotes Kreuz'],
  ['diakonie', 'Diakonie Deutschland'],
  ['zwst', 'Zentralwohlfahrtsstelle der Juden in Deutschland'],
];

export const referenceSeeds: readonly ReferenceSeed[] = [
  ...districts.map((name) => ({ kind: 'district' as const, code: codeOf(name), label: name })),
  ...fieldsOfActivity.map((code) => ({ kind: 'fieldOfActivity' as const, code })),
  ...referralTargets.map((code) => ({ kind: 'referralTarget' as const, code })),
  ...networks.map(([code, label]) => ({ kind: 'network' as const, code, label })),
  ...welfareAssociations.map(([code, label]) => ({
    kind: 'welfareAssociation' as const,
    code,
    label,
  })),
];

/** Translation key for built-in entries without a proper name. */
export function seedLabelKey(seed: ReferenceSeed): string | null {
  return seed.label ? null : `reference:${seed.kind}.${seed.code}`;
}

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Built-in entries get the same id on every device, so two devices seeding the catalogue
 * describe one record, not two.
 */
export function seedId(seed: Pick<ReferenceSeed, 'kind' | 'code'>): string {
  const key = `${seed.kind}/${seed.code}`;
  const hex = (n: number): string => n.toString(16).padStart(8, '0');
  const a = hex(fnv1a(key, 0x811c9dc5));
  const b = hex(fnv1a(key, 0x050c5d1f));
  const c = hex(fnv1a(key, 0x1b873593));
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-8${c.slice(1, 4)}-${c.slice(4)}${hex(fnv1a(key, 7)).slice(0, 8)}`;
}
