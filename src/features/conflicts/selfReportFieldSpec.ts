import { ageGroups } from '../../domain/organisation';
import {
  selfReportDecisions,
  selfReportFieldKeys,
  selfReportFields,
  type SelfReportFieldKey,
} from '../../domain/selfReport';
import type { FieldSpec, ValueFormat } from './fieldSpec';

const plain: ValueFormat = { type: 'plain' };
const dateTime: ValueFormat = { type: 'dateTime' };
const decisionFormat: ValueFormat = {
  type: 'enum',
  prefix: 'review:decisions',
  values: selfReportDecisions,
};

const isFieldKey = (key: string | undefined): key is SelfReportFieldKey =>
  (selfReportFieldKeys as readonly (string | undefined)[]).includes(key);

/** How an answer of the self-report is shown: typed text, a number, a year, a list. */
function answerFormat(key: SelfReportFieldKey): ValueFormat {
  if (selfReportFields[key].freeText) return { type: 'text' };
  if (key === 'foundingYear') return { type: 'year' };
  if (key === 'ageGroups')
    return { type: 'enum', prefix: 'organisations:ageGroups', values: ageGroups };
  return plain;
}

/** `{ decision, decidedAt }` of one answer or checklist item, labelled after what it decides. */
function decisionSpec(subject: string, part: string | undefined): FieldSpec | null {
  switch (part) {
    case undefined:
      return { label: [subject, 'review:conflict.decision'], format: plain };
    case 'decision':
      return { label: [subject, 'review:conflict.decision'], format: decisionFormat };
    case 'decidedAt':
      return { label: [subject, 'review:conflict.decidedAt'], format: dateTime };
    default:
      return null;
  }
}

const top: Readonly<Record<string, FieldSpec>> = {
  organisationId: { label: ['conflicts:fields.organisation'], format: { type: 'raw' } },
  invitationId: { label: ['review:conflict.invitation'], format: { type: 'raw' } },
  language: { label: ['review:conflict.language'], format: { type: 'language' } },
  submittedAt: { label: ['review:conflict.submittedAt'], format: dateTime },
  answers: { label: ['review:conflict.answers'], format: plain },
  needs: { label: ['review:conflict.needs'], format: plain },
  decisions: { label: ['review:conflict.decisions'], format: plain },
};

/**
 * Field paths of a self-report: the coordinators' decisions (the part that can conflict, when two
 * decide on the same answer) and, for completeness, the representative's answers. Pure.
 */
export function selfReportSpec(
  path: readonly string[],
  checklistSpec: (rest: readonly string[]) => FieldSpec | null,
): FieldSpec | null {
  const [first, second, third, fourth, ...more] = path;
  if (first === undefined) return null;
  if (path.length === 1) return Object.hasOwn(top, first) ? (top[first] ?? null) : null;
  switch (first) {
    case 'answers':
      if (path.length !== 2 || !isFieldKey(second)) return null;
      return {
        label: ['review:conflict.answers', `organisations:fields.${second}`],
        format: answerFormat(second),
      };
    case 'needs': {
      const spec = checklistSpec(path.slice(1));
      return spec ? { ...spec, label: ['review:conflict.needs', ...spec.label] } : null;
    }
    case 'decisions': {
      if (more.length > 0) return null;
      if (path.length === 2) {
        return second === 'fields' || second === 'needs'
          ? { label: ['review:conflict.decisions'], format: plain }
          : null;
      }
      if (second === 'fields' && isFieldKey(third)) {
        return decisionSpec(`organisations:fields.${third}`, fourth);
      }
      if (second === 'needs' && third !== undefined && checklistSpec([third])) {
        return decisionSpec(`needs:items.${third}.label`, fourth);
      }
      return null;
    }
    default:
      return null;
  }
}
