import type { Option } from './SelectField';
import { describedBy } from './fieldIds';
import { FieldMessages } from './FieldMessages';

interface Props {
  id: string;
  legend: string;
  options: readonly Option[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Help text under the question, tied to it by aria-describedby. */
  hint?: string | undefined;
  /** Extra class for the choices, e.g. the self-report's bigger buttons. */
  choicesClassName?: string;
}

/** Radio buttons as large touch targets: for short lists picked with one hand. */
export function ChoiceField({
  id,
  legend,
  options,
  value,
  onChange,
  error,
  hint,
  choicesClassName,
}: Props) {
  return (
    <fieldset
      className={`field choice-field${error ? ' has-error' : ''}`}
      id={id}
      aria-describedby={describedBy(id, Boolean(error), Boolean(hint))}
    >
      <legend>{legend}</legend>
      <div className={choicesClassName ? `choices ${choicesClassName}` : 'choices'}>
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type="radio"
              name={id}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </fieldset>
  );
}
