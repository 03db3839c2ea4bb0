import type { Option } from './SelectField';
import { FieldMessages } from './FieldMessages';

interface Props {
  id: string;
  legend: string;
  options: readonly Option[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** Radio buttons as large touch targets: for short lists picked with one hand. */
export function ChoiceField({ id, legend, options, value, onChange, error }: Props) {
  return (
    <fieldset
      className="field choice-field"
      id={id}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      <div className="choices">
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
      <FieldMessages id={id} error={error} />
    </fieldset>
  );
}
