import type { Option } from './SelectField';
import { FieldMessages } from './FieldMessages';

interface Props {
  id: string;
  legend: string;
  options: readonly Option[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  error?: string | undefined;
}

export function CheckboxGroup({ id, legend, options, values, onChange, error }: Props) {
  return (
    <fieldset
      className="field checkbox-group"
      id={id}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      <div className="choices">
        {options.map((o) => {
          const checked = values.includes(o.value);
          return (
            <label key={o.value} className="choice">
              <input
                type="checkbox"
                checked={checked}
                onChange={() =>
                  onChange(checked ? values.filter((v) => v !== o.value) : [...values, o.value])
                }
              />
              <span>{o.label}</span>
            </label>
          );
        })}
      </div>
      <FieldMessages id={id} error={error} />
    </fieldset>
  );
}
