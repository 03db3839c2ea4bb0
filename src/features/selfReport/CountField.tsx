import { useState } from 'react';
import { describedBy } from '../../app/ui/fieldIds';
import { FieldMessages } from '../../app/ui/FieldMessages';

interface Props {
  id: string;
  label: string;
  hint: string;
  value: number | null;
  onChange: (value: number | null) => void;
  /** Told whether the typed text can be read as a number ("ca. 40" cannot). */
  onReadable: (readable: boolean) => void;
  error?: string | undefined;
  min?: number;
  max?: number;
}

const READABLE = /^-?\d+([.,]\d+)?$/;

/**
 * A number or empty, like the app's NumberField, but it also tells the form when the text cannot
 * be read, so "next" stops there instead of going on with the old number.
 */
export function CountField({
  id,
  label,
  hint,
  value,
  onChange,
  onReadable,
  error,
  min,
  max,
}: Props) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value === null ? '' : String(value));
  }
  const unreadable = text.trim() !== '' && !READABLE.test(text.trim());
  const err = unreadable ? 'errors.numberInvalid' : error;
  return (
    <div className={`field${err ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        inputMode="numeric"
        value={text}
        min={min}
        max={max}
        aria-invalid={err ? true : undefined}
        aria-describedby={describedBy(id, Boolean(err), true)}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const trimmed = next.trim();
          onReadable(trimmed === '' || READABLE.test(trimmed));
          if (trimmed === '') {
            setShown(null);
            onChange(null);
          } else if (READABLE.test(trimmed)) {
            const n = Number(trimmed.replace(',', '.'));
            setShown(n);
            onChange(n);
          }
        }}
      />
      <FieldMessages id={id} hint={hint} error={err} />
    </div>
  );
}
