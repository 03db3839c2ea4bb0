import type { Option } from '../../app/ui/SelectField';
import { FieldMessages } from '../../app/ui/FieldMessages';

interface Props {
  id: string;
  name: string;
  legend: string;
  hint: string;
  options: readonly Option[];
  value: string | null;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** Big radio buttons with a help text under the question (tied to it by aria-describedby). */
export function RadioChoices({ id, name, legend, hint, options, value, onChange, error }: Props) {
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`field choice-field${error ? ' has-error' : ''}`}
      id={id}
      aria-describedby={described}
    >
      <legend>{legend}</legend>
      <div className="choices sr-choices">
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type="radio"
              name={name}
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
