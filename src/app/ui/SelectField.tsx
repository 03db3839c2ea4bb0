import { useTranslation } from 'react-i18next';
import { describedBy } from './fieldIds';
import { FieldMessages } from './FieldMessages';

export interface Option {
  value: string;
  label: string;
}

interface Props {
  id: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  /** Offer an empty choice ("— please choose —") with value ''. */
  emptyLabel?: string;
  required?: boolean;
}

export function SelectField({
  id,
  label,
  value,
  options,
  onChange,
  error,
  hint,
  emptyLabel,
  required,
}: Props) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select
        id={id}
        name={id}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(error), Boolean(hint))}
        onChange={(e) => onChange(e.target.value)}
      >
        {emptyLabel !== undefined ? (
          <option value="">{emptyLabel || t('form.choose')}</option>
        ) : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
