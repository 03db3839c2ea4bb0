import { selfReportSteps, type SelfReportStep } from '../../db/repositories/selfReportDrafts';
import { selfReportFieldKeys, type SelfReportFieldKey } from '../../domain/selfReport';

export { selfReportSteps, type SelfReportStep };

/** Which answers each screen asks: one topic per screen. */
export const stepFields: Readonly<Record<SelfReportStep, readonly SelfReportFieldKey[]>> = {
  welcome: [],
  names: ['name', 'originalName'],
  goals: ['goals'],
  members: ['memberCount', 'activeVolunteers', 'peopleReached', 'ageGroups'],
  rooms: ['foundingYear', 'ownRooms'],
  needs: [],
  check: [],
};

export function stepNumber(step: SelfReportStep): number {
  return selfReportSteps.indexOf(step) + 1;
}

export function nextStep(step: SelfReportStep): SelfReportStep {
  return selfReportSteps[Math.min(stepNumber(step), selfReportSteps.length - 1)] ?? step;
}

export function previousStep(step: SelfReportStep): SelfReportStep {
  return selfReportSteps[Math.max(stepNumber(step) - 2, 0)] ?? step;
}

const isFieldKey = (key: string): key is SelfReportFieldKey =>
  (selfReportFieldKeys as readonly string[]).includes(key);

/**
 * The screen where an error's field is: `name` → names, `needs.<item>.note` → needs; anything
 * else (the submission id, the language) can only be shown on the last screen.
 */
export function stepOfPath(path: string): SelfReportStep {
  const head = path.split('.')[0] ?? '';
  if (head === 'needs') return 'needs';
  if (isFieldKey(head)) {
    const step = selfReportSteps.find((s) => stepFields[s].includes(head));
    if (step) return step;
  }
  return 'check';
}
