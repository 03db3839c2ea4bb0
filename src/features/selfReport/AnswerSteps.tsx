import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../app/ui/ChoiceField';
import { NumberField } from '../../app/ui/NumberField';
import { TextField } from '../../app/ui/TextField';
import type { SelfReportFieldKey } from '../../domain/selfReport';
import { errorFor } from '../../domain/validation';
import { AgeGroupsField } from './AgeGroupsField';
import type { StepProps } from './stepProps';

/** Label and help text of one question. */
function useQuestion() {
  const { t } = useTranslation(['selfReport']);
  return (key: SelfReportFieldKey) => ({
    label: t(`selfReport:fields.${key}.label`),
    hint: t(`selfReport:fields.${key}.hint`),
  });
}

export function NamesStep({ draft, errors, setAnswer }: StepProps) {
  const q = useQuestion();
  return (
    <>
      <TextField
        id="name"
        {...q('name')}
        value={draft.answers.name}
        required
        autoComplete="organization"
        error={errorFor(errors, 'name')}
        onChange={(v) => setAnswer('name', v)}
      />
      <TextField
        id="originalName"
        {...q('originalName')}
        value={draft.answers.originalName}
        error={errorFor(errors, 'originalName')}
        onChange={(v) => setAnswer('originalName', v)}
      />
    </>
  );
}

export function GoalsStep({ draft, errors, setAnswer }: StepProps) {
  const q = useQuestion();
  return (
    <TextField
      id="goals"
      {...q('goals')}
      multiline
      value={draft.answers.goals}
      error={errorFor(errors, 'goals')}
      onChange={(v) => setAnswer('goals', v)}
    />
  );
}

export function MembersStep({ draft, errors, setAnswer, session }: StepProps) {
  const q = useQuestion();
  const counts = ['memberCount', 'activeVolunteers', 'peopleReached'] as const;
  return (
    <>
      {counts.map((key) => (
        <NumberField
          key={key}
          id={key}
          {...q(key)}
          value={draft.answers[key]}
          min={0}
          error={errorFor(errors, key)}
          onChange={(v) => setAnswer(key, v)}
          onReadable={(readable) => session.setUnreadable(key, !readable)}
        />
      ))}
      <AgeGroupsField
        values={draft.answers.ageGroups}
        error={errorFor(errors, 'ageGroups')}
        onChange={(v) => setAnswer('ageGroups', v)}
      />
    </>
  );
}

const roomsValue = (v: boolean | null): string => (v === null ? 'unknown' : v ? 'yes' : 'no');
const roomsAnswer = (v: string): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

export function RoomsStep({ draft, errors, setAnswer, session }: StepProps) {
  const { t } = useTranslation(['selfReport']);
  const q = useQuestion();
  return (
    <>
      <NumberField
        id="foundingYear"
        {...q('foundingYear')}
        value={draft.answers.foundingYear}
        min={1800}
        max={2100}
        error={errorFor(errors, 'foundingYear')}
        onChange={(v) => setAnswer('foundingYear', v)}
        onReadable={(readable) => session.setUnreadable('foundingYear', !readable)}
      />
      <ChoiceField
        id="ownRooms"
        choicesClassName="sr-choices"
        legend={q('ownRooms').label}
        hint={q('ownRooms').hint}
        value={roomsValue(draft.answers.ownRooms)}
        options={(['yes', 'no', 'unknown'] as const).map((v) => ({
          value: v,
          label: t(`selfReport:ownRooms.${v}`),
        }))}
        error={errorFor(errors, 'ownRooms')}
        onChange={(v) => setAnswer('ownRooms', roomsAnswer(v))}
      />
    </>
  );
}
