/**
 * The needs checklist catalogue from the concept paper (sections 2 and 2.5), as data.
 * Labels and help texts live in the locale files under `needs:items.<id>`.
 * Item ids never contain dots: they are used as keys in maps and as sync field paths.
 */
export const checklistGroups = ['core', 'topics', 'education', 'readiness'] as const;
export type ChecklistGroup = (typeof checklistGroups)[number];

export interface ChecklistItem {
  readonly id: string;
  readonly group: ChecklistGroup;
}

const item = (group: ChecklistGroup, id: string): ChecklistItem => ({ id, group });

export const needsCatalogue: readonly ChecklistItem[] = [
  // Support needs named by most MOs
  item('core', 'specialistAdvice'),
  item('core', 'findingRooms'),
  item('core', 'volunteerTraining'),
  item('core', 'educationalWork'),
  item('core', 'fundingMatters'),
  // Information and qualification topics (online survey 2020, multiplier trainings)
  item('topics', 'acquiringFunding'),
  item('topics', 'languageSupportOffers'),
  item('topics', 'qualificationRecognition'),
  item('topics', 'vocationalTrainingOffers'),
  item('topics', 'youthWork'),
  item('topics', 'projectDevelopment'),
  item('topics', 'associationManagement'),
  item('topics', 'administrationKnowledge'),
  item('topics', 'educationSystem'),
  item('topics', 'labourMarket'),
  // Education areas needing advice
  item('education', 'germanLanguage'),
  item('education', 'school'),
  item('education', 'vocationFurtherTraining'),
  item('education', 'nativeLanguageOffers'),
  // Readiness
  item('readiness', 'attendQualification'),
  item('readiness', 'networkWithMos'),
  item('readiness', 'networkWithEducation'),
  item('readiness', 'offersRooms'),
  item('readiness', 'wantsProfessionalise'),
];

export const catalogueIds: ReadonlySet<string> = new Set(needsCatalogue.map((i) => i.id));

export function itemsOfGroup(group: ChecklistGroup): ChecklistItem[] {
  return needsCatalogue.filter((i) => i.group === group);
}
