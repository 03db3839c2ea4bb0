import type { HTMLInputTypeAttribute } from 'react';
import { describedBy } from './fieldIds';
import { FieldMessages } from './FieldMessages';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A translation key from a validation error. */
  error?: string | undefined;
  hint?: string | undefined;
  type?: HTMLInputTypeAttribute;
  multiline?: boolean;
  required?: boolean;
  autoComplete?: string;
  /** User-entered text keeps its own direction (Arabic name inside a German UI and vice versa). */
  userText?: boolean;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel' | 'search';
}

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  multiline,
  required,
  autoComplete,
  userText = true,
  inputMode,
}: Props) {
  const common = {
    id,
    name: id,
    value,
    required,
    autoComplete,
    inputMode,
    dir: userText ? 'auto' : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, Boolean(error), Boolean(hint)),
  } as const;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {multiline ? (
        <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
