import { useState } from 'react';
import { describedBy } from './fieldIds';
import { FieldMessages } from './FieldMessages';

interface Props {
  id: string;
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
  hint?: string | undefined;
  min?: number;
  max?: number;
  /**
   * Told after each keystroke whether the text can be read as a number ("ca. 40" cannot), e.g.
   * so a step-by-step form stops there instead of going on with the old number.
   */
  onReadable?: (readable: boolean) => void;
}

const READABLE = /^-?\d+([.,]\d+)?$/;

/** A whole number or empty. What cannot be read as a number is shown as an error, never dropped. */
export function NumberField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  min,
  max,
  onReadable,
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
        aria-describedby={describedBy(id, Boolean(err), Boolean(hint))}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const trimmed = next.trim();
          onReadable?.(trimmed === '' || READABLE.test(trimmed));
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
