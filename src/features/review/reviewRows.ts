import { valueOf, type ChecklistValue } from '../../domain/checklist';
import { needsCatalogue, type ChecklistGroup } from '../../domain/needsCatalogue';
import type { Organisation } from '../../domain/organisation';
import {
  answeredFields,
  currentAnswers,
  selfReportFields,
  type SelfReport,
  type SelfReportAnswersFull,
  type SelfReportDecision,
  type SelfReportFieldKey,
} from '../../domain/selfReport';

export interface FieldRow {
  key: SelfReportFieldKey;
  /** The organisation's value now; undefined when the organisation is not on this device. */
  current: SelfReportAnswersFull[SelfReportFieldKey] | undefined;
  proposed: SelfReportAnswersFull[SelfReportFieldKey];
  freeText: boolean;
  decision: SelfReportDecision | null;
}

export interface NeedRow {
  itemId: string;
  group: ChecklistGroup;
  current: ChecklistValue | undefined;
  proposed: ChecklistValue;
  decision: SelfReportDecision | null;
}

/** What the review screen compares, answer by answer, in the order the phone asked. Pure. */
export function fieldRows(report: SelfReport, org: Organisation | null): FieldRow[] {
  const current = org ? currentAnswers(org) : null;
  return answeredFields(report).map((key) => ({
    key,
    current: current ? current[key] : undefined,
    proposed: report.answers[key] as SelfReportAnswersFull[SelfReportFieldKey],
    freeText: selfReportFields[key].freeText,
    decision: report.decisions.fields[key] ?? null,
  }));
}

/** The checklist items the representative changed, in catalogue order. Pure. */
export function needRows(report: SelfReport, org: Organisation | null): NeedRow[] {
  return needsCatalogue.flatMap((item) => {
    const proposed = report.needs[item.id];
    if (!proposed) return [];
    return [
      {
        itemId: item.id,
        group: item.group,
        current: org ? valueOf(org.needs, item.id) : undefined,
        proposed,
        decision: report.decisions.needs[item.id] ?? null,
      },
    ];
  });
}
